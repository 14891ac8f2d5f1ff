"""Plain-words explanations of YAML syntax errors where people stumble: indentation.

PyYAML says "mapping values are not allowed here" or "expected <block end>, but found
'<block mapping start>'" when a line is indented one step too far or not far enough. This
module reads the lines above the error, finds the columns where the open mappings' keys start,
and names the line, the column it should start in, and how the line should look.
"""

from __future__ import annotations

import re

from ..diagnostics import shorten

KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[^\s#:][^:#]*?):(?:\s|$)")
INDENTATION_PROBLEMS = ("mapping values are not allowed", "expected <block end>", "did not find expected key", "did not find expected '-'")


def key_column(line: str) -> int | None:
    """The 0-based column of the key on `line` ('  - name: x' -> 4), or None if it has none."""
    match = KEY_LINE.match(line)
    if not match:
        return None
    return len(match.group("indent")) + len(match.group("dashes"))


def open_levels(lines: list[str], before: int) -> list[tuple[int, int]]:
    """(column, line index) of the keys a line at `before` could belong with, innermost last."""
    levels: list[tuple[int, int]] = []
    for index in range(before):
        column = key_column(lines[index])
        if column is None:
            continue
        while levels and levels[-1][0] >= column:
            levels.pop()
        levels.append((column, index))
    return levels


def indentation_hint(problem: str, text: str, line_index: int, column: int) -> str | None:
    """A plain-words message for an indentation mistake at `line_index` (0-based), or None."""
    if not problem.startswith(INDENTATION_PROBLEMS):
        return None
    lines = text.split("\n")
    if line_index >= len(lines):
        return None
    line = lines[line_index]
    own = key_column(line)
    if own is None:
        return None
    levels = [(col, index) for col, index in open_levels(lines, line_index) if col != own]
    if not levels:
        return None
    best = min(levels, key=lambda level: (abs(level[0] - own), -level[0]))
    want, example = best
    dashes = len(KEY_LINE.match(line).group("dashes"))
    fixed = " " * max(want - dashes, 0) + line.lstrip(" ")
    example_key = lines[example].strip().removeprefix("- ").split(":")[0]
    return (
        f"line {line_index + 1} is indented wrongly: {shorten(line.strip(), 40)} starts in column {own + 1}, "
        f"but keys at this level start in column {want + 1} (like {example_key + ':'!r} on line {example + 1}); "
        f"write it as {shorten(fixed, 60)} (spaces, not tabs)"
    )


def colon_hint(problem: str, text: str, line_index: int, column: int) -> str | None:
    """'title: Hub: Abend' -> put the value in quotes."""
    if not problem.startswith("mapping values"):
        return None
    lines = text.split("\n")
    if line_index >= len(lines):
        return None
    line = lines[line_index]
    match = KEY_LINE.match(line)
    if not match or column <= match.end():
        return None
    key, value = line[: match.end()].rstrip(), line[match.end() :].strip()
    return f"the value of {key.strip().removeprefix('- ')!r} contains ': '; put it in quotes: {shorten(key + ' ' + repr(value).replace(chr(39), chr(34)), 70)}"
