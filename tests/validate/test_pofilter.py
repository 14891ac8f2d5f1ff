"""translate-toolkit's pofilter on every catalog: the shipped ones pass, a broken catalog fails with
`path:line: error: msgstr: pofilter CHECK: ...; hint`, and each check we widened still fails
past the reason it was widened for."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from translate.filters import checks

from dehub.config import load_config
from dehub.validate.pofilter import HINTS, LEFT_OUT, DehubChecker, make_checker, run, text_unit
from tests.conftest import ROOT, make_repo
from tests.test_layout import imports_of, modules

LANGS = [lang for lang in load_config(ROOT).codes if lang != "en"]
FR = "translations/fr/LC_MESSAGES/messages.po"

# A fixture catalog: one entry per kind of mistake, and correct entries around them.
BROKEN_FR = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Plural-Forms: nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

#, python-format
msgid "Events of %(name)s"
msgstr "Événements de %(nom)s"

msgid "Read the <a>guide</a> first."
msgstr "Lisez d’abord le guide."

#, python-format
msgid "%(num)s hub"
msgid_plural "%(num)s hubs"
msgstr[0] "%(num)s hub"
msgstr[1] "%(num)s de hubs"
msgstr[2] "des hubs"

msgid "Hubs"
msgstr "Hubs"

msgid "Use them in your own maps."
msgstr "Utilisez-les dans vos cartes  à vous."
"""


def pofilter(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dehub.validate.pofilter", "--root", str(root), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), 1) if needle in line)


def fails(lang: str, source: str, target: str) -> set[str]:
    """The checks that fail for one msgstr (or one plural form's text)."""
    texts, _units = make_checker(lang)
    return set(texts.run_filters(text_unit(source, target)))


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    repo = make_repo(tmp_path_factory.mktemp("pofilter"))
    (repo / FR).write_text(BROKEN_FR, encoding="utf-8")
    return repo, pofilter(root=repo)


def test_the_shipped_catalogs_pass() -> None:
    report, checked = run(ROOT, LANGS)
    assert checked == len(LANGS) == 6
    assert report.lines() == []


def test_the_command_line_passes_on_the_shipped_catalogs() -> None:
    result = pofilter()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "ok: pofilter on 6 catalogs, no errors"


def test_a_broken_placeholder_names_file_line_check_and_hint(broken: tuple[Path, subprocess.CompletedProcess]) -> None:
    _repo, result = broken
    assert result.returncode == 1
    line = line_of(BROKEN_FR, "%(nom)s")
    assert f"{FR}:{line}: error: msgstr: pofilter printf: Added printf variable: %(nom)s; {HINTS['printf']}" in result.stderr.splitlines()
    assert f"{FR}:{line}: error: msgstr: pofilter variables: Do not translate: %(name)s; {HINTS['variables']}" in result.stderr


def test_a_missing_tag_is_caught(broken: tuple[Path, subprocess.CompletedProcess]) -> None:
    _repo, result = broken
    line = line_of(BROKEN_FR, "Lisez")
    assert f"{FR}:{line}: error: msgstr: pofilter xmltags: Different XML tags; {HINTS['xmltags']}" in result.stderr


def test_a_plural_form_is_named_and_checked_against_its_msgid(broken: tuple[Path, subprocess.CompletedProcess]) -> None:
    _repo, result = broken
    line = line_of(BROKEN_FR, '"des hubs"')
    assert f"{FR}:{line}: error: msgstr[2]: pofilter printf: Missing printf variable: %(num)s; {HINTS['printf']}" in result.stderr
    # the three forms CLDR gives French are all there: no nplurals failure (pofilter's own table says 2)
    assert "nplurals" not in result.stderr


def test_double_spaces_are_caught_and_the_summary_counts(broken: tuple[Path, subprocess.CompletedProcess]) -> None:
    _repo, result = broken
    line = line_of(BROKEN_FR, "cartes  à")
    assert f"{FR}:{line}: error: msgstr: pofilter doublespacing: Different use of double spaces; {HINTS['doublespacing']}" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "6 errors in 1 file (pofilter on 6 catalogs)"
    assert "Traceback" not in result.stderr


def test_github_format_annotates_the_line(broken: tuple[Path, subprocess.CompletedProcess]) -> None:
    repo, _result = broken
    result = pofilter("--format", "github", FR, root=repo)
    assert result.returncode == 1
    assert f"::error file={FR},line={line_of(BROKEN_FR, 'Lisez')}::msgstr: pofilter xmltags: Different XML tags" in result.stdout
    assert "(pofilter on 1 catalog)" in result.stderr


def test_an_unreadable_catalog_or_a_wrong_path_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / FR).write_text(BROKEN_FR.replace('msgstr "Hubs"', "msgstr Hubs"), encoding="utf-8")
    result = pofilter(FR, "README.md", root=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = line_of(BROKEN_FR, 'msgstr "Hubs"')
    assert f"{FR}:{line}: error: syntax error:" in result.stderr
    assert "(not checked by pofilter until fixed)" in result.stderr
    assert "README.md: error: not the catalog of a configured language" in result.stderr


def test_a_check_that_breaks_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def endpunc(self: DehubChecker, str1: str, str2: str) -> bool:
        raise RuntimeError("boom")

    monkeypatch.setattr(DehubChecker, "endpunc", endpunc)
    report, checked = run(make_repo(tmp_path), ["fr"])
    assert checked == 1 and report.lines()
    assert all(": pofilter (internal): a check could not run on this text: error in filter endpunc:" in line for line in report.lines())


def test_the_checks_left_out_are_pofilter_checks_with_a_reason() -> None:
    available = checks.TeeChecker(checkerclasses=[checks.StandardChecker, checks.StandardUnitChecker]).getfilters()
    assert set(LEFT_OUT) <= set(available), set(LEFT_OUT) - set(available)
    assert all(reason for reason in LEFT_OUT.values())
    assert len(LEFT_OUT) <= 6
    for name in ("printf", "variables", "xmltags", "brackets", "endpunc", "doublespacing", "startcaps", "unchanged", "nplurals"):
        assert name not in LEFT_OUT


def test_only_this_module_needs_translate_toolkit_and_nothing_imports_it() -> None:
    """translate-toolkit is a test dependency: `check`, `build` and the rest of the package run without it."""
    users = {name for name, path in modules().items() if any(target.split(".")[0] == "translate" for target in imports_of(name, path))}
    assert users == {"dehub.validate.pofilter"}
    assert not {name for name, path in modules().items() if "dehub.validate.pofilter" in imports_of(name, path)}


def test_ci_the_pre_commit_hook_and_make_run_it() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    runs = [str(step.get("run", "")) for job in workflow["jobs"].values() for step in job["steps"]]
    assert "python -m dehub.validate.pofilter --format github" in runs
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    hook = next(hook for hook in hooks if hook["id"] == "dehub-pofilter")
    assert hook["entry"] == ".venv/bin/python -m dehub.validate.pofilter" and hook.get("pass_filenames", True)
    assert re.match(hook["files"], FR) and not re.match(hook["files"], "translations/messages.pot")
    assert "$(PY) -m dehub.validate.pofilter" in (ROOT / "Makefile").read_text(encoding="utf-8")


# --- each widened check: the case it was widened for passes, the mistake next to it fails ----


def test_brackets_full_width_and_glosses_pass_an_unclosed_or_dropped_bracket_fails() -> None:
    assert "brackets" not in fails("zh", "Subscribe to the news feed (Atom)", "订阅新闻源（Atom）")
    assert "brackets" in fails("zh", "Subscribe to the news feed (Atom)", "订阅新闻源（Atom")
    assert "brackets" not in fails("ar", "the Hub Agency.", "وكالة المراكز (Hub Agency).")
    assert "brackets" in fails("ar", "the Hub Agency.", "وكالة المراكز (Hub Agency.")
    assert "brackets" in fails("fr", "one point per city (GeoJSON)", "un point par ville, GeoJSON")


def test_endpunc_a_full_width_colon_is_a_colon() -> None:
    assert "endpunc" not in fails("ja", "Proposed license:", "提案中のライセンス：")
    assert "endpunc" in fails("ja", "Proposed license:", "提案中のライセンス")


def test_endpunc_a_chinese_doubled_ellipsis_is_an_ellipsis() -> None:
    assert "endpunc" not in fails("zh", "Loading the search…", "正在加载搜索功能……")
    assert "endpunc" in fails("zh", "Loading the search…", "正在加载搜索功能")


def test_endpunc_a_french_colon_after_a_narrow_no_break_space_is_a_colon() -> None:
    assert "endpunc" not in fails("fr", "Proposed license:", "Licence proposée\u202f:")
    assert "endpunc" not in fails("fr", "Proposed license:", "Licence proposée\u00a0:")
    assert "endpunc" in fails("fr", "Proposed license:", "Licence proposée")


def test_puncspacing_a_narrow_no_break_space_before_a_semicolon_is_french() -> None:
    source = "all events as a calendar (iCalendar); each hub's page links to its own calendar"
    assert "puncspacing" not in fails("fr", source, "tous les événements (iCalendar)\u202f; la page de chaque hub renvoie à son calendrier")
    assert "puncspacing" in fails("fr", source, "tous les événements (iCalendar)\u202f;la page de chaque hub renvoie à son calendrier")


def test_doublewords_formal_sie_then_sie_is_german_a_real_repeat_fails() -> None:
    source = "Add it to the events list."
    assert "doublewords" not in fails("de", source, "Tragen Sie sie in die Veranstaltungsliste ein.")
    assert "doublewords" in fails("de", source, "Tragen Sie sie sie in die Liste ein.")
    assert "doublewords" in fails("de", source, "Tragen Sie die die Veranstaltung ein.")


def test_variables_may_change_their_order_but_not_their_names() -> None:
    source = "%(name)s: the digital hub for %(focus)s in %(cities)s."
    assert not {"variables", "printf"} & fails("de", source, "%(name)s: der digitale Hub in %(cities)s – Schwerpunkt: %(focus)s.")
    assert {"variables", "printf"} <= fails("de", source, "%(name)s: der digitale Hub in %(city)s – Schwerpunkt: %(focus)s.")


def test_startcaps_skips_a_leading_placeholder_or_de_hub_only() -> None:
    assert "startcaps" not in fails("de", "de:hub news", "Aktuelles von de:hub")
    assert "startcaps" not in fails("es", "%(num)s hub shown", "Se muestra %(num)s hub")
    assert "startcaps" in fails("fr", "JSON Schema", "schéma JSON")


def test_unchanged_a_sentence_left_in_english_fails_a_shared_word_passes() -> None:
    assert "unchanged" not in fails("fr", "Hubs", "Hubs")
    assert "unchanged" not in fails("es", "de:hub – Digital Hub Initiative", "de:hub – Digital Hub Initiative")
    sentence = "Select a marker to open the hub."
    assert "unchanged" in fails("fr", sentence, sentence)


def test_a_form_for_one_number_may_say_it_in_words_other_forms_keep_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    ar = repo / "translations" / "ar" / "LC_MESSAGES" / "messages.po"
    text = ar.read_text(encoding="utf-8")
    assert 'msgstr[2] "مركزان"' in text and 'msgstr[3] "%(num)s مراكز"' in text
    ar.write_text(text.replace('msgstr[3] "%(num)s مراكز"', 'msgstr[3] "مراكز"'), encoding="utf-8")
    report, _checked = run(repo, ["ar"])
    lines = report.lines()
    few = line_of(text, 'msgstr[3] "%(num)s مراكز"')
    assert len(lines) == 2, lines  # printf and variables, on msgstr[3] only (msgstr[1] and [2] say one and two)
    assert all(line.startswith(f"translations/ar/LC_MESSAGES/messages.po:{few}: error: msgstr[3]: ") for line in lines)


def test_nplurals_counts_cldrs_forms() -> None:
    _texts, units = make_checker("fr")
    unit = text_unit("%(num)s hub", "%(num)s hub")
    unit.source = ["%(num)s hub", "%(num)s hubs"]
    unit.target = ["%(num)s hub", "%(num)s hubs"]
    assert "nplurals" in units.run_filters(unit)
    unit.target = ["%(num)s hub", "%(num)s de hubs", "%(num)s hubs"]
    assert "nplurals" not in units.run_filters(unit)
