"""`check`: validate only, no rendering (and no MkDocs imported); `--changed-only BASE` for pull requests.

A run whose every input (dehub/cache.py: `inputs_digest`) was found clean before prints what
that run printed without importing the validators; anything else is checked in full, and the
validators themselves skip the files they have found clean before.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import CleanCache, inputs_digest, use_cache

if TYPE_CHECKING:
    from ..diagnostics import Report


def run_check(root: Path, release: bool = False) -> tuple[Report, str]:
    """Every problem in the sources, the catalogs and the .pot (and placeholders, for a release)."""
    from ..config import load_config
    from ..diagnostics import Report
    from ..localize.pot import stale_pot
    from ..validate.catalogs import lint_catalogs
    from ..validate.project import read_project

    report = Report()
    use_cache(root)  # inputs found clean before skip the schema validator and the catalog lint
    config = load_config(root)
    project = read_project(root, config, report)
    lint_catalogs(root, config, report)
    problem = stale_pot(root)
    if problem is not None:
        report.diagnostics.append(problem)
    if release:
        from ..validate.release import check_placeholders

        check_placeholders(root, report)
    return report, f"{len(project.hubs)} hubs, {len(project.events)} events"


def check(root: Path, fmt: str = "text", release: bool = False, changed_only: str | None = None) -> int:
    key: tuple[bytes, ...] = ()
    if not changed_only:
        from ..localize.babel_cfg import source_tops

        key = (fmt.encode(), b"release" if release else b"", inputs_digest(root, source_tops(root)))
        remembered = CleanCache(root).output("check", *key)
        if remembered is not None:
            sys.stdout.write(remembered)
            return 0
    from ..diagnostics import print_report

    report, checked = run_check(root, release)
    if key and not report.diagnostics:
        CleanCache(root).remember_clean("check", *key, output=report.summary(checked) + "\n")
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
