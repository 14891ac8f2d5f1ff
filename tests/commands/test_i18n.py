"""The translator workflow: extract, update, compile/lint, status, mark-current, and that
every string a reader sees in our own page regions goes through the catalog."""

from __future__ import annotations

import inspect
import io
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from babel.lists import format_list
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup

from dehub.commands import check as cli
from dehub.commands.status import language_items, yaml_fields
from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.localize.catalogs import POT
from dehub.localize.plurals import expected_plural_forms
from dehub.localize.pot import stale_pot
from dehub.model import source_hash
from dehub.validate.catalogs import lint_catalogs
from tests.conftest import ROOT, make_repo, run_build_py

PO = "translations/{lang}/LC_MESSAGES/messages.po"
LANGS = ["de", "fr", "es", "zh", "ja", "ar"]


def code_repo(tmp_path: Path) -> Path:
    """A fixture repo that also holds the code, so that extract and update can run in it
    (with every hub: the catalogs hold every city's name, taken from hub.yml)."""
    repo = make_repo(tmp_path, hubs=tuple(sorted(p.name for p in (ROOT / "hubs").iterdir() if p.is_dir())))
    shutil.copy(ROOT / "babel.cfg", repo / "babel.cfg")
    shutil.copytree(ROOT / "dehub", repo / "dehub", ignore=shutil.ignore_patterns("__pycache__"))
    return repo


def catalog(repo: Path, lang: str):
    with open(repo / PO.format(lang=lang), "rb") as handle:
        return read_po(handle, locale=lang)


# --- the shipped catalogs ---------------------------------------------------------------


def test_the_committed_pot_is_current() -> None:
    problem = stale_pot(ROOT)
    assert problem is None, problem.text() + "\n(run `python build.py i18n extract`, then `i18n update`, and translate)"


def test_the_committed_pot_holds_every_hubs_city_too() -> None:
    """What the deploy workflow's step runs after each merge (the cities are not `check`'s)."""
    result = run_build_py("i18n", "extract", "--check")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_every_ui_string_is_translated(lang: str) -> None:
    with open(ROOT / POT, "rb") as handle:
        template = read_po(handle)
    translated = catalog(ROOT, lang)
    assert translated.plural_forms == expected_plural_forms(lang)
    for message in template:
        if not message.id:
            continue
        found = translated.get(message.id, message.context)
        strings = found.string if found and isinstance(found.string, tuple) else (found.string if found else "",)
        assert found is not None and not found.fuzzy and all(strings), f"{lang}: {message.id!r} is not translated"
        if isinstance(strings, tuple) and message.pluralizable:
            assert len(strings) == translated.num_plurals


def test_the_shipped_catalogs_pass_the_lint() -> None:
    report = Report()
    assert lint_catalogs(ROOT, load_config(ROOT), report) == len(LANGS)
    assert report.lines() == []


# --- extract and the stale .pot ----------------------------------------------------------


def test_extract_is_deterministic_and_a_stale_pot_is_reported(tmp_path: Path) -> None:
    repo = code_repo(tmp_path)
    run_build_py("i18n", "extract", root=repo)  # the shipped .pot, as this branch's extract writes it
    assert stale_pot(repo) is None
    pot = (repo / POT).read_bytes()
    result = run_build_py("i18n", "extract", root=repo, env={"SOURCE_DATE_EPOCH": "1900000000"})
    assert result.returncode == 0 and "is up to date" in result.stdout
    assert (repo / POT).read_bytes() == pot

    events = repo / "dehub" / "render" / "templates" / "events.html"
    events.write_text(events.read_text(encoding="utf-8") + '<p>{{ _("A brand-new string") }}</p>\n', encoding="utf-8")
    problem = stale_pot(repo)
    assert problem is not None and problem.severity == "error"
    assert problem.text() == (
        "translations/messages.pot:1: error: out of date: 1 new message(s) such as 'A brand-new string'; "
        "run `python build.py i18n extract` (then `i18n update`) and commit the result"
    )
    assert run_build_py("i18n", "extract", root=repo).returncode == 0
    assert stale_pot(repo) is None
    assert "#: dehub/render/templates/events.html:" in (repo / POT).read_text(encoding="utf-8")


def test_moved_code_and_new_comments_need_no_extract(tmp_path: Path) -> None:
    """The .pot's freshness is its messages, not the code's bytes: lines moved, a comment added."""
    repo = code_repo(tmp_path)
    events = repo / "dehub" / "render" / "templates" / "events.html"
    events.write_text("{# a comment #}\n\n" + events.read_text(encoding="utf-8"), encoding="utf-8")
    module = repo / "dehub" / "localize" / "focus.py"
    module.write_text("# a comment line\n" + module.read_text(encoding="utf-8"), encoding="utf-8")
    assert stale_pot(repo) is None
    assert run_build_py("i18n", "extract", "--check", root=repo).returncode == 0


def test_a_hub_change_with_a_yaml_error_gives_exactly_the_hubs_errors(tmp_path: Path) -> None:
    repo = code_repo(tmp_path)
    pot = (repo / POT).read_bytes()
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    hub.write_text(
        hub.read_text(encoding="utf-8").replace("    state: Nordrhein-Westfalen", "    state Nordrhein-Westfalen"), encoding="utf-8"
    )
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if ": error: " in line] == [
        "hubs/dortmund/hub.yml:12:10: error: missing ':' after the key 'state'; write it as 'state: Nordrhein-Westfalen'"
    ]
    assert "messages.pot" not in result.stdout + result.stderr

    extracted = run_build_py("i18n", "extract", root=repo)  # the advice is never to extract from a broken hub
    assert extracted.returncode == 1
    assert "hubs/dortmund/hub.yml:12:10: error: missing ':' after the key 'state'" in extracted.stderr
    assert f"1 error in 1 file ({POT} not written)" in extracted.stderr
    assert (repo / POT).read_bytes() == pot


@pytest.mark.parametrize("change", ["renamed", "comment", "new hub"])
def test_a_hub_change_never_reports_the_pot_but_the_deploy_step_does(tmp_path: Path, change: str) -> None:
    repo = code_repo(tmp_path)
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    text = hub.read_text(encoding="utf-8")
    if change == "renamed":
        hub.write_text(text.replace("name: Dortmund", "name: Dortmund-Mitte"), encoding="utf-8")
    elif change == "comment":
        hub.write_text(text.replace("cities:\n", "# the hub's cities\ncities:\n"), encoding="utf-8")
    else:
        shutil.copytree(repo / "hubs" / "dortmund", repo / "hubs" / "bremen")
        new = repo / "hubs" / "bremen" / "hub.yml"
        new.write_text(text.replace("name: Dortmund", "name: Bremen").replace("Nordrhein-Westfalen", "Bremen"), encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert "messages.pot" not in result.stdout + result.stderr
    after_merge = run_build_py("i18n", "extract", "--check", root=repo)
    if change == "comment":  # a reference moved, no message changed
        assert after_merge.returncode == 0
    else:
        assert after_merge.returncode == 1
        assert "translations/messages.pot:1: error: out of date: 1 new message(s)" in after_merge.stderr
        assert run_build_py("i18n", "extract", root=repo).returncode == 0
        assert run_build_py("i18n", "extract", "--check", root=repo).returncode == 0


def test_extract_refuses_a_template_babel_cannot_read(tmp_path: Path) -> None:
    repo = code_repo(tmp_path)
    pot = (repo / POT).read_bytes()
    broken = repo / "dehub" / "render" / "templates" / "events.html"
    broken.write_text(broken.read_text(encoding="utf-8") + "{% if %}\n", encoding="utf-8")
    result = run_build_py("i18n", "extract", root=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "dehub/render/templates/events.html:" in result.stderr and ": error: cannot extract UI strings: " in result.stderr
    assert (repo / POT).read_bytes() == pot


def test_a_repo_without_babel_cfg_has_no_stale_pot(tmp_path: Path) -> None:
    assert stale_pot(make_repo(tmp_path)) is None


def test_check_fails_on_a_stale_pot(tmp_path: Path) -> None:
    if "stale_pot" not in inspect.getsource(cli):
        pytest.skip("stale_pot is not wired into `check` yet")
    repo = code_repo(tmp_path)
    home = repo / "dehub" / "render" / "templates" / "home.html"
    home.write_text(home.read_text(encoding="utf-8") + '{{ _("Yet another string") }}\n', encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert "translations/messages.pot:1: error: out of date: 1 new message(s) such as 'Yet another string'" in result.stderr


# --- update ------------------------------------------------------------------------------


def test_update_keeps_translations_marks_changes_fuzzy_and_adds_languages(tmp_path: Path) -> None:
    repo = code_repo(tmp_path)
    before = {m.id: m.string for m in catalog(repo, "fr") if m.id}
    events = repo / "dehub" / "render" / "templates" / "events.html"
    events.write_text(events.read_text(encoding="utf-8").replace('_("Past events")', '_("Past Events")'), encoding="utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      - code: ar\n", "      - code: ar\n      - code: it\n"), encoding="utf-8"
    )

    result = run_build_py("i18n", "update", root=repo)
    assert result.returncode == 0, result.stderr
    assert "created translations/it/LC_MESSAGES/messages.po" in result.stdout
    after = catalog(repo, "fr")
    changed = after.get("Past Events")
    assert changed.fuzzy and changed.string == before["Past events"]
    kept = [msgid for msgid in before if msgid != "Past events" and after.get(msgid) is not None]
    assert len(kept) > 50
    for msgid in kept:
        assert after.get(msgid).string == before[msgid] and not after.get(msgid).fuzzy
    italian = catalog(repo, "it")
    assert italian.plural_forms == expected_plural_forms("it")  # whatever CLDR says, as Babel ships it
    assert "Plural-Forms: nplurals=6;" in (repo / PO.format(lang="ar")).read_text(encoding="utf-8")
    assert not (repo / PO.format(lang="en")).exists()  # the msgids are English

    again = run_build_py("i18n", "update", root=repo)
    assert "translations/fr/LC_MESSAGES/messages.po is up to date" in again.stdout


def test_update_refuses_a_catalog_it_cannot_read_without_force(tmp_path: Path) -> None:
    repo = code_repo(tmp_path)
    path = repo / PO.format(lang="fr")
    text = path.read_text(encoding="utf-8").replace('msgstr "Accueil"', 'msgstr "Accueil"\nthis is no po syntax', 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("this is no po syntax") + 1
    result = run_build_py("i18n", "update", root=repo)
    assert result.returncode == 1
    assert (
        f"translations/fr/LC_MESSAGES/messages.po:{line}: error: syntax error: 'this is no po syntax' is not a keyword with a quoted string"
        in result.stderr
    )
    assert "not updated" in result.stderr
    assert path.read_text(encoding="utf-8") == text
    forced = run_build_py("i18n", "update", "--force", root=repo)
    assert forced.returncode == 0, forced.stderr
    assert "this is no po syntax" not in path.read_text(encoding="utf-8")
    assert catalog(repo, "fr").get("Home").string == "Accueil"


# --- lint: one bad fixture per rule --------------------------------------------------------

HEADER = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Plural-Forms: {plural}\\n"\n"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n\n'
# header: lines 1-8; the first entry's msgid is on line 9, its msgstr on line 10
AR = expected_plural_forms("ar")
LINT_CASES = [
    (
        "fr",
        'msgid "Hubs in %(state)s"\nmsgstr "Hubs du Land %(land)s"\n',
        None,
        ["10: error: msgstr: unknown placeholder '%(land)s'; the msgid has: %(state)s"],
    ),
    (
        "fr",
        'msgid "Hubs in %(state)s"\nmsgstr "Hubs"\n',
        None,
        ["10: error: msgstr: placeholder '%(state)s' is missing; keep every placeholder of the msgid"],
    ),
    ("fr", 'msgid "%s of %s"\nmsgstr "%s"\n', None, ["10: error: msgstr: has 1 '%s'-style placeholders, the msgid has 2"]),
    ("fr", 'msgid "Home"\nmsgstr "Accueil 100%"\n', None, ["10: error: msgstr: stray '%' ('%'); write '%%' for a percent sign"]),
    (
        "fr",
        'msgid "Home"\nmsgstr "<script>alert(1)</script>"\n',
        None,
        ["10: error: msgstr: HTML markup '<script>' is not allowed (the msgid has none); translations are plain text"],
    ),
    (
        "fr",
        'msgid "Home"\nmsgstr "Accueil &amp; plus"\n',
        None,
        ["10: error: msgstr: HTML entity '&amp;' is not allowed (the msgid has none); translations are plain text"],
    ),
    (
        "fr",
        '#, fuzzy\nmsgid "Home"\nmsgstr "<b>Accueil</b>"\n',
        None,
        ["11: error: msgstr: HTML markup '<b>' is not allowed (the msgid has none); translations are plain text"],
    ),
    ("fr", 'msgid "Home"\nmsgstr "Accueil\\n"\n', None, ["10: error: msgstr must begin and end with a newline exactly like the msgid"]),
    (
        "ar",
        'msgid "%(num)s hub"\nmsgid_plural "%(num)s hubs"\nmsgstr[0] "%(num)s مركز"\nmsgstr[1] "%(num)s مراكز"\n',
        AR,
        ["9: error: plural message needs msgstr[0] to msgstr[5] (6 forms for ar), has msgstr[0], msgstr[1]"],
    ),
    (
        "fr",
        'msgid "%(num)s hub"\nmsgid_plural "%(num)s hubs"\nmsgstr "%(num)s hub"\n',
        None,
        ["9: error: plural message needs msgstr[0] to msgstr[2] (3 forms for fr), has msgstr"],
    ),
    ("fr", 'msgid "Home"\nmsgstr[0] "Accueil"\n', None, ["9: error: msgstr[N] without msgid_plural; use a plain msgstr"]),
    (
        "de",
        'msgid "Home"\nmsgstr "Startseite"\n',
        "nplurals=2; plural=(n > 1);",
        [
            "4: error: Plural-Forms 'nplurals=2; plural=(n > 1);' picks form 0 for n = 0, CLDR's rule for de picks 1; "
            f"run `python build.py i18n update` to migrate the catalog, or write 'Plural-Forms: {expected_plural_forms('de')}'"
        ],
    ),
    (
        "fr",
        'msgid "Home"\nmsgstr "Accueil"\n\nmsgid "Home"\nmsgstr "Maison"\n',
        None,
        ["12: error: duplicate message definition for 'Home' (first defined on line 9)"],
    ),
    (
        "fr",
        'msgid "Home"\nmsgstr "Accueil\n',
        None,
        ['10: error: the quote opened at line 10 col 8 is not closed; end the string with " on the same line'],
    ),
    (  # one error, in words, first: no knock-on placeholder errors from the entries the open quote runs into
        "fr",
        'msgid "%(num)s hub"\nmsgid_plural "%(num)s hubs"\nmsgstr[0] "%(num)s hub\nmsgstr[1] "%(num)s hubs"\nmsgstr[2] "%(num)s hubs"\n\n'
        'msgid "Hubs in %(state)s"\nmsgstr ""\n"Hubs en %(state)s\n"dans la région"\n',
        None,
        [
            '11: error: the quote opened at line 11 col 11 is not closed; end the string with " on the same line',
            '17: error: the quote opened at line 17 col 1 is not closed; end the string with " on the same line',
        ],
    ),
    (
        "fr",
        'msgid "Home"\nmsgtxt "Accueil"\n',
        None,
        [
            "9: error: missing msgstr for msgid 'Home'",
            "10: error: syntax error: 'msgtxt \"Accueil\"' is not a keyword with a quoted string",
        ],
    ),
    ("fr", 'msgid "Home"\nmsgstr "Acc\\ueil"\n', None, ["10: error: unsupported escape sequence '\\\\u'; use \\n, \\t, \\\" or \\\\"]),
    (
        "fr",
        'msgid "%(num)s hub"\nmsgid_plural "%(num)s hubs"\nmsgstr[0] "%(num)d hub"\nmsgstr[1] "%(num)d hubs"\nmsgstr[2] "%(num)s hubs"\n',
        None,
        [
            "11: error: msgstr[0]: placeholder '%(num)d' has another type than the msgid's '%(num)s'",
            "12: error: msgstr[1]: placeholder '%(num)d' has another type than the msgid's '%(num)s'",
        ],
    ),
    # A form that covers exactly one number may leave the number out (Arabic's dual "مركزان"); no other form may.
    (
        "ar",
        'msgid "%(num)s hub"\nmsgid_plural "%(num)s hubs"\nmsgstr[0] "لا مراكز"\nmsgstr[1] "مركز واحد"\nmsgstr[2] "مركزان"\n'
        'msgstr[3] "%(num)s مراكز"\nmsgstr[4] "%(num)s مركزًا"\nmsgstr[5] "%(num)s مركز"\n',
        None,
        [],
    ),
    (
        "ar",
        'msgid "%(num)s hub"\nmsgid_plural "%(num)s hubs"\nmsgstr[0] "%(num)s مركز"\nmsgstr[1] "%(num)s مركز"\nmsgstr[2] "مركزان"\n'
        'msgstr[3] "مراكز"\nmsgstr[4] "%(num)s مركزًا"\nmsgstr[5] "%(num)s مركز"\n',
        None,
        ["14: error: msgstr[3]: placeholder '%(num)s' is missing; keep every placeholder of the msgid"],
    ),
    (
        "fr",  # French "one" covers 0 and 1: the number must stay
        'msgid "%(num)s hub"\nmsgid_plural "%(num)s hubs"\nmsgstr[0] "un hub"\nmsgstr[1] "%(num)s de hubs"\nmsgstr[2] "%(num)s hubs"\n',
        None,
        ["11: error: msgstr[0]: placeholder '%(num)s' is missing; keep every placeholder of the msgid"],
    ),
    (
        "ar",  # only the count may go: other placeholders stay in every form
        'msgid "%(num)s hub in %(state)s"\nmsgid_plural "%(num)s hubs in %(state)s"\nmsgstr[0] "%(num)s %(state)s"\n'
        'msgstr[1] "%(num)s %(state)s"\nmsgstr[2] "مركزان"\nmsgstr[3] "%(num)s %(state)s"\nmsgstr[4] "%(num)s %(state)s"\n'
        'msgstr[5] "%(num)s %(state)s"\n',
        None,
        ["13: error: msgstr[2]: placeholder '%(state)s' is missing; keep every placeholder of the msgid"],
    ),
]


@pytest.mark.parametrize(("lang", "body", "plural", "expected"), LINT_CASES, ids=lambda v: v if isinstance(v, str) and len(v) < 4 else None)
def test_each_lint_rule_reports_path_and_line(tmp_path: Path, lang: str, body: str, plural: str | None, expected: list[str]) -> None:
    repo = make_repo(tmp_path)
    shutil.rmtree(repo / "translations")
    path = repo / PO.format(lang=lang)
    path.parent.mkdir(parents=True)
    path.write_text(HEADER.format(lang=lang, plural=plural or expected_plural_forms(lang)) + body, encoding="utf-8")
    report = Report()
    lint_catalogs(repo, load_config(repo), report)
    assert report.lines() == [f"{PO.format(lang=lang)}:{line}" for line in expected]


def test_errors_inside_fuzzy_entries_are_checked_too_as_warnings(tmp_path: Path) -> None:
    """A fuzzy entry is not on the site, so `check` passes; but its problems are named, so that
    clearing the flag can't ship a broken placeholder. Markup stays an error even there."""
    repo = make_repo(tmp_path)
    path = repo / PO.format(lang="fr")
    path.write_text(
        HEADER.format(lang="fr", plural=expected_plural_forms("fr"))
        + '#, fuzzy\nmsgid "Hubs in %(state)s"\nmsgstr "Hubs"\n\n#, fuzzy\nmsgid "Home"\nmsgstr "<b>Accueil</b>"\n',
        encoding="utf-8",
    )
    report = Report()
    lint_catalogs(repo, load_config(repo), report)
    assert report.lines() == [
        f"{PO.format(lang='fr')}:11: warning: fuzzy entry: msgstr: placeholder '%(state)s' is missing; "
        "keep every placeholder of the msgid; fix it before you clear the fuzzy flag",
        f"{PO.format(lang='fr')}:15: error: msgstr: HTML markup '<b>' is not allowed (the msgid has none); translations are plain text",
    ]
    assert not report.ok
    status = run_build_py("i18n", "status", root=repo).stdout
    assert f"  {PO.format(lang='fr')}:10: 'Hubs in %(state)s'" in status and f"  {PO.format(lang='fr')}:14: 'Home'" in status


def test_a_catalog_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    path = repo / PO.format(lang="es")
    path.write_bytes(HEADER.format(lang="es", plural=expected_plural_forms("es")).encode() + b'msgid "Home"\nmsgstr "Inicio \xe9"\n')
    report = Report()
    lint_catalogs(repo, load_config(repo), report)
    assert report.lines() == [f"{PO.format(lang='es')}:10: error: not valid UTF-8; save the file as UTF-8"]


def script_catalog(repo: Path) -> int:
    path = repo / PO.format(lang="fr")
    text = path.read_text(encoding="utf-8").replace('msgstr "Accueil"', 'msgstr "<script>alert(1)</script>"', 1)
    path.write_text(text, encoding="utf-8")
    return text.splitlines().index('msgstr "<script>alert(1)</script>"') + 1


def test_compile_rejects_a_script_in_a_msgstr(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    line = script_catalog(repo)
    result = run_build_py("i18n", "compile", root=repo)
    assert result.returncode == 1
    assert f"translations/fr/LC_MESSAGES/messages.po:{line}: error: msgstr: HTML markup '<script>' is not allowed" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_build_py("i18n", "compile").returncode == 0


def test_check_rejects_a_script_in_a_msgstr(tmp_path: Path) -> None:
    if "lint_catalogs" not in inspect.getsource(cli):
        pytest.skip("lint_catalogs is not wired into `check` yet")
    repo = make_repo(tmp_path)
    line = script_catalog(repo)
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert f"translations/fr/LC_MESSAGES/messages.po:{line}: error: msgstr: HTML markup '<script>' is not allowed" in result.stderr


# --- status and mark-current -----------------------------------------------------------------


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def po_text(lang: str, entries: list[tuple], fuzzy: set = frozenset()) -> str:
    from babel.messages.catalog import Catalog

    cat = Catalog(locale=lang, fuzzy=False)
    for msgid, string in entries:
        cat.add(msgid, string, flags=["fuzzy"] if msgid in fuzzy else [])
    buffer = io.BytesIO()
    write_po(buffer, cat)
    return buffer.getvalue().decode("utf-8")


GERMAN = "Der Hub in A.\n"


@pytest.fixture
def status_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    ids = ["Home", "Hubs", ("%(num)s hub", "%(num)s hubs")]
    write(repo / POT, po_text("de", [(i, "") for i in ids]))
    write(repo / PO.format(lang="de"), po_text("de", [("Home", "Startseite"), ("Hubs", "Hubs"), (ids[2], ("%(num)s Hub", "%(num)s Hubs"))]))
    write(repo / PO.format(lang="fr"), po_text("fr", [("Home", "Accueil"), ("Hubs", "Hubs"), (ids[2], ("", ""))], fuzzy={"Hubs"}))
    current = source_hash(GERMAN)
    write(repo / "hubs/a/hub.yml", "name: {de: A-Hub, en: A hub}\nevents:\n  - title: {de: Fest, en: Party, fr: Fête}\n")
    write(repo / "hubs/a/de.md", GERMAN)
    write(repo / "hubs/a/en.md", f"---\nsource_hash: {current}\n---\nThe hub in A.\n")
    write(repo / "hubs/a/fr.md", "---\nsource_hash: 000000000abc\n---\nLe hub à A.\n")
    write(repo / "hubs/b/hub.yml", "name: B\n")
    write(repo / "hubs/b/de.md", "Der Hub in B.\n")
    write(repo / "hubs/b/en.md", f"---\nsource_hash: {source_hash('Der Hub in B.')}\n---\nThe hub in B.\n")
    write(repo / "content/de/index.md", "---\ntitle: Start\n---\nWillkommen.\n")
    write(repo / "content/de/leichte-sprache.md", "---\ntitle: Leichte Sprache\n---\nEinfach.\n")
    write(
        repo / "content/en/index.md", f"---\ntitle: Start\nsource_hash: {source_hash('Willkommen.', {'title': 'Start'})}\n---\nWelcome.\n"
    )
    write(repo / "content/de/news/2027-01-02-start.md", "---\ntitle: Start\ndate: 2027-01-02\nsummary: Los.\n---\nEs geht los.\n")
    write(
        repo / "content/en/news/2027-01-02-start.md",
        f"---\ntitle: Start\ndate: 2027-01-02\nsummary: Go.\nsource_hash: {source_hash('Es geht los.', {'title': 'Start', 'summary': 'Los.'})}\n---\nWe start.\n",
    )
    write(repo / "content/events/e.yml", "title: {de: Treffen, en: Meeting}\nstart: 2027-03-01\ncity: A\nhubs: [a]\n")
    return repo


def counts(repo: Path, lang: str) -> Counter:
    config = load_config(repo)
    with open(repo / POT, "rb") as handle:
        template = read_po(handle)
    return Counter((kind, state) for kind, _what, state in language_items(repo, config, lang, template, yaml_fields(repo)))


def test_status_counts(status_repo: Path) -> None:
    assert counts(status_repo, "fr") == Counter(
        {
            ("UI strings", "translated"): 1,
            ("UI strings", "fuzzy"): 1,
            ("UI strings", "missing"): 1,
            ("hub prose", "outdated"): 1,
            ("hub prose", "missing"): 1,
            ("pages", "missing"): 2,
            ("YAML fields", "present"): 2,
            ("YAML fields", "missing"): 2,
        }
    )
    assert counts(status_repo, "en") == Counter(
        {("UI strings", "translated"): 3, ("hub prose", "present"): 2, ("pages", "present"): 2, ("YAML fields", "present"): 4}
    )
    assert counts(status_repo, "de") == Counter(
        {("UI strings", "translated"): 3, ("hub prose", "present"): 2, ("pages", "present"): 3, ("YAML fields", "present"): 4}
    )
    assert counts(status_repo, "ja")[("UI strings", "missing")] == 3


def test_status_output_and_strict(status_repo: Path) -> None:
    result = run_build_py("i18n", "status", root=status_repo)
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("fr "))
    cells = re.findall(r"\d+ \(\d+%\)|\S+", row)
    assert cells == ["fr", "1 (33%)", "1", "1", "0 (0%)", "1", "1", "0 (0%)", "0", "2", "2 (50%)", "2"]
    assert "hubs/a/fr.md" in result.stdout  # listed as outdated
    assert run_build_py("i18n", "status", "--strict", root=status_repo).returncode == 0  # de and en lack nothing

    write(status_repo / "hubs/a/de.md", "Der Hub in A, neu.\n")
    strict = run_build_py("i18n", "status", "--strict", "--format", "markdown", root=status_repo)
    assert strict.returncode == 1
    assert "| language |" in strict.stdout and "- en: hubs/a/en.md is outdated" in strict.stdout


def test_outdated_prose_and_mark_current(status_repo: Path) -> None:
    fr = status_repo / "hubs/a/fr.md"
    fr.write_text("---\ndescription: Le hub  # note\nsource_hash: '000000000abc'\ntags: [a, b]\n---\n\nLe hub à A.\n", encoding="utf-8")
    assert counts(status_repo, "fr")[("hub prose", "outdated")] == 1
    result = run_build_py("i18n", "mark-current", "hubs/a/fr.md", root=status_repo)
    assert result.returncode == 0, result.stderr
    value = source_hash(GERMAN)
    expected_line = f"source_hash: {value}" if not value.isdigit() else f'source_hash: "{value}"'
    assert fr.read_text(encoding="utf-8") == f"---\ndescription: Le hub  # note\n{expected_line}\ntags: [a, b]\n---\n\nLe hub à A.\n"
    assert counts(status_repo, "fr")[("hub prose", "present")] == 1
    assert "already current" in run_build_py("i18n", "mark-current", "hubs/a/fr.md", root=status_repo).stdout


POST_HASH = source_hash("Es geht los.", {"title": "Start", "summary": "Los."})  # the German post's title and summary count


def test_mark_current_adds_front_matter_and_keys(status_repo: Path) -> None:
    plain = status_repo / "hubs/b/fr.md"
    plain.write_text("Le hub à B.\n", encoding="utf-8")
    page = status_repo / "content/fr/index.md"
    write(page, "---\ntitle: Accueil\n---\nBienvenue.\n")
    post = status_repo / "content/fr/news/2027-01-02-start.md"
    write(post, "---\ntitle: Départ\ndate: 2027-01-02\nsummary: C'est parti.\n---\nOn commence.\n")
    result = run_build_py(
        "i18n", "mark-current", "hubs/b/fr.md", "content/fr/index.md", "content/fr/news/2027-01-02-start.md", root=status_repo
    )
    assert result.returncode == 0, result.stderr
    assert (
        post.read_text(encoding="utf-8")
        == f"---\ntitle: Départ\ndate: 2027-01-02\nsummary: C'est parti.\nsource_hash: {POST_HASH}\n---\nOn commence.\n"
    )
    assert plain.read_text(encoding="utf-8").endswith("\n---\nLe hub à B.\n")
    assert plain.read_text(encoding="utf-8").startswith("---\nsource_hash:")
    assert page.read_text(encoding="utf-8").startswith("---\ntitle: Accueil\nsource_hash:")
    assert page.read_text(encoding="utf-8").endswith("\n---\nBienvenue.\n")
    assert counts(status_repo, "fr")[("pages", "present")] == 2


def test_mark_current_errors(status_repo: Path, tmp_path: Path) -> None:
    write(status_repo / "hubs/c/en.md", "No German source.\n")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("x\n", encoding="utf-8")
    result = run_build_py(
        "i18n", "mark-current", "hubs/a/de.md", "hubs/c/en.md", str(outside), "hubs/a/hub.yml", "hubs/b/es.md", root=status_repo
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "hubs/a/de.md: error: is the German source itself; mark its translations instead (e.g. the en.md next to it)",
        "hubs/c/en.md: error: has no German source hubs/c/de.md to translate from",
        f"{outside}: error: is outside the repository",
        "hubs/a/hub.yml: error: is not translated prose; expected hubs/<slug>/<lang>.md, content/<lang>/<page>.md or content/<lang>/news/<post>.md",
        "hubs/b/es.md: error: does not exist (or is not a regular file)",
    ]


# --- pseudo-locale: every visible string in our own regions comes from the catalog -------------

OPEN, CLOSE = "⟦", "⟧"
MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
NEUTRAL = re.compile(r"^[\s\d.,:;()\-–—·/|+…%]*$")


def pseudo_catalog(lang: str) -> bytes:
    with open(ROOT / POT, "rb") as handle:
        template = read_po(handle)
    template.locale = lang
    from babel.messages.catalog import Catalog

    cat = Catalog(locale=lang, fuzzy=False)
    for message in template:
        if not message.id:
            continue
        if message.pluralizable:
            forms = [OPEN + message.id[0] + CLOSE] + [OPEN + message.id[1] + CLOSE] * (cat.num_plurals - 1)
            cat.add(message.id, tuple(forms), flags=message.flags, context=message.context)
        else:
            cat.add(message.id, OPEN + message.id + CLOSE, flags=message.flags, context=message.context)
    buffer = io.BytesIO()
    write_po(buffer, cat)
    return buffer.getvalue()


def unexplained(text: str, data: list[str]) -> str:
    while MARKED.search(text):
        text = MARKED.sub(" ", text)
    for item in data:
        text = text.replace(item, " ")
    return "" if NEUTRAL.match(text) else text.strip()


def test_pseudo_locale_covers_every_string_we_render(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, with_content=True)
    (repo / PO.format(lang="fr")).write_bytes(pseudo_catalog("fr"))
    out = tmp_path / "site"
    result = run_build_py("build", "--lang", "fr", "--out", str(out), root=repo)
    assert result.returncode == 0, result.stdout + result.stderr

    from dehub.validate.project import read_project

    project = read_project(repo, load_config(repo), Report())
    data = {"de:hub", "Français"}
    for hub in project.hubs:
        data.update([hub.name] if isinstance(hub.name, str) else hub.name.values())
        data.update(city.name for city in hub.cities)
        data.update(city.state for city in hub.cities)
    for event in project.events:
        data.update([event.title] if isinstance(event.title, str) else event.title.values())
    data.update(format_list(["\0", "\0", "\0"], locale="fr").split("\0"))  # CLDR list connectors (", ", " et ")
    data = sorted((item for item in data if item.strip()), key=len, reverse=True)

    generated = ["index.html", "hubs/index.html", "events/index.html"]
    generated += [p.relative_to(out / "fr").as_posix() for p in sorted((out / "fr" / "hubs").glob("*/index.html"))]
    generated += [p.relative_to(out / "fr").as_posix() for p in sorted((out / "fr" / "hubs").glob("*/*/index.html"))]
    assert len(generated) > 15
    problems = []

    def visit(page: str, region) -> None:
        for node in region.find_all(string=True):
            parent = node.parent
            if parent.name in ("script", "style") or parent.find_parent(["time", "script", "style"]) or parent.name == "time":
                continue
            if parent.find_parent(class_="dehub-prose") or any(
                p.get("lang") not in (None, "fr") for p in [parent, *parent.parents] if hasattr(p, "get")
            ):
                continue
            left = unexplained(str(node), data)
            if left:
                problems.append(f"{page}: text {left!r} in <{parent.name}>")
        for element in [region, *region.find_all(True)]:
            for attribute in ("aria-label", "title", "alt", "placeholder"):
                if element.has_attr(attribute) and (left := unexplained(element[attribute], data)):
                    problems.append(f"{page}: {attribute}={left!r} on <{element.name}>")

    for page in generated:
        soup = BeautifulSoup((out / "fr" / page).read_text(encoding="utf-8"), "html.parser")
        for wbr in soup.find_all("wbr"):  # a break point after a slash splits a name into two text nodes
            wbr.decompose()
        for label in soup.select("svg text"):  # a map label may take two lines (<tspan>s): one text
            label.string = label.get_text(" ")
        soup.smooth()
        article = soup.select_one("article.md-content__inner")
        assert article is not None, page
        for region in [article, soup.select_one(".md-copyright"), soup.select_one(".md-tabs__list"), soup.title]:
            if region is not None:
                visit(page, region)
    chooser = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    visit("index.html (chooser)", chooser.body)
    assert OPEN in (out / "index.html").read_text(encoding="utf-8")
    assert problems == [], "\n".join(problems)
