"""No file silently ignored: every file the build would not read in a hub folder, content/<lang>/,
a news folder or translations/ is an error that names what it should be called."""

from __future__ import annotations

from pathlib import Path

import pytest

from dehub.load.names import hub_file_name, language_of
from tests.conftest import make_repo, run_build_py

CODES = ["de", "en", "fr", "es", "zh", "ja", "ar"]
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><title>Logo</title><rect width="200" height="100" fill="#0b3b74"/></svg>'
)


@pytest.mark.parametrize(
    ("name", "wanted"),
    [
        ("FR.md", "fr.md"),
        ("english.md", "en.md"),
        ("Deutsch.md", "de.md"),
        ("Français.md", "fr.md"),
        ("fr.markdown", "fr.md"),
        ("fr_FR.md", "fr.md"),
        ("hub.yaml", "hub.yml"),
        ("Hub.yml", "hub.yml"),
        ("hub.json", "hub.yml"),
        ("photo.jpg", None),
    ],
)
def test_a_hub_file_name_is_corrected(name: str, wanted: str | None) -> None:
    assert hub_file_name(name, CODES) == wanted


def test_language_names_in_english_german_and_their_own_language() -> None:
    assert [language_of(word, CODES) for word in ("english", "Englisch", "español", "japanese", "中文", "klingon")] == [
        "en",
        "en",
        "es",
        "ja",
        "zh",
        None,
    ]


def test_every_unread_file_is_an_error_with_its_right_name(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    hub = repo / "hubs" / "dortmund"
    for name in ("FR.md", "english.md", "fr.markdown", "hub.yaml", "notes.txt", ".DS_Store"):
        (hub / name).write_text("x\n", encoding="utf-8")
    (hub / "pictures").mkdir()
    (hub / "logo.svg").write_text(LOGO, encoding="utf-8")  # named by hub.yml: read, so no error
    (hub / "hub.yml").write_text((hub / "hub.yml").read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    (repo / "content" / "de" / "news").mkdir(parents=True)
    (repo / "content" / "de" / "About.markdown").write_text("# About\n", encoding="utf-8")
    (repo / "content" / "de" / "news" / "2027-01-01-hub-abend.markdown").write_text("x\n", encoding="utf-8")
    (repo / "content" / "events").mkdir(parents=True)
    (repo / "content" / "events" / "summit.YML").write_text("title: Summit\n", encoding="utf-8")
    (repo / "translations" / "FR").mkdir()
    (repo / "translations" / "fr.po").write_text("", encoding="utf-8")
    (repo / "translations" / "de" / "LC_MESSAGES" / "message.po").write_text("", encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    prose = "de.md, en.md, fr.md, es.md, zh.md, ja.md, ar.md"
    assert lines == [
        "content/de/About.markdown:1: error: 'About.markdown' is not read by the build; did you mean 'about.md'? pages end in .md",
        "content/de/news/2027-01-01-hub-abend.markdown:1: error: '2027-01-01-hub-abend.markdown' is not read by the build; "
        "did you mean '2027-01-01-hub-abend.md'? pages end in .md; only news posts (YYYY-MM-DD-slug.md) belong in content/de/news/",
        "content/events/summit.YML:1: error: 'summit.YML' is not read by the build; did you mean 'summit.yml'? "
        "content/events/ holds one event per .yml file",
        "hubs/dortmund/FR.md:1: error: 'FR.md' is not read by the build; did you mean 'fr.md'? rename it to fr.md",
        "hubs/dortmund/english.md:1: error: 'english.md' is not read by the build; did you mean 'en.md'? rename it to en.md",
        "hubs/dortmund/fr.markdown:1: error: 'fr.markdown' is not read by the build; did you mean 'fr.md'? rename it to fr.md",
        "hubs/dortmund/hub.yaml:1: error: 'hub.yaml' is not read by the build; did you mean 'hub.yml'? rename it to hub.yml",
        f"hubs/dortmund/notes.txt:1: error: 'notes.txt' is not read by the build; a hub folder holds hub.yml, the prose ({prose}) "
        "and the logo hub.yml names; rename or delete it",
        "hubs/dortmund/pictures:1: error: the folder 'pictures' in a hub folder is not read by the build; "
        "move its files up (hub.yml, <lang>.md, the logo) or delete it",
        "translations/FR:1: error: the language folder 'FR' is not read by the build (not a configured language); "
        "did you mean 'fr'? rename it to translations/fr/",
        "translations/de/LC_MESSAGES/message.po:1: error: 'message.po' is not read by the build; the catalog is named messages.po",
        "translations/fr.po:1: error: 'fr.po' is not read by the build; a catalog lives at translations/fr/LC_MESSAGES/messages.po",
    ]


def test_an_image_the_hub_yml_does_not_name_is_an_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "hubs" / "dortmund" / "logo.svg").write_text(LOGO, encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert "hubs/dortmund/logo.svg:1: error: 'logo.svg' is not read by the build;" in result.stderr
    assert "(if it is the logo, name it in hub.yml: logo: logo.svg)" in result.stderr


def test_the_shipped_folders_hold_no_unread_file() -> None:
    result = run_build_py("check")
    assert "is not read by the build" not in result.stderr
