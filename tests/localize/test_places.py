"""Issue 17: city and state names in the reader's language, from the catalogs (msgctxt city/state)."""

from __future__ import annotations

from babel.messages.pofile import read_po

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.localize.catalogs import catalog_path
from dehub.localize.localizer import localizer
from dehub.localize.places import CITY, ENGLISH, STATE, STATES
from dehub.localize.pot import extract
from dehub.model import City
from dehub.validate.project import read_project
from tests.conftest import ROOT

CATALOG_LANGS = ("de", "fr", "es", "zh", "ja", "ar")


def shipped_cities() -> list[City]:
    report = Report()
    project = read_project(ROOT, load_config(ROOT), report)
    return [city for hub in project.hubs for city in hub.cities]


def loc(lang: str):
    return localizer(ROOT, lang, load_config(ROOT).fallback_chain(lang))


def test_extract_takes_every_city_from_hub_yml_and_every_state_with_its_context() -> None:
    catalog = extract(ROOT)
    cities = {city.name for city in shipped_cities()}
    assert {m.id for m in catalog if m.context == CITY} == cities
    assert {m.id for m in catalog if m.context == STATE} == set(STATES)
    berlin = catalog.get("Berlin", CITY)
    assert berlin is not None and berlin.locations[0][0] == "hubs/berlin/hub.yml"
    assert catalog.get("Berlin", STATE).locations[0][0] == "dehub/localize/places.py"


def test_every_catalog_names_every_place_and_german_keeps_the_official_names() -> None:
    names = {(CITY, city.name) for city in shipped_cities()} | {(STATE, state) for state in STATES}
    for lang in CATALOG_LANGS:
        with open(catalog_path(ROOT, lang), "rb") as handle:
            catalog = read_po(handle, locale=lang)
        for context, name in names:
            message = catalog.get(name, context)
            assert message is not None and message.string and not message.fuzzy, f"{lang}: {context} {name}"
            if lang == "de":
                assert message.string == name


def test_names_in_the_readers_language_with_city_and_state_apart() -> None:
    assert loc("ja").city("Berlin") == "ベルリン" and loc("ja").state("Berlin") == "ベルリン州"
    assert loc("zh").city("Köln") == "科隆" and loc("ar").city("Köln") == "كولونيا"
    assert loc("fr").state("Bayern") == "Bavière" and loc("es").state("Bayern") == "Baviera"
    assert loc("en").city("Köln") == "Cologne" and loc("en").state("Nordrhein-Westfalen") == "North Rhine-Westphalia"
    assert loc("en").city("Dortmund") == "Dortmund" and loc("de").city("Köln") == "Köln"
    assert loc("zh").city_in_state(City("Köln", "Nordrhein-Westfalen", 0, 0)) == "科隆（北莱茵-威斯特法伦州）"
    assert loc("ja").city_in_state(City("Berlin", "Berlin", 0, 0)) == "ベルリン"  # a city-state is named once


def test_a_name_missing_from_a_catalog_falls_back_to_english_then_german() -> None:
    french = loc("fr")
    assert french.city("Bonn") == "Bonn"  # in no catalog, no English name: the official one
    english = dict(ENGLISH)
    try:
        ENGLISH[(CITY, "Bonn")] = "Bonn (en)"
        assert french.city("Bonn") == "Bonn (en)"
    finally:
        ENGLISH.clear()
        ENGLISH.update(english)
