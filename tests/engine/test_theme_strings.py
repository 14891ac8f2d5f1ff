"""Issue 17: Material's own strings where they are wrong, the mode toggle, and every aria-label,
title and alt text of the built pages in the page's language."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from dehub.config import load_config
from dehub.localize.catalogs import POT
from dehub.localize.localizer import localizer
from tests.conftest import ROOT, BuiltSite

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
ENTRY = re.compile(r'^\s*"([^"]+)": "((?:[^"\\]|\\.)*)",?$', re.M)
LANGS = ("de", "fr", "es", "zh", "ja", "ar")
PAGES = ("", "hubs/", "hubs/koeln/", "hubs/state/bayern/", "events/", "open-data/", "initiative/", "imprint/", "accessibility/")


def strings(path: Path) -> dict[str, str]:
    return dict(ENTRY.findall(path.read_text(encoding="utf-8")))


def soup(built_site: BuiltSite, lang: str, path: str) -> BeautifulSoup:
    return BeautifulSoup(built_site.page(f"{lang}/{path}").read_text(encoding="utf-8"), "html.parser")


def test_our_arabic_theme_strings_keep_materials_keys_and_fix_its_mistakes() -> None:
    ours, materials = strings(ROOT / "theme" / "partials" / "languages" / "ar.html"), strings(MATERIAL_LANGUAGES / "ar.html")
    assert ours.keys() == materials.keys(), "Material's ar.html changed its keys: bring theme/partials/languages/ar.html in step"
    assert ours["search"] == "ابحث" and ours["select.language"] == "اختر اللغة"
    assert ours["top"] == "عودوا إلى الأعلى" and ours["action.skip"] == "انتقلوا إلى المحتوى"
    assert {key for key in ours if ours[key] != materials[key]} == {"search", "select.language", "select.version", "top", "action.skip"}


def test_the_arabic_pages_use_the_corrected_strings(built_site: BuiltSite) -> None:
    html = built_site.page("ar/hubs").read_text(encoding="utf-8")
    for wrong in ("إبحث", "إختر اللغة", "عد إلى الأعلى", ">انتقل إلى المحتوى<"):
        assert wrong not in html
    doc = BeautifulSoup(html, "html.parser")
    assert doc.select_one("form.dehub-search")["aria-label"] == "البحث في الموقع الإلكتروني"  # ours, from the catalog
    assert doc.select_one(".md-select button")["aria-label"] == "اختر اللغة"
    assert doc.select_one("a.dehub-skip").get_text(strip=True) == "انتقلوا إلى المحتوى"


@pytest.mark.parametrize("lang", LANGS)
def test_the_mode_toggle_speaks_the_pages_language(built_site: BuiltSite, lang: str) -> None:
    loc = localizer(ROOT, lang, load_config(ROOT).fallback_chain(lang))
    doc = soup(built_site, lang, "hubs/")
    labels = [el["aria-label"] for el in doc.select('form[data-md-component="palette"] input')]
    titles = [el["title"] for el in doc.select('form[data-md-component="palette"] label')]
    wanted = [loc.gettext("Switch to dark mode"), loc.gettext("Switch to light mode")]
    assert labels == wanted and titles == wanted
    assert "Switch to dark mode" not in labels


def english_ui_strings(lang: str) -> set[str]:
    """Our msgids and Material's English strings that `lang` translates differently."""
    loc = localizer(ROOT, lang, load_config(ROOT).fallback_chain(lang))
    with open(ROOT / POT, "rb") as handle:
        template = read_po(handle)
    ours = {m.id for m in template if isinstance(m.id, str) and m.id and not m.context and loc.gettext(m.id) != m.id}
    english = strings(MATERIAL_LANGUAGES / "en.html")
    translated = strings(ROOT / "theme" / "partials" / "languages" / f"{lang}.html") if lang == "ar" else {}
    translated = translated or strings(MATERIAL_LANGUAGES / f"{lang}.html")
    theirs = {value for key, value in english.items() if translated.get(key, value) != value}
    return {text for text in ours | theirs if "%" not in text and "#" not in text}


@pytest.mark.parametrize("lang", LANGS)
def test_every_aria_label_title_and_alt_is_in_the_pages_language(built_site: BuiltSite, lang: str) -> None:
    english = english_ui_strings(lang)
    assert "Switch to dark mode" in english and "logo" not in english and "de:hub logo" in english
    for path in PAGES:
        doc = soup(built_site, lang, path)
        for element in doc.find_all(True):
            for name in ("aria-label", "title", "alt", "placeholder"):
                if element.has_attr(name):
                    assert element[name] not in english | {"logo"}, f"{lang}/{path}: {name}={element[name]!r} on <{element.name}>"


@pytest.mark.parametrize("lang", LANGS)
def test_the_404_page_describes_the_site_in_its_language(built_site: BuiltSite, lang: str) -> None:
    """mkdocs.yml's site_description is a msgid: a page without a description of its own (404)
    gets the translation, never the English text."""
    english = load_config(ROOT).mkdocs["site_description"]
    loc = localizer(ROOT, lang, load_config(ROOT).fallback_chain(lang))
    description = soup(built_site, lang, "404.html").find("meta", attrs={"name": "description"})["content"]
    assert description == loc.gettext(english) != english
