"""Place names: the federal states (defined here once) and the hubs' cities (facts in hub.yml),
shown in the reader's language.

The official German name is the fact and the msgid, with the context "city" or "state" (so
that Berlin and Hamburg, both cities and states, can differ: ja ベルリン / ベルリン州).
`i18n extract` takes them from hub.yml and STATES into the catalogs, where translators own
them; the German catalog holds them unchanged. English is the language of the other msgids
and has no catalog, so its names are the one table here (ENGLISH); a language's catalog
that lacks a name falls back like any text: to English, then the official German name.
URLs (state slugs), calendars and the official fields of the open data keep German.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from babel.support import NullTranslations

CITY = "city"
STATE = "state"
SOURCE = "dehub/localize/places.py"  # where the states are defined, for the catalogs' references
ENGLISH_CODE = "en"  # the language whose names are ENGLISH (the msgid language has no catalog)


# The 16 federal states (Bundesländer), by their official German names; `place_messages`
# extracts them with msgctxt "state" (so no gettext keyword here: that would drop the context).
STATES: list[str] = [
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
]

# English names; a name missing here is the same in English as in German.
ENGLISH: dict[tuple[str, str], str] = {
    (CITY, "Köln"): "Cologne",
    (CITY, "München"): "Munich",
    (CITY, "Nürnberg"): "Nuremberg",
    (STATE, "Bayern"): "Bavaria",
    (STATE, "Hessen"): "Hesse",
    (STATE, "Mecklenburg-Vorpommern"): "Mecklenburg-Western Pomerania",
    (STATE, "Niedersachsen"): "Lower Saxony",
    (STATE, "Nordrhein-Westfalen"): "North Rhine-Westphalia",
    (STATE, "Rheinland-Pfalz"): "Rhineland-Palatinate",
    (STATE, "Sachsen"): "Saxony",
    (STATE, "Sachsen-Anhalt"): "Saxony-Anhalt",
    (STATE, "Thüringen"): "Thuringia",
}


def catalog_name(translations: NullTranslations, context: str, name: str) -> str | None:
    """The catalog's translation of a place name, or None when the catalog lacks it."""
    catalog = getattr(translations, "_catalog", None)  # gettext.GNUTranslations keeps msgctxt as "ctx\x04msgid"
    if not catalog or f"{context}\x04{name}" not in catalog:
        return None
    return translations.pgettext(context, name) or None


def place_name(translations: NullTranslations, lang: str, chain: list[str], context: str, name: str) -> str:
    """A city's or state's name for a reader of `lang`, by the fallback chain; else the official name."""
    for code in chain:
        if code == lang:
            translated = catalog_name(translations, context, name)
            if translated:
                return translated
        if code == ENGLISH_CODE:
            return ENGLISH.get((context, name), name)
    return name


def _hub_cities(root: Path) -> Iterator[tuple[str, str, int]]:
    """(name, hub.yml path, line) of every city in hubs/*/hub.yml that can be read; bad files are
    left to `check`, which reports them."""
    from ..diagnostics import Report
    from ..load.safe_yaml import load_yaml, read_file

    hubs = root / "hubs"
    if not hubs.is_dir():
        return
    for slug in sorted(os.listdir(hubs)):
        file = hubs / slug / "hub.yml"
        if slug.startswith(".") or file.is_symlink() or not file.is_file():
            continue
        rel = f"hubs/{slug}/hub.yml"
        text = read_file(file, rel, Report())
        document = load_yaml(text, rel, Report()) if text is not None else None
        cities = document.data.get("cities") if document is not None and isinstance(document.data, dict) else None
        for index, city in enumerate(cities if isinstance(cities, list) else []):
            name = city.get("name") if isinstance(city, dict) else None
            if isinstance(name, str) and name.strip():
                yield name, rel, document.where(("cities", index, "name"))[0]


def place_messages(root: Path, cities: bool = True) -> list[tuple[str, str, str, int, list[str]]]:
    """(context, msgid, file, line, comments) of every place name: the states, then (`cities`) the cities."""
    lines = Path(__file__).read_text(encoding="utf-8").split("\n")
    found = []
    for state in STATES:
        line = next((n for n, text in enumerate(lines, 1) if text.strip() == f'"{state}",'), 1)
        found.append((STATE, state, SOURCE, line, ["Translators: a German federal state (official name)."]))
    for name, path, line in _hub_cities(root) if cities else ():
        found.append((CITY, name, path, line, ["Translators: a city in Germany (official name)."]))
    return found
