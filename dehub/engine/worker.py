"""One Material for MkDocs build per language, in a process pool (fork: the project is shared)."""

from __future__ import annotations

import logging
import os
import signal
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from mkdocs.commands.build import build

from ..config import Config
from ..localize.localizer import localizer
from ..model import Project
from ..render.navigation import footer_links, navigation
from ..render.page import Page
from ..render.pages import render_language
from ..urls import other_language_pages
from .config import load_mkdocs, mkdocs_config
from .plugin import DehubPlugin
from .scripts import strip_script_comments
from .shells import probe_pages, shellable, take_shells, write_shelled
from .stylesheets import purge_stylesheets, rename_in


@dataclass(frozen=True)
class LanguageResult:
    lang: str
    keys: tuple[str, ...]  # every page built, for the sitemap
    seconds: float
    warnings: tuple[str, ...] = ()

    @property
    def pages(self) -> int:
        return len(self.keys)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_language(config: Config, project: Project, lang: str, site_dir: Path) -> LanguageResult:
    """One Material for MkDocs build of one language (runs in a worker process)."""
    start = time.perf_counter()
    loc = localizer(config.root, lang, config.fallback_chain(lang))
    pages = render_language(project, config, loc)
    shelled = [page for page in pages if shellable(page)]
    rendered = [page for page in pages if not shellable(page)] + probe_pages(shelled)
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    logger.setLevel(logging.WARNING)
    try:
        with tempfile.TemporaryDirectory(prefix="dehub-docs-") as docs_dir:
            settings = mkdocs_config(config, lang, Path(docs_dir), site_dir, navigation(pages, loc), loc.gettext)
            mk = load_mkdocs(config, settings)
            mk.plugins["dehub"] = DehubPlugin(
                config, loc, rendered, footer_links(pages, loc), project.hubs, other_language_pages(project, config, lang)
            )
            build(mk)  # the pages Material renders itself, and one probe per folder of shelled pages
        publish(site_dir, shelled)
    finally:  # a failed build must not leave its handler collecting the next language's messages
        logger.removeHandler(collector)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink(missing_ok=True)
    return LanguageResult(lang, tuple(page.key for page in pages), time.perf_counter() - start, tuple(collector.messages))


def publish(site_dir: Path, shelled: list[Page]) -> None:
    """After Material: our scripts without their comments, the stylesheets cut to what the
    pages use, then the shelled pages (engine/scripts.py, stylesheets.py, shells.py). The search indexes the finished site (write/search.py)."""
    strip_script_comments(site_dir)  # before the purge: a class named only in a comment keeps no rule
    shells = take_shells(site_dir, shelled)
    rendered = {path: path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))}
    renames = purge_stylesheets(site_dir, [*rendered.values(), *(s.literal for s in shells.values()), *(p.html or "" for p in shelled)])
    for path, text in rendered.items():
        if (renamed := rename_in(text, renames)) != text:
            path.write_bytes(renamed.encode("utf-8", errors="xmlcharrefreplace"))
    write_shelled(site_dir, shelled, {folder: s.edited(lambda text: rename_in(text, renames)) for folder, s in shells.items()})


def build_all(config: Config, project: Project, langs: list[str], staging: Path) -> list[LanguageResult]:
    """Every language into staging/<lang>/, in parallel when there is more than one core."""
    workers = max(1, min(len(langs), os.cpu_count() or 1))
    if workers == 1:
        return [build_language(config, project, lang, staging / lang) for lang in langs]
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"), initializer=_leave_ctrl_c_to_the_parent)
    try:
        futures = [pool.submit(build_language, config, project, lang, staging / lang) for lang in langs]
        return [future.result() for future in futures]
    except BaseException:  # Ctrl-C, SIGTERM: stop the workers now rather than after their language
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_ctrl_c_to_the_parent() -> None:
    """Workers ignore Ctrl-C (the whole process group gets it): the parent stops them and cleans up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
