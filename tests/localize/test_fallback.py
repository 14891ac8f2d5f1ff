"""dehub/localize/fallback.py: THE fallback rule, used by the renderers, serve and the PR summary."""

from __future__ import annotations

from dehub.localize.fallback import NOTHING, choose_prose, description_of, languages_showing, pick, shown_language
from dehub.model import Prose, source_hash

CHAINS = {"de": ["de", "en"], "en": ["en", "de"], "fr": ["fr", "en", "de"], "ar": ["ar", "en", "de"]}
CODES = list(CHAINS)


def prose(lang: str, body: str = "Text", **meta: object) -> Prose:
    return Prose(lang, f"hubs/x/{lang}.md", body, 1, dict(meta))


def test_the_first_language_of_the_chain_that_has_a_text() -> None:
    assert shown_language(["fr", "en", "de"], {"de", "en"}) == "en"
    assert shown_language(["fr", "en", "de"], lambda code: code == "de") == "de"
    assert shown_language(["fr"], set()) is None
    assert pick({"de": "Hallo", "en": "Hello"}, ["fr", "en", "de"]) == ("Hello", "en")
    assert pick("Name", ["fr"]) == ("Name", None)
    assert pick({"ja": "x"}, ["fr", "en"]) == ("x", "ja")  # outside the chain: its first language


def test_choose_prose_flags_fallbacks_and_outdated_translations() -> None:
    german = prose("de", "Quelle")
    current = prose("en", source_hash=source_hash("Quelle"))
    assert choose_prose({"de": german, "en": current}, CHAINS["en"], "de").notice is None
    assert choose_prose({"de": german, "en": prose("en", source_hash="0")}, CHAINS["en"], "de").notice == "outdated"
    chosen = choose_prose({"de": german, "en": current}, CHAINS["fr"], "de")
    assert (chosen.lang, chosen.notice) == ("en", "fallback")
    assert choose_prose({}, CHAINS["fr"], "de") is NOTHING
    assert not chosen.stale
    behind = choose_prose({"de": german, "en": prose("en", source_hash="0")}, CHAINS["fr"], "de")
    assert (behind.lang, behind.notice, behind.stale) == ("en", "fallback", True)  # a stand-in that is itself outdated
    assert not choose_prose({"de": german}, CHAINS["fr"], "de").stale  # the source is never behind


def test_a_stand_in_text_keeps_the_generated_description() -> None:
    english = prose("en", description="English summary")
    assert description_of(choose_prose({"en": english}, CHAINS["en"], "de"), "default") == "English summary"
    assert description_of(choose_prose({"en": english}, CHAINS["fr"], "de"), "default") == "default"


def test_the_languages_that_show_a_changed_text() -> None:
    has = {"de", "en"}
    assert languages_showing(CODES, CHAINS, "de", "en", has.__contains__) == ["en", "fr", "ar"]
    assert languages_showing(CODES, CHAINS, "de", "de", has.__contains__) == CODES  # the source: everyone
    assert languages_showing(CODES, CHAINS, "de", "fr", has.__contains__) == ["fr"]  # a new or deleted file counts
