"""Plural rules compared by meaning, and catalogs migrated when CLDR changes a rule."""

from __future__ import annotations

import gettext
import io
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from dehub.config import load_config
from dehub.localize.plurals import PluralRuleError, expected_plural_forms, first_difference, parse_rule, remap_forms
from dehub.validate.catalogs import plural_rule_problem
from tests.conftest import ROOT, make_repo, run_build_py

# The rules Babel 2.18 wrote (CLDR before the "many" forms of French and Spanish, and with
# Arabic's forms 4 and 5 the other way round); Babel 2.19 changed all three.
BABEL_218 = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=0 && n%100<=2 ? 4 : 5);",
}
ARABIC_BY_CATEGORY = {0: "zero", 1: "one", 2: "two", 3: "few", 11: "many", 100: "other", 101: "other", 102: "other", 1_000_000: "other"}


def test_an_equivalent_rule_spelled_another_way_passes() -> None:
    assert plural_rule_problem(expected_plural_forms("ar"), "ar") is None
    gettext_style = "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    assert plural_rule_problem(gettext_style, "ar") is None
    assert plural_rule_problem("nplurals = 2 ;plural = ( n!=1 )", "de") is None
    assert plural_rule_problem("nplurals=2; plural=n != 1;", "en") is None


def test_a_rule_that_picks_another_form_names_the_number() -> None:
    problem = plural_rule_problem(BABEL_218["ar"], "ar")
    assert problem is not None and "n = 11" in problem and "picks form 5" in problem
    problem = plural_rule_problem("nplurals=2; plural=(n > 1);", "de")
    assert problem is not None and "n = 0" in problem
    assert "has 2 forms, but fr has 3" in (plural_rule_problem(BABEL_218["fr"], "fr") or "")


@pytest.mark.parametrize(
    "header",
    [
        "nplurals=2; plural=__import__('os').system('true');",
        "nplurals=2; plural=(n != 1",
        "plural=(n != 1);",
        "nplurals=9; plural=n;",
        "nplurals=2; plural=n + 5;",  # picks forms that don't exist
        "nplurals=2; plural=" + "(" * 500 + "n" + ")" * 500 + ";",
    ],
)
def test_unreadable_or_hostile_rules_are_errors_not_code(header: str) -> None:
    with pytest.raises(PluralRuleError):
        parse_rule(header)
    assert "not a valid rule" in (plural_rule_problem(header, "de") or "")


def test_remap_follows_the_numbers() -> None:
    arabic = remap_forms(parse_rule(BABEL_218["ar"]), parse_rule(expected_plural_forms("ar")))
    assert arabic.sources == (0, 1, 2, 3, 5, 4) and not any(arabic.guessed)
    french = remap_forms(parse_rule(BABEL_218["fr"]), parse_rule(expected_plural_forms("fr")))
    assert french.sources == (0, 1, 1) and not any(french.guessed)
    assert first_difference(parse_rule(BABEL_218["es"]), parse_rule(expected_plural_forms("es"))) == 0


def test_a_new_form_without_a_single_old_counterpart_is_a_guess() -> None:
    mapping = remap_forms(parse_rule("nplurals=1; plural=0;"), parse_rule("nplurals=2; plural=(n != 1);"))
    assert mapping.sources == (0, 0) and mapping.guessed == (False, False)
    merged = remap_forms(parse_rule("nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);"), parse_rule("nplurals=2; plural=(n != 1);"))
    assert merged.guessed == (False, True)
    # new form 1 covers n = 0, 2, 3, ...: it takes the old form of its smallest number, 0
    assert merged.apply(("one", "two", "other")) == (("one", "other"), True)


def old_catalog(lang: str) -> str:
    forms = {"fr": ["hub", "hubs"], "es": ["hub", "hubs"], "ar": ["zero", "one", "two", "few", "other", "many"]}[lang]
    strings = "\n".join(f'msgstr[{i}] "%(num)s {text}"' for i, text in enumerate(forms))
    return f"""msgid ""
msgstr ""
"Project-Id-Version: de:hub website\\n"
"Language: {lang}\\n"
"Plural-Forms: {BABEL_218[lang]}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"

#, python-format
msgid "%(num)s hub"
msgid_plural "%(num)s hubs"
{strings}
"""


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fixture repo whose fr, es and ar catalogs were written for Babel 2.18's rules, after `i18n update`."""
    repo = make_repo(tmp_path_factory.mktemp("plurals"))
    for lang in BABEL_218:
        (repo / "translations" / lang / "LC_MESSAGES" / "messages.po").write_text(old_catalog(lang), encoding="utf-8")
    before = run_build_py("check", root=repo)
    assert before.returncode == 1 and "does not compile" not in before.stdout + before.stderr
    assert "translations/ar/LC_MESSAGES/messages.po:5:" in before.stdout + before.stderr
    result = run_build_py("i18n", "update", root=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "plural rule migrated" in result.stdout
    return {lang: repo / "translations" / lang / "LC_MESSAGES" / "messages.po" for lang in BABEL_218}


def translations(path: Path) -> gettext.GNUTranslations:
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def test_update_rewrites_the_header_to_cldrs_rule(migrated: dict[str, Path]) -> None:
    for lang, path in migrated.items():
        with open(path, "rb") as handle:
            catalog = read_po(handle)
        assert first_difference(parse_rule(catalog.plural_forms), parse_rule(expected_plural_forms(lang))) is None


def test_arabic_forms_are_swapped_to_the_new_order(migrated: dict[str, Path]) -> None:
    arabic = translations(migrated["ar"])
    for n, category in ARABIC_BY_CATEGORY.items():
        assert arabic.ngettext("%(num)s hub", "%(num)s hubs", n) == f"%(num)s {category}", n


def test_french_and_spanish_get_their_many_form_from_the_old_plural(migrated: dict[str, Path]) -> None:
    for lang in ("fr", "es"):
        catalog = translations(migrated[lang])
        assert catalog.ngettext("%(num)s hub", "%(num)s hubs", 1) == "%(num)s hub"
        assert catalog.ngettext("%(num)s hub", "%(num)s hubs", 1_000_000) == "%(num)s hubs"
        assert catalog.ngettext("%(num)s hub", "%(num)s hubs", 12) == "%(num)s hubs"
    with open(migrated["fr"], "rb") as handle:
        assert not read_po(handle).get("%(num)s hub").fuzzy


def test_migrated_catalogs_pass_the_lint(migrated: dict[str, Path]) -> None:
    repo = migrated["fr"].parents[3]
    result = run_build_py("check", root=repo)
    assert "messages.po" not in result.stdout + result.stderr, result.stdout + result.stderr


def test_the_shipped_catalogs_follow_the_installed_babel(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    result = run_build_py("i18n", "update", root=repo)
    assert result.returncode == 0 and "plural rule migrated" not in result.stdout, result.stdout
    shutil.rmtree(repo)


# --- translations/README.md's plural table is the catalogs' -----------------------------------

README = ROOT / "translations" / "README.md"
TABLE_ROW = re.compile(r"^\s*\| ([a-z, ]+) \| (\d+) \| .* \| ([^|]+) \|$")


def plural_tables(text: str) -> list[list[tuple[list[str], int, dict[int, list[int]]]]]:
    """Each plural table (English, German): (languages, forms, {form: example numbers})."""
    tables: list = []
    current = None
    for line in text.split("\n"):
        if line.strip().startswith(("| language | forms |", "| Sprache | Formen |")):
            current = []
            tables.append(current)
        elif current is not None and line.strip().startswith("|---"):
            continue
        elif current is not None and (match := TABLE_ROW.match(line)):
            examples = {}
            for part in match.group(3).split("·"):
                form, numbers = re.fullmatch(r"\s*\[(\d+)\] ([\d, ]+?)\s*", part).groups()
                examples[int(form)] = [int(n) for n in numbers.split(",")]
            current.append(([code.strip() for code in match.group(1).split(",")], int(match.group(2)), examples))
        else:
            current = None
    return tables


def catalog_plural_forms(lang: str) -> str:
    """The Plural-Forms the shipped catalog carries (English, without a catalog: Babel's)."""
    path = ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"
    if not path.is_file():
        return expected_plural_forms(lang)
    with open(path, "rb") as handle:
        return read_po(handle, locale=lang).plural_forms


def table_problems(rows: list[tuple[list[str], int, dict[int, list[int]]]]) -> list[str]:
    """Where a table disagrees with the catalogs: a form count, or an example in the wrong form."""
    problems = []
    for codes, forms, examples in rows:
        for lang in codes:
            header = catalog_plural_forms(lang)
            rule = gettext.c2py(header.split("plural=", 1)[1].rstrip(";").strip())
            if int(re.search(r"nplurals=(\d+)", header).group(1)) != forms:
                problems.append(f"{lang}: {forms} forms, the catalog has {header!r}")
            if sorted(examples) != list(range(forms)):
                problems.append(f"{lang}: examples for forms {sorted(examples)}, not for each of {forms}")
            problems += [
                f"{lang}: {n} takes form {rule(n)}, not {form}" for form, numbers in examples.items() for n in numbers if rule(n) != form
            ]
    return problems


@pytest.mark.parametrize("table", [0, 1], ids=["English", "Deutsch"])
def test_the_readme_plural_table_matches_the_catalogs(table: int) -> None:
    tables = plural_tables(README.read_text(encoding="utf-8"))
    assert len(tables) == 2
    assert sorted(code for codes, _forms, _examples in tables[table] for code in codes) == sorted(load_config(ROOT).codes)
    assert table_problems(tables[table]) == []


def test_the_plural_table_check_can_fail() -> None:
    old = "  | language | forms | msgstr[0] … | examples |\n  |---|---|---|---|\n  | fr | 2 | [0] n = 0 or 1, [1] n ≥ 2 | [0] 0, 1 · [1] 2, 1000000 |\n"
    assert table_problems(plural_tables(old)[0]) == [  # the table before: French with 2 forms
        "fr: 2 forms, the catalog has 'nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;'",
        "fr: 2 takes form 2, not 1",
    ]
