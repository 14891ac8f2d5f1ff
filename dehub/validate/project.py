"""The whole project, read from disk (load/) and checked (the rules in this package), once."""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..diagnostics import Report
from ..load.content import read_content
from ..load.files import read_event_files, read_hubs
from ..load.names import check_translation_files
from ..load.news import read_news_files
from ..load.tree import check_tree
from ..localize.catalogs import MESSAGES_LANGUAGE
from ..model import Project
from .catalogs import lint_catalogs
from .content import check_page_meta
from .events import as_datetime, build_agency_events
from .hubs import build_hub, check_former_slugs
from .news import build_news
from .prose import check_all_prose


def read_project(root: Path, config: Config, report: Report) -> Project:
    """Load and validate every hub, event, page and news post; `report` receives every problem."""
    check_tree(root, report)  # symlinks and unprintable names anywhere in the input folders
    check_translation_files(root, config.codes, MESSAGES_LANGUAGE, report)  # no catalog silently ignored
    sources = read_hubs(root, report)
    hubs, skipped = [], {}
    for source in sources:
        hub = build_hub(source, config, report)
        if hub is not None:
            hubs.append(hub)
        else:  # it has errors of its own; it still exists for the other checks (no knock-on errors)
            skipped[source.slug] = source.prose
    check_former_slugs({s.slug: s.document for s in sources if s.document is not None}, report)
    events = [event for hub in hubs for event in hub.events]
    events += build_agency_events(read_event_files(root, report), hubs, config, report, set(skipped))
    pages = read_content(root, config, report)
    check_page_meta(pages, report)
    project = Project(hubs=hubs, events=sorted(events, key=lambda e: (as_datetime(e.start), e.source)), pages=pages, skipped=skipped)
    project.news = build_news(read_news_files(root, config, report), hubs, report)
    check_all_prose(project, config, report)
    return project


def validate_sources(root: Path, config: Config, release: bool = False) -> tuple[Report, Project]:
    """Everything `build` refuses to render: invalid data, unsafe or broken catalogs, and (for a
    release) a stale .pot and placeholders; the glossary's warnings too. `build` never uses check's cache
    (dehub/cache.py is off unless `check` turns it on), so it decides from the files alone."""
    from .glossary import check_glossary

    report = Report()
    project = read_project(root, config, report)
    lint_catalogs(root, config, report)
    check_glossary(root, config, project, report)
    if release:  # the deploy's build decides exactly as `check --release` does
        from ..localize.pot import stale_pot
        from .release import check_placeholders

        problem = stale_pot(root)
        if problem is not None:
            report.diagnostics.append(problem)
        check_placeholders(root, report)
    return report, project
