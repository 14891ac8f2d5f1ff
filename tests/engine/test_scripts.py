"""Our scripts reach the browser without the comments that stand on lines of their own, and
with every line of code they had."""

from __future__ import annotations

import re

from dehub.engine.scripts import OURS, without_comments
from tests.conftest import ROOT, BuiltSite


def test_a_comment_on_lines_of_its_own_goes() -> None:
    script = "(function () {\n  /* why:\n   * because */\n  run();\n/* one line */\n}());\n"
    assert without_comments(script) == "(function () {\n  run();\n}());\n"


def test_code_next_to_a_comment_and_comment_marks_in_strings_stay() -> None:
    script = '/* a */ keep();\nvar s = "/* not a comment */";\nx = 1; /* trailing */\n/* b */\n'
    assert without_comments(script) == '/* a */ keep();\nvar s = "/* not a comment */";\nx = 1; /* trailing */\n'


def code_lines(text: str) -> list[str]:
    kept = without_comments(text)
    return [line for line in kept.splitlines() if line.strip()]


def test_the_built_scripts_have_every_line_of_code_and_no_comment_block(built_site: BuiltSite) -> None:
    for name in OURS:
        source = (ROOT / "theme" / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        built = (built_site.root / "en" / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        assert len(built) < len(source), name
        assert not re.search(r"^\s*/\*", built, re.M), name
        source_code = [line for line in source.splitlines() if line.strip() and not re.match(r"\s*(/\*|\*)", line)]
        assert [line for line in built.splitlines() if line.strip()] == source_code, name
