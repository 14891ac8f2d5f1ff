"""`check`: validate only, no rendering (and no MkDocs imported); `--changed-only BASE` for pull requests."""

from __future__ import annotations

import sys
from pathlib import Path

from ..config import load_config
from ..diagnostics import Report, print_report
from ..localize.pot import stale_pot
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
    return report, f"{len(project.hubs)} hubs, {len(project.events)} events"


def check(root: Path, fmt: str = "text", release: bool = False, changed_only: str | None = None) -> int:
    report, checked = run_check(root, release)
    if changed_only:
        from .pr_summary import ChangesError, changed_files

        try:
            changed = set(changed_files(root, changed_only))
        except ChangesError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        report = report.only(changed)
        checked += f", {len(changed)} changed files since {changed_only}"
    return print_report(report, checked, fmt)
