"""Problems found in user input, reported as `path:line:col: error: message`, and printed.

Every stage appends to one `Report`; nothing stops at the first error. A `Diagnostic`
carries its position (1-based line and column, 0 when unknown), whether it comes from a
rule that relates files (`cross_file`: kept by `check --changed-only` for any file), and
whether it is a placeholder left for the site's operator (`operator`: the legal pages'
`[[TODO: ...]]` under `--release`, listed after everyone else's problems).
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from typing import Literal

from .output import printable, workflow_data, workflow_property

MAX_VALUE_CHARS = 60


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int = 0
    col: int = 0
    message: str = ""
    severity: Literal["error", "warning"] = "error"
    cross_file: bool = field(default=False, compare=False)  # a rule about how files relate
    operator: bool = field(default=False, compare=False)  # the operator's placeholder: listed last

    def text(self) -> str:
        where = printable(self.path)
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.severity}: {printable(self.message)}"

    def github(self) -> str:
        props = [f"file={workflow_property(self.path)}"]  # escaped as GitHub documents: a name can't add a command
        if self.line:
            props.append(f"line={self.line}")
        if self.col:
            props.append(f"col={self.col}")
        return f"::{self.severity} {','.join(props)}::{workflow_data(self.message)}"


@dataclass
class Report:
    """Collects every problem of one run; nothing stops at the first error."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # consequences of errors, not errors: "21 links ... not checked"
    first: set[str] = field(default_factory=set)  # paths listed first (the files a pull request changed)
    hidden: dict[str, int] = field(default_factory=dict)  # errors `only` left out: path -> how many

    def error(self, path: str, line: int, col: int, message: str, *, operator: bool = False) -> None:
        diagnostic = Diagnostic(path, line, col, message, operator=operator)
        if diagnostic not in self.diagnostics[-8:]:  # two stages may refuse the same path (e.g. a symlink)
            self.diagnostics.append(diagnostic)

    def cross_file_error(self, path: str, line: int, col: int, message: str) -> None:
        """An error from a rule that relates files (a link, a reference to another hub)."""
        self.diagnostics.append(Diagnostic(path, line, col, message, cross_file=True))

    def only(self, paths: set[str]) -> Report:
        """The problems in `paths`, plus every cross-file problem; the other errors are counted
        (`hidden`), so the report is still not ok."""
        kept, hidden = [], {}
        for d in self.diagnostics:
            if d.path in paths or d.cross_file:
                kept.append(d)
            elif d.severity == "error":
                hidden[d.path] = hidden.get(d.path, 0) + 1
        return Report(kept, list(self.notes), set(paths), hidden)

    def warning(self, path: str, line: int, col: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(path, line, col, message, "warning"))

    def extend(self, other: Report) -> None:
        self.diagnostics.extend(other.diagnostics)
        self.notes.extend(other.notes)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.hidden

    def ordered(self) -> list[Diagnostic]:
        """The real problems first: the changed files' (`first`), then each file's own errors
        before the rules that relate files, the operator's placeholders last, then by path and
        position."""
        return sorted(
            set(self.diagnostics), key=lambda d: (d.path not in self.first, d.operator, d.cross_file, d.path, d.line, d.col, d.message)
        )

    def lines(self, fmt: str = "text") -> list[str]:
        return [d.github() if fmt == "github" else d.text() for d in self.ordered()]

    def summary(self, checked: str) -> str:
        errors = len(self.errors)
        warnings = len(self.diagnostics) - errors
        if errors:
            files = len({d.path for d in self.errors})
            text = f"{plural(errors, 'error')} in {plural(files, 'file')} ({checked})"
        elif not self.hidden:
            text = f"ok: {checked}, no errors"
        else:
            text = f"no errors in the changed files ({checked})"
        if self.hidden:
            names = sorted(self.hidden)
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            more = "more " if errors else ""
            text += f"; {plural(sum(self.hidden.values()), more + 'error')} in unchanged files not listed ({shown}): check without --changed-only lists them"
        if warnings:
            text += f", {plural(warnings, 'warning')}"
        return text


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def shorten(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """A value for an error message, never unbounded (input may be huge or hostile)."""
    return clip(repr(value), limit)


def clip(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut after a whole word (with "…") where there is
    a space in its second half; a text without one (a long name, hostile input) is cut hard."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space].rstrip(" ,;:")
    return cut + "…"


def did_you_mean(word: object, choices: list[str]) -> str:
    """A hint for a misspelt value: "did you mean 'x'? " (with the space), or ''."""
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def print_report(report: Report, checked: str, fmt: str) -> int:
    """Print every problem and the summary line; the exit status (0 ok, 1 errors)."""
    out = sys.stdout if fmt == "github" else sys.stderr if not report.ok else sys.stdout
    summary = report.summary(checked)
    if fmt == "github":
        from .annotations import print_github  # at most ten per kind, the full list in the job summary

        print_github(report, summary, out)
    else:
        for line in report.lines(fmt):
            print(line, file=out)
        for note in report.notes:
            print(f"note: {note}", file=out)
    print(summary, file=sys.stderr if not report.ok else sys.stdout)
    return 0 if report.ok else 1
