"""Translator hints (issue 19, item 9): conversion type, --help, the status table, empty msgstr."""

from __future__ import annotations

import re
from pathlib import Path

from dehub.validate.catalogs import check_placeholders
from tests.conftest import make_repo, run_build_py


def test_a_named_placeholder_without_its_type_says_so():
    message = check_placeholders("%(num)s hubs", "%(num)s hubs", "%(num) Hubs")
    assert message == "the conversion type is missing after '%(num)'; write '%(num)s' (a name in parentheses needs an 's' after it)"
    assert "%%" not in message


def test_a_real_stray_percent_still_says_write_percent_percent():
    assert check_placeholders("Done", None, "100%") == "stray '%' ('%'); write '%%' for a percent sign"


def test_i18n_help_explains_strict_and_force(tmp_path: Path):
    result = run_build_py("i18n", "--help", root=make_repo(tmp_path, hubs=("dortmund",)))
    text = " ".join(result.stdout.split())
    assert "--strict status: exit 1 when a language marked complete" in text
    assert "--force update: write a catalog even if it has errors or would lose translations" in text
    assert "diff PATH (what changed in the German text since PATH was translated)" in text


def test_status_fits_in_100_columns_and_an_empty_msgstr_is_missing(tmp_path: Path):
    repo = make_repo(tmp_path, hubs=("dortmund",))
    po = repo / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    text = re.sub(r'(msgid "Explore the hubs"\nmsgstr )"[^"]*"', r'\1""', text)
    po.write_text(text, encoding="utf-8")
    result = run_build_py("i18n", "status", root=repo)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    fr = next(line for line in lines if line.startswith("fr "))
    total = int(re.search(r"(\d+) UI strings in", result.stdout).group(1))
    assert fr.split()[1:5] == [str(total - 1), f"({100 * (total - 1) // total}%)", "0", "1"]  # done, fuzzy 0, missing 1
