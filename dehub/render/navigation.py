"""The navigation tabs and footer links of one language (labels from the catalog)."""

from __future__ import annotations

from markupsafe import escape

from ..localize.localizer import Localizer
from ..urls import page_path, src_uri
from .page import Page

NAV = [
    ("index", "Home"),
    ("hubs", "Hubs"),
    ("events", "Events"),
    ("news", "News"),
    ("initiative", "The initiative"),
    ("founders", "Founders"),
    ("investors", "Investors"),
    ("skilled-workers", "Skilled workers"),
]
FOOTER = [
    ("imprint", "Legal notice"),
    ("privacy", "Privacy"),
    ("accessibility", "Accessibility"),
    ("open-data", "Open data"),
    ("leichte-sprache", None),
    ("dgs", None),
]


def _(message: str) -> str:
    """Marks a string for extraction; translated with the page language below."""
    return message


LABELS = {
    "index": _("Home"),
    "hubs": _("Hubs"),
    "events": _("Events"),
    "news": _("News"),
    "initiative": _("The initiative"),
    "founders": _("Founders"),
    "investors": _("Investors"),
    "skilled-workers": _("Skilled workers"),
    "imprint": _("Legal notice"),
    "privacy": _("Privacy"),
    "accessibility": _("Accessibility"),
    "open-data": _("Open data"),
}
GERMAN_ONLY_LABELS = {"leichte-sprache": "Leichte Sprache", "dgs": "Gebärdensprache (DGS)"}


def navigation(specs: list[Page], loc: Localizer) -> list[dict]:
    present = {spec.key for spec in specs}
    return [{str(escape(loc.gettext(LABELS[key]))): src_uri(key)} for key, _label in NAV if key in present]


def footer_links(specs: list[Page], loc: Localizer) -> list[dict]:
    """Legal and accessibility pages, linked in every footer; German-only ones point to /de/."""
    present = {spec.key for spec in specs}
    links = []
    for key, _label in FOOTER:
        if key in GERMAN_ONLY_LABELS:
            links.append(
                {"path": f"../de/{page_path(key)}" if loc.lang != "de" else page_path(key), "label": GERMAN_ONLY_LABELS[key], "lang": "de"}
            )
        elif key in present:
            links.append({"path": page_path(key), "label": str(escape(loc.gettext(LABELS[key]))), "lang": None})
    return links
