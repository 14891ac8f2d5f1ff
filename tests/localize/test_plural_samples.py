"""Every plural message, rendered in every language at n = 0, 1, 2, 3, 11 and 100 with the
catalog's own Plural-Forms, is kept in tests/localize/fixtures/plurals.<lang>.txt: a changed
plural msgstr shows in review as a diff of the sentences readers see.

After an intended change: `make plurals` (this module with --regenerate-plurals) and commit."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from dehub.config import load_config
from dehub.localize.plural_samples import SAMPLE_NUMBERS, plural_messages, render_samples
from tests.conftest import ROOT, make_repo

FIXTURES = Path(__file__).parent / "fixtures"
LANGS = load_config(ROOT).codes
HUB = ("%(num)s hub", "%(num)s hubs")


def fixture(lang: str) -> Path:
    return FIXTURES / f"plurals.{lang}.txt"


def sentences(text: str) -> dict[tuple[str, int], str]:
    """A fixture's rendered sentences by (message line, n)."""
    found, message = {}, ""
    for line in text.splitlines():
        if line.startswith("msgid ") or line.startswith("msgctxt "):
            message = line
        elif match := re.match(r"^ {2}\s*(\d+) {2}\[[^\]]+\]\s+(.*)$", line):
            found[(message, int(match[1]))] = match[2]
    return found


def replace_msgstr(repo: Path, lang: str, old: str, new: str) -> None:
    po = repo / "translations" / lang / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    po.write_text(text.replace(old, new), encoding="utf-8")


def fixture_diff(root: Path, lang: str) -> str:
    """The unified diff from the committed fixture to what `root`'s catalog renders now ('' if none)."""
    path = fixture(lang)
    committed = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rendered = render_samples(root, lang).splitlines(keepends=True)
    return "".join(difflib.unified_diff(committed, rendered, str(path.relative_to(ROOT)), "rendered now", n=0))


@pytest.mark.parametrize("lang", LANGS)
def test_the_rendered_plurals_are_the_committed_ones(lang: str, request: pytest.FixtureRequest) -> None:
    path = fixture(lang)
    if request.config.getoption("--regenerate-plurals"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(render_samples(ROOT, lang), encoding="utf-8")
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing; run `make plurals` and commit it"
    diff = fixture_diff(ROOT, lang)
    assert not diff, (
        f"a plural msgstr of {lang} changed what readers see:\n{diff}\nIf that is intended: `make plurals`, then commit the fixture."
    )


def test_there_is_one_fixture_per_language() -> None:
    assert sorted(path.name for path in FIXTURES.glob("plurals.*.txt")) == sorted(f"plurals.{lang}.txt" for lang in LANGS)


def test_every_plural_message_is_rendered_at_every_number() -> None:
    rendered = sentences(fixture("ar").read_text(encoding="utf-8"))
    messages = plural_messages(ROOT)
    assert len(messages) >= 7
    assert len(rendered) == len(messages) * len(SAMPLE_NUMBERS)
    assert rendered[("msgid '%(num)s hub' / '%(num)s hubs'", 11)] == "11 مركزًا"


def test_arabic_says_one_and_two_in_words() -> None:
    """Arabic has a form for one and one for two: the noun says the number ("مركز واحد",
    "مركزان"), so repeating the digit ("1 مركز", "2 مركزان") reads wrong."""
    rendered = sentences(render_samples(ROOT, "ar"))
    digits = re.compile(r"[0-9\u0660-\u0669]")
    for (message, n), text in rendered.items():
        if n in (1, 2):
            assert not digits.search(text), f"{message} at n = {n}: {text!r}"
    assert rendered[
        ("msgid '%(num)s digital hub. One network across Germany.' / '%(num)s digital hubs. One network across Germany.'", 2)
    ] == ("مركزان رقميان. شبكة واحدة في أنحاء ألمانيا.")


def test_a_changed_plural_msgstr_shows_as_the_sentences_it_changes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    assert fixture_diff(repo, "ar") == ""
    replace_msgstr(repo, "ar", 'msgstr[3] "%(num)s مراكز"', 'msgstr[3] "%(num)s مركز"')
    changed = [line for line in fixture_diff(repo, "ar").splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-    3  [3]    3 مراكز", "+    3  [3]    3 مركز"]


def test_a_fuzzy_message_shows_the_english_the_site_shows(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    replace_msgstr(repo, "fr", 'msgid "%(num)s hub"\n', '#, fuzzy\nmsgid "%(num)s hub"\n')
    rendered = sentences(render_samples(repo, "fr"))
    assert rendered[(f"msgid {HUB[0]!r} / {HUB[1]!r}", 0)] == "0 hubs"
    assert "    0  [en 1] 0 hubs" in render_samples(repo, "fr").splitlines()
