"""`--format github`: the annotations a pull request shows, and the full list in the job summary.

GitHub shows at most ten error and ten warning annotations per step; the rest are dropped
silently. So the real problems go first (`Report.ordered`: the changed files', then each
file's own errors before cross-file ones), at most `LIMIT` of each kind become annotations,
the others are printed as plain log lines, and when `$GITHUB_STEP_SUMMARY` is set every
problem is appended there (in a code block, so no file content renders as Markdown).
How one annotation is written and escaped is `Diagnostic.github`'s business.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # types only: diagnostics.print_report calls this module
    from .diagnostics import Diagnostic, Report

LIMIT = 10  # GitHub's limit per kind and step


def annotation_lines(report: Report) -> list[str]:
    """The log lines: the first LIMIT errors and LIMIT warnings as annotations, the rest as text,
    and a notice when some were not annotated."""
    lines, shown, left = [], {"error": 0, "warning": 0}, {"error": 0, "warning": 0}
    for diagnostic in report.ordered():
        if shown[diagnostic.severity] < LIMIT:
            shown[diagnostic.severity] += 1
            lines.append(diagnostic.github())
        else:
            left[diagnostic.severity] += 1
            lines.append(diagnostic.text())
    hidden = [f"{count} more {kind}{'s' if count != 1 else ''}" for kind, count in left.items() if count]
    if hidden:
        where = "the job summary" if os.environ.get("GITHUB_STEP_SUMMARY") else "the log above"
        lines.append(f"::notice::{' and '.join(hidden)} not annotated (GitHub shows {LIMIT} of each kind); see {where}")
    return lines


def summary_markdown(diagnostics: Iterable[Diagnostic], notes: list[str], summary: str) -> str:
    """Every problem for the job summary, inside a fence longer than any backtick run in it."""
    body = [d.text() for d in diagnostics] + [f"note: {note}" for note in notes]
    longest = max((len(run) for line in body for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    heading = f"## Check: {len(body)} problem{'s' if len(body) != 1 else ''}" if body else "## Check"
    return "\n".join([heading, "", summary.replace("`", "'"), "", fence + "text", *body, fence, ""]) + "\n"


def write_step_summary(report: Report, summary: str) -> None:
    """Append the full list to $GITHUB_STEP_SUMMARY, if the step has one."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target or not report.diagnostics and not report.notes:
        return
    with Path(target).open("a", encoding="utf-8") as file:
        file.write(summary_markdown(report.ordered(), report.notes, summary))


def print_github(report: Report, summary: str, out: TextIO) -> None:
    for line in annotation_lines(report):
        print(line, file=out)
    for note in report.notes:
        print(f"note: {note}", file=out)
    write_step_summary(report, summary)
