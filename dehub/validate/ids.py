"""Ids and names that prose sets explicitly: attribute lists (`{#id}`, `{: id=x }`) and raw HTML.

Threat: DOM clobbering (see render/ids.py): an explicit id equal to one of the theme's or our
templates' takes over their script configuration on page load, and `name=` on an element
adds a global (`window.x`, `document.x`). `check` refuses them with the file, line and column;
the sanitiser still normalises whatever reaches a page.
"""

from __future__ import annotations

import re

from ..diagnostics import Report, shorten
from ..model import Prose
from ..render.ids import id_problem

ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)>?")
ATTRIBUTE = re.compile(r"""(?:^|\s)(?:#([^\s}]+)|([A-Za-z_:][-\w:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>}]+))""")


def _unquote(value: str) -> str:
    return value[1:-1] if value[:1] in "\"'" and value[-1:] == value[:1] and len(value) > 1 else value


def explicit_ids(line: str):
    """(column, 'id' or 'name', value) of each id and name the line sets."""
    for pattern in (ATTR_LIST, TAG):
        for block in pattern.finditer(line):
            inner = block.group(1) or ""
            for match in ATTRIBUTE.finditer(inner):
                column = block.start(1) + (match.start(1) - 1 if match.group(1) is not None else match.start(2)) + 1
                if match.group(1) is not None and pattern is ATTR_LIST:
                    yield column, "id", match.group(1)
                elif match.group(2) and match.group(2).lower() in {"id", "name"}:
                    yield column, match.group(2).lower(), _unquote(match.group(3))


def check_ids(prose: Prose, lines, report: Report) -> None:
    """Every explicit id is allowed and set once per file; no `name=` at all."""
    seen: dict[str, int] = {}
    for number, line in lines:
        for column, kind, value in explicit_ids(line):
            if kind == "name":
                report.error(
                    prose.path, number, column, f"name={shorten(value)} is not allowed in prose; use an id (#{value}) if a link needs it"
                )
                continue
            problem = id_problem(value)
            if problem:
                report.error(prose.path, number, column, f"id {shorten(value)} {problem}")
            elif value in seen:
                report.error(
                    prose.path, number, column, f"id {shorten(value)} is already set on line {seen[value]}; ids are unique in a page"
                )
            else:
                seen[value] = number
