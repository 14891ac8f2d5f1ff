"""What a Markdown file may cost: bounds checked before Python-Markdown sees the text.

Threat: a pull request that stalls the build. Python-Markdown's link parser rescans the rest
of a paragraph for each `[` (8,000 of them: 8 s; a 127 KB file: half an hour per language),
nested emphasis and nested `markdown="1"` blocks end in RecursionError, and deep list or
blockquote nesting multiplies the work of every block processor. `check` and `build` apply
the same limits (`check_limits`), so nothing `check` accepts costs more than a fraction of a
second to render; tests/validate/test_fuzz_markdown.py enforces the CPU budget.
"""

from __future__ import annotations

import re

MAX_LINKS = 500
MAX_BRACKETS = 600  # '[' per file: links, images, footnotes and text all count
MAX_NESTING = 20  # list, blockquote and indentation levels on one line
MAX_MARKDOWN_BLOCKS = 32  # `markdown="1"` HTML blocks per file (content pages)
MAX_EMPHASIS_RUN = 48  # '*', '_' or '~' in a row, except a line that is only a rule
CONTAINER = re.compile(r"[ ]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?")
EMPHASIS_RUN = re.compile(rf"[*_~]{{{MAX_EMPHASIS_RUN},}}")
RULE = re.compile(r"^[ \t]*([*_~-])(?:[ \t]*\1)*[ \t]*$")


class ProseTooLarge(ValueError):
    """The text breaks a limit; `line` is 1-based within the text (0: the whole file)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


def nesting(line: str) -> int:
    """How many containers (indents of 4, '>' and list markers) open before the line's text."""
    depth, position = 0, 0
    while position < len(line):
        if line.startswith(("    ", "\t"), position):
            depth += 1
            position += 1 if line[position] == "\t" else 4
            continue
        match = CONTAINER.match(line, position)
        if not match or match.end() == position:
            break
        depth += 1
        position = match.end()
    return depth


def _over(text: str, pattern: str, limit: int) -> int:
    """The line of the (limit + 1)th match of `pattern`, or 0 when there are not that many."""
    for count, match in enumerate(re.finditer(pattern, text), 1):
        if count > limit:
            return text.count("\n", 0, match.start()) + 1
    return 0


def check_limits(text: str) -> None:
    """Refuse input that would cost minutes of CPU or end in a RecursionError."""
    if line := _over(text, r"\]\(|<http", MAX_LINKS):
        raise ProseTooLarge(f"more than {MAX_LINKS} links", line)
    if line := _over(text, r"\[", MAX_BRACKETS):
        raise ProseTooLarge(f"more than {MAX_BRACKETS} '[' characters (each one makes every later one slower to parse)", line)
    if line := _over(text, r"\smarkdown\s*=", MAX_MARKDOWN_BLOCKS):
        raise ProseTooLarge(f'more than {MAX_MARKDOWN_BLOCKS} markdown="1" blocks', line)
    for number, line in enumerate(text.split("\n"), 1):
        if nesting(line) > MAX_NESTING:
            raise ProseTooLarge(f"nesting deeper than {MAX_NESTING} levels (lists, quotes, indentation)", number)
        if EMPHASIS_RUN.search(line) and not RULE.match(line):
            raise ProseTooLarge(f"a run of {MAX_EMPHASIS_RUN} or more '*', '_' or '~'", number)
