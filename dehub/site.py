"""`build`: validate once, build every language in parallel, write root files, swap in."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from .config import Config, load_config
from .diagnostics import Report
from .model import Project


@dataclass(frozen=True)
class LanguageResult:
    lang: str
    pages: int
    seconds: float
    warnings: tuple[str, ...] = ()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_config(config: Config, lang: str, docs_dir: Path, site_dir: Path, nav: list[dict]) -> dict:
    """The per-language MkDocs config, derived from the maintainers' mkdocs.yml."""
    base = config.mkdocs
    theme = dict(base.get("theme", {}))
    theme.update(language=lang, custom_dir=str(config.root / theme.get("custom_dir", "theme")), font=False)
    extra = {key: value for key, value in base.get("extra", {}).items() if key != "dehub"}
    return {
        **{key: value for key, value in base.items() if key not in {"extra", "theme", "nav", "plugins"}},
        "site_url": config.url(f"{lang}/"),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": theme,
        "extra": extra,
        "extra_css": ["assets/stylesheets/dehub.css", *base.get("extra_css", [])],
        "extra_javascript": ["assets/javascripts/dehub.js", *base.get("extra_javascript", [])],
        "nav": nav,
        "plugins": ["search"],
        "validation": {
            "nav": {"omitted_files": "ignore", "absolute_links": "ignore"},
            "links": {"anchors": "info", "unrecognized_links": "info"},
        },
    }


def build_language(config: Config, project: Project, lang: str, site_dir: Path) -> LanguageResult:
    """One Material for MkDocs build of one language (runs in a worker process)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config as load_mkdocs_config

    from .localize import localizer
    from .mkdocs_plugin import DehubPlugin
    from .navigation import footer_links, navigation
    from .pages import collect_pages

    start = time.perf_counter()
    loc = localizer(config.root, lang, config.fallback_chain(lang))
    specs = collect_pages(project, config, loc)
    collector = _Collect()
    logging.getLogger("jieba").setLevel(logging.WARNING)  # Material segments Chinese with jieba; its chatter is noise
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    logger.setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="dehub-docs-") as docs_dir:
        settings = mkdocs_config(config, lang, Path(docs_dir), site_dir, navigation(specs, loc))
        import io

        import yaml

        mk = load_mkdocs_config(config_file=io.StringIO(yaml.safe_dump(settings, allow_unicode=True)))
        mk.plugins["dehub"] = DehubPlugin(config, loc, specs, footer_links(specs, loc), project.hubs)
        build(mk)
    logger.removeHandler(collector)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site_dir / name).unlink(missing_ok=True)
    return LanguageResult(lang, len(specs), time.perf_counter() - start, tuple(collector.messages))


def validate(root: Path, config: Config) -> tuple[Report, Project]:
    """Everything `build` refuses to render: invalid data and unsafe or broken catalogs."""
    from .catalogs import lint_catalogs
    from .validate import load_project

    report = Report()
    project = load_project(root, config, report)
    lint_catalogs(root, config, report)
    return report, project


def build_all(config: Config, project: Project, langs: list[str], staging: Path) -> list[LanguageResult]:
    workers = max(1, min(len(langs), os.cpu_count() or 1))
    if workers == 1:
        return [build_language(config, project, lang, staging / lang) for lang in langs]
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        futures = [pool.submit(build_language, config, project, lang, staging / lang) for lang in langs]
        return [future.result() for future in futures]


MARKER = ".dehub-site"  # marks a folder this command built, and may therefore replace


def replaceable(out: Path) -> bool:
    """Only an empty folder or an earlier build may be replaced; never a user's other files."""
    return not out.exists() or (out.is_dir() and (not any(out.iterdir()) or (out / MARKER).is_file()))


def swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` so that a reader never sees a half-written site."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def describe_failure(root: Path, exc: Exception) -> str:
    """One `path:line: error:` line for a failure in a template or the theme."""
    from jinja2 import TemplateSyntaxError

    if isinstance(exc, TemplateSyntaxError):
        path = Path(exc.filename or exc.name or "template")
        with contextlib.suppress(ValueError):
            path = path.resolve().relative_to(root.resolve())
        return f"{path.as_posix()}:{exc.lineno}: error: {exc.message}"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"error: {type(exc).__name__}: {text[:300]}"


def build_site(root: Path, langs: list[str] | None = None, out: Path | None = None, fmt: str = "text", offline: bool = False) -> int:
    from .cli import print_report
    from .write import make_browsable_offline, write_root_files

    started = time.perf_counter()
    config = load_config(root)
    report, project = validate(root, config)
    unknown = [lang for lang in langs or [] if lang not in config.codes]
    for lang in unknown:
        report.error("mkdocs.yml", 0, 0, f"--lang {lang!r} is not a configured language; allowed: {', '.join(config.codes)}")
    if not report.ok:
        return print_report(report, "nothing was built; the previous site is unchanged", fmt)
    langs = langs or config.codes
    out = (out or root / "site").resolve()
    if not replaceable(out) or out == root.resolve() or root.resolve().is_relative_to(out):
        print(
            f"error: {out} exists and is not a site built by build.py (no {MARKER} file); nothing was changed. Remove it or choose another --out.",
            file=sys.stderr,
        )
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        results = build_all(config, project, langs, staging)
        write_root_files(config, project, langs, staging)
        (staging / MARKER).write_text("built by `python build.py build`; the next build replaces this folder\n", encoding="utf-8")
        if offline:
            make_browsable_offline(staging)
        swap_in(staging, out)
    except Exception as exc:  # noqa: BLE001 - reported as a line, never as a traceback
        shutil.rmtree(staging, ignore_errors=True)
        if os.environ.get("DEHUB_DEBUG"):
            raise
        print(describe_failure(root, exc), file=sys.stderr)
        print("error: the build failed; the previous site is unchanged (set DEHUB_DEBUG=1 for details)", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for result in results:
        for message in result.warnings:
            print(f"warning: [{result.lang}] {message}", file=sys.stderr)
        print(f"{result.lang}: {result.pages} pages in {result.seconds:.2f} s")
    total = sum(result.pages for result in results)
    print(f"built {total} pages in {len(results)} languages into {out} in {time.perf_counter() - started:.2f} s")
    return 0
