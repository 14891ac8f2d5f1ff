"""Plain-words explanations of YAML syntax errors where people stumble: indentation.

PyYAML says "mapping values are not allowed here" or "expected <block end>, but found
'<block mapping start>'" when a line is indented one step too far or not far enough. This
module reads the lines above the error, finds the columns where the open mappings' keys start,
and names the line, the column it should start in, and how the line should look.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..diagnostics import shorten

if TYPE_CHECKING:
    import yaml

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


COMMENT = re.compile(r"\s+#.*$")
OPENERS = {"sequence": ("list", "]"), "mapping": ("mapping", "}")}


def _content_end(line: str) -> int:
    """The 0-based column just after a line's last character, before a trailing comment."""
    return len(COMMENT.sub("", line).rstrip())


def missing_hint(
    context: str | None, problem: str, text: str, context_at: tuple[int, int], problem_at: tuple[int, int]
) -> tuple[int, int, str] | None:
    """Where something is missing, in words, and the 0-based line and column where it belongs:
    a key without ':', a '[' or '{' not closed, a quote not closed. PyYAML reports these where it
    gave up (the next line, or the end of the file); the mistake is on the line it names as context."""
    lines = text.split("\n")
    line, column = context_at
    if line >= len(lines):
        return None
    own = lines[line]
    if context == "while scanning a simple key" and problem.startswith("could not find expected ':'"):
        key, _space, rest = own[column:].strip().partition(" ")
        key_end = column + len(key)
        value = rest.strip() or "..."
        return line, key_end, f"missing ':' after the key {key!r}; write it as {shorten(key + ': ' + value, 60)}"
    flow = re.fullmatch(r"while parsing a flow (sequence|mapping)", context or "")
    if flow and problem.startswith("did not find expected ','"):
        what, closer = OPENERS[flow.group(1)]
        last = problem_at[0] - 1 if problem_at[0] > line else line
        while last > line and not COMMENT.sub("", lines[last]).strip():
            last -= 1
        end = _content_end(lines[last]) if problem_at[0] > line else problem_at[1]
        fixed = shorten((COMMENT.sub("", lines[last]).rstrip()[:end] + closer).strip(), 60)
        return (
            last,
            end,
            f"the {what} opened at line {line + 1} col {column + 1} is not closed with {closer!r}; add {closer!r} where it ends: {fixed}",
        )
    if context == "while scanning a quoted scalar" and "end of stream" in problem:
        quote = own[column] if column < len(own) else '"'
        return (
            line,
            _content_end(own),
            f"the quote opened at line {line + 1} col {column + 1} is not closed; end the text with {quote} on the same line",
        )
    return None


ITEM_WITHOUT_COLON = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)+)(?P<key>[A-Za-z_][\w-]*) +(?P<value>[^:#]+?)\s*$")


def item_colon_hint(problem: str, text: str, line_index: int) -> tuple[int, int, str] | None:
    """'- name Dortmund' followed by '  state: ...': PyYAML complains about the next line; the list
    item's key lacks its ':'."""
    if not problem.startswith("mapping values are not allowed") or line_index < 1:
        return None
    lines = text.split("\n")
    above = line_index - 1
    while above > 0 and not lines[above].strip():
        above -= 1
    match = ITEM_WITHOUT_COLON.match(lines[above])
    own = key_column(lines[line_index]) if line_index < len(lines) else None
    if not match or own != len(match.group("indent")) + len(match.group("dashes")):
        return None
    key, value = match.group("key"), match.group("value")
    return above, match.end("key"), f"missing ':' after the key {key!r}; write it as {shorten(key + ': ' + value, 60)}"


KEY_WITHOUT_COLON = re.compile(r"^(?P<indent> *)(?P<key>[A-Za-z_][\w-]*) +(?P<value>\S.*?)\s*$")


def scalar_colon_hint(text: str, keys: set[str]) -> tuple[int, int, str] | None:
    """A document that is one text, not 'key: value' lines, because its first key (one of `keys`)
    lacks the ':' ('source_hash abc'): the 0-based line and column of the missing ':', and the message."""
    for index, line in enumerate(text.split("\n")):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = KEY_WITHOUT_COLON.match(line)
        if not match or ":" in line or match.group("key") not in keys:
            return None
        key, value = match.group("key"), match.group("value")
        return index, match.end("key"), f"missing ':' after the key {key!r}; write it as {shorten(key + ': ' + value, 60)}"
    return None


def missing_at(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """A missing ':', ']', '}' or quote, at the line where it is missing (yaml_hints.missing_hint)."""
    if exc.problem_mark is not None and exc.context_mark is None:
        return item_colon_hint(exc.problem or "", text, exc.problem_mark.line)
    if exc.context_mark is None or exc.problem_mark is None:
        return None
    at = (exc.context_mark.line, exc.context_mark.column)
    return missing_hint(exc.context, exc.problem or "", text, at, (exc.problem_mark.line, exc.problem_mark.column))


def syntax_message(exc: yaml.MarkedYAMLError, text: str, mark: yaml.Mark | None) -> str:
    problem = exc.problem or "syntax error"
    if mark is not None and "\t" in problem or "'\\t'" in problem:
        return "tab character in indentation; YAML needs spaces (use 2 spaces per level)"
    if mark is not None:
        line_text = text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else ""
        if line_text[: mark.column + 1].lstrip(" ").startswith("\t"):
            return "tab character in indentation; YAML needs spaces (use 2 spaces per level)"
    if mark is not None:
        hint = colon_hint(problem, text, mark.line, mark.column) or indentation_hint(problem, text, mark.line, mark.column)
        if hint:
            return hint
    context = f" {exc.context}" if exc.context else ""
    return f"invalid YAML:{context} {problem}".replace("  ", " ")
