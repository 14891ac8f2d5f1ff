"""The sector foci: keys are defined here once; labels are translated with gettext."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


FOCUS_LABELS: dict[str, str] = {
    "iot": N_("Internet of Things"),
    "fintech": N_("FinTech"),
    "logistics": N_("Logistics"),
    "smart-systems": N_("Smart Systems"),
    "smart-infrastructure": N_("Smart Infrastructure"),
    "cybersecurity": N_("Cybersecurity"),
    "artificial-intelligence": N_("Applied Artificial Intelligence"),
    "insurtech": N_("InsurTech"),
    "chemistry": N_("Chemistry"),
    "health": N_("Health"),
    "mobility": N_("Mobility"),
    "digital-health": N_("Digital Health"),
    "mediatech": N_("MediaTech"),
    "future-industries": N_("Future Industries"),
}

FOCUS_KEYS: list[str] = list(FOCUS_LABELS)
