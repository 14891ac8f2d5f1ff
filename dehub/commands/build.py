"""`build`: validate once, build every language in parallel, write the root files, swap in."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ..config import load_config
from ..diagnostics import print_report
from ..engine.worker import build_all
from ..localize.localizer import localizers
from ..output import printable
from ..validate.project import validate_sources
from ..write.offline import make_browsable_offline
from ..write.root import write_root_files
from ..write.search import index_site
from ..write.swap import MARKER, mark, replaceable, swap_in


def input_of(output: str) -> str:
    """The input a built file comes from ('en/hubs/berlin/index.html' -> 'hubs/berlin/hub.yml')."""
    parts = output.split("/")
    if len(parts) >= 2 and parts[0] == "calendar":
        return f"hubs/{parts[1].removesuffix('.ics')}/hub.yml"
    for index, part in enumerate(parts[:-1]):
        if part in {"hubs", "news"} and index + 1 < len(parts) - 1:
            name = parts[index + 1]
            lang = parts[0] if index == 1 else "<lang>"
            return f"hubs/{name}/hub.yml" if part == "hubs" else f"content/{lang}/news/*-{name}.md"
    return f"content/{parts[0]}/{'/'.join(parts[1:-1]) or 'index'}.md" if len(parts) > 2 else output


def describe_failure(root: Path, exc: Exception, staging: Path | None = None) -> str:
    """One `path:line: error:` line for a failure in a template or the theme, or the input
    whose name an OS error (a name too long, a name the file system refuses) came from."""
    from jinja2 import TemplateSyntaxError

    if isinstance(exc, OSError) and exc.filename and staging is not None:
        written = Path(str(exc.filename))
        with contextlib.suppress(ValueError):
            output = written.resolve().relative_to(staging.resolve()).as_posix()
            reason = exc.strerror or type(exc).__name__
            return (
                f"{printable(input_of(output))}: error: cannot write {printable(output)[:200]} ({reason}); rename the input it comes from"
            )

    if isinstance(exc, TemplateSyntaxError):
        path = Path(exc.filename or exc.name or "template")
        with contextlib.suppress(ValueError):
            path = path.resolve().relative_to(root.resolve())
        return f"{path.as_posix()}:{exc.lineno}: error: {exc.message}"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"error: {type(exc).__name__}: {text[:300]}"


def build_site(
    root: Path, langs: list[str] | None = None, out: Path | None = None, fmt: str = "text", offline: bool = False, release: bool = False
) -> int:
    """`release`: the deploy's build, which applies `check --release`'s gate itself (no cache, no earlier verdict)."""
    started = time.perf_counter()
    config = load_config(root)
    report, project = validate_sources(root, config, release)
    unknown = [lang for lang in langs or [] if lang not in config.codes]
    if unknown:  # the command line normalises and checks --lang (cli.checked_languages)
        raise ValueError(f"not configured languages: {unknown}")
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
    localizers(config)  # compiles each catalog once, before the workers fork (they inherit the cache)
    try:
        results = build_all(config, project, langs, staging)
        write_root_files(config, project, {result.lang: set(result.keys) for result in results}, staging)
        index_site(staging, langs)  # after the engine, from the built pages only (write/search.py)
        mark(staging)
        if offline:
            make_browsable_offline(staging)
        swap_in(staging, out)
    except Exception as exc:  # noqa: BLE001 - reported as a line, never as a traceback
        shutil.rmtree(staging, ignore_errors=True)
        if os.environ.get("DEHUB_DEBUG"):
            raise
        print(describe_failure(root, exc, staging), file=sys.stderr)
        print("error: the build failed; the previous site is unchanged (set DEHUB_DEBUG=1 for details)", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"interrupted: nothing was changed; {out} is as it was", file=sys.stderr)
        return 130
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
