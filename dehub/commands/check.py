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
    from ..model import Project


def run_check(root: Path, release: bool = False) -> tuple[Report, str]:
    """Every problem in the sources, the catalogs and the .pot (and placeholders, for a release)."""
    from ..config import load_config
    from ..diagnostics import Report
    from ..localize.pot import stale_pot
    from ..validate.catalogs import lint_catalogs
    from ..validate.glossary import check_glossary
    from ..validate.project import read_project

    report = Report()
    use_cache(root, release)  # inputs found clean before skip the schema validator and the catalog lint
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
    """`changed_only`: list only the problems of the files changed since that ref (and cross-file
    ones); errors elsewhere are counted in the summary and still fail the run. `changed_first`:
    list everything, the changed files' problems first (the pull request's). "Changed" is
    against the working tree: commits, staged, unstaged and untracked files."""
    base = changed_only or changed_first
    key: tuple[bytes, ...] = ()
    if not base:  # a clean run of exactly these inputs is printed again without validating
        from ..localize.babel_cfg import source_tops

        key = (fmt.encode(), b"release" if release else b"", inputs_digest(root, source_tops(root)))
        remembered = CleanCache(root, release).output("check", *key)
        if remembered is not None:
            sys.stdout.write(remembered)
            return 0
    from ..diagnostics import print_report

    report, checked = run_check(root, release)
    if key and not report.diagnostics:
        CleanCache(root, release).remember_clean("check", *key, output=report.summary(checked) + "\n")
    if base:
        from .pr_summary import ChangesError, changed_files

        try:
            changed = set(changed_files(root, base, worktree=True))
        except ChangesError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if changed_only:
            report = report.only(changed)
            checked += f", {len(changed)} changed files since {base}"
        else:
            report.first = changed
    return print_report(report, checked, fmt)
