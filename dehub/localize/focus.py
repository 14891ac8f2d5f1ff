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


def focus_aliases(root: object = None) -> dict[str, str]:
    """Every way a hub team may write a focus, casefolded, to its key: the key, the English label
    ('Internet of Things', 'IoT' by its initials) and each catalog's label ('Internet der Dinge')."""
    import re
    from pathlib import Path

    aliases: dict[str, str] = {}
    for key, label in FOCUS_LABELS.items():
        aliases[key.casefold()] = key
        aliases[label.casefold()] = key
        aliases[key.replace("-", " ").casefold()] = key
        initials = "".join(word[0] for word in re.split(r"[\s-]+", label) if word)
        if len(initials) > 1:
            aliases.setdefault(initials.casefold(), key)
    folder = Path(str(root)) / "translations" if root is not None else None
    if folder is None or not folder.is_dir():
        return aliases
    from ..load.po import parse_catalog  # hostile catalogs are read safely; what can't be read adds no labels

    for lang in sorted(entry.name for entry in folder.iterdir() if (entry / "LC_MESSAGES" / "messages.po").is_file()):
        parsed = parse_catalog(Path(str(root)), lang)
        if parsed is None or parsed.catalog is None:
            continue
        for key, label in FOCUS_LABELS.items():
            message = parsed.catalog.get(label)
            if message is not None and isinstance(message.string, str) and message.string.strip():
                aliases.setdefault(message.string.strip().casefold(), key)
    return aliases
