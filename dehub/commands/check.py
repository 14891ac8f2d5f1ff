"""`check`: validate only, no rendering (and no MkDocs imported); `--changed-only BASE` for pull requests."""

from __future__ import annotations

import sys
from pathlib import Path

from ..config import load_config
from ..diagnostics import Report, print_report
from ..localize.pot import stale_pot
from ..model import Project
from ..validate.catalogs import lint_catalogs
from ..validate.glossary import check_glossary
from ..validate.project import read_project


def run_check(root: Path, release: bool = False) -> tuple[Report, str]:
    """Every problem in the sources, the catalogs and the .pot (and placeholders, for a release)."""
    report = Report()
    config = load_config(root)
    project = read_project(root, config, report)
    lint_catalogs(root, config, report)
    check_glossary(root, config, project, report)
    problem = stale_pot(root)
    if problem is not None:
        report.diagnostics.append(problem)
    if release:
        from ..validate.release import check_placeholders

        check_placeholders(root, report)
    return report, checked_summary(project)


def checked_summary(project: Project) -> str:
    """What was checked, for the summary line: '12 hubs, 3 events; hub dortmund skipped (it has errors)'."""
    text = f"{len(project.hubs) + len(project.skipped)} hubs, {len(project.events)} events"
    if project.skipped:
        many = len(project.skipped) > 1
        text += f"; hub{'s' if many else ''} {', '.join(sorted(project.skipped))} skipped ({'they have' if many else 'it has'} errors)"
    return text


def check(root: Path, fmt: str = "text", release: bool = False, changed_only: str | None = None, changed_first: str | None = None) -> int:
    """`changed_only`: report only the files changed since that ref (and cross-file problems);
    `changed_first`: report everything, the changed files' problems first (the pull request's)."""
    report, checked = run_check(root, release)
    base = changed_only or changed_first
    if base:
        from .pr_summary import ChangesError, changed_files

        try:
            changed = set(changed_files(root, base))
        except ChangesError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if changed_only:
            report = report.only(changed)
            checked += f", {len(changed)} changed files since {base}"
        else:
            report.first = changed
    return print_report(report, checked, fmt)
