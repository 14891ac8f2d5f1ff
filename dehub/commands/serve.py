"""`serve`: a live preview on 127.0.0.1 that rebuilds what an edit affects.

An edit to hubs/<slug>/<lang>.md rebuilds only the languages that show that text
(the language itself, plus the languages that fall back to it); facts, templates and
catalogs rebuild every language. Invalid data keeps the last good site and shows
the error lines on every page instead of a traceback.

An editor's atomic save (write a temporary file, rename it over the original) counts as
an edit of the original only: temporary, backup and lock files are no sources
(`source_changes`). The first build prints each language as it is ready, and until a
language is there its pages say what is being built (dehub/commands/serve_http.py).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ..config import Config, load_config
from ..localize.fallback import languages_showing

WRITE_EVENTS = {"created", "modified", "deleted", "moved", "closed"}
WATCHED = ("hubs", "content", "theme", "translations", "mkdocs.yml")
# What editors write next to a file while saving it: vim (.x.swp, 4913, x~), emacs (.#x, #x#),
# JetBrains (x___jb_tmp___), gedit (.goutputstream-*), atomic writers (x.tmp, .x.tmp123).
TEMPORARY_NAMES = ("~", "#", ".swp", ".swx", ".swo", ".tmp", ".bak", ".orig", "___jb_tmp___", "___jb_old___")
# The suffixes of files the build reads (sources, templates, assets, catalogs, logos).
SOURCE_SUFFIXES = {
    ".md",
    ".yml",
    ".yaml",
    ".po",
    ".pot",
    ".html",
    ".css",
    ".js",
    ".json",
    ".svg",
    ".png",
    ".webp",
    ".jpg",
    ".ico",
    ".woff2",
}


def source_changes(root: Path, changed: set[str]) -> set[str]:
    """The changed paths that are sources: no editor's temporary, backup or lock file, and no
    file that is gone again and has no source's suffix (`4913`, `en.md.12345`: renamed into place)."""
    kept = set()
    for path in changed:
        name = Path(path).name
        if name.startswith((".", "#")) or name.endswith(TEMPORARY_NAMES):
            continue
        if not (root / path).exists() and Path(name).suffix.lower() not in SOURCE_SUFFIXES:
            continue
        kept.add(path)
    return kept


class Preview:
    """The state a preview server shows: the output folder, a version and current errors."""

    def __init__(self, root: Path, session: Path) -> None:
        self.root = root
        self.out = session / "site"
        self.out.mkdir()
        self.version = 0
        self.errors: list[str] = []
        self.lock = threading.Lock()
        self.carried_over: set[str] = set()
        self.pages: dict[str, set[str]] = {}  # each built language's page keys, for the sitemap
        self.first: list[str] | None = []  # until the first build is done: the languages it builds

    def progress(self) -> str | None:
        """Until every language is there: what is ready ('de, en ready; building fr (3 of 7
        languages)'), or why nothing is (errors before the first build); else None."""
        if not self.pages and self.errors:
            return "the first build stopped at the errors below; fix them and save, and this page reloads"
        if self.first is None:
            return None
        if not self.first:
            return "checking the sources; the first language follows in a few seconds"
        done = [lang for lang in self.first if lang in self.pages]
        if len(done) == len(self.first):
            return None
        ready = f"{', '.join(done)} ready; " if done else ""
        return f"{ready}building {self.first[len(done)]} ({len(done) + 1} of {len(self.first)} languages)"

    def affected_languages(self, config: Config, changed: set[str]) -> list[str]:
        """The languages that show the changed files, the edited language first."""
        first: list[str] = []
        langs: set[str] = set()
        chains = {code: config.fallback_chain(code) for code in config.codes}
        for path in sorted(changed):
            parts = Path(path).parts
            if parts[:1] == ("translations",) and parts[-1] == "messages.pot":
                continue  # the template for translators; no page shows it
            if parts[:1] == ("translations",) and parts[2:] == ("LC_MESSAGES", "messages.po"):
                if parts[1] in config.codes:  # a catalog is only its own language's (missing -> the English msgid)
                    first.append(parts[1])
                    langs.add(parts[1])
                continue
            if not (parts[0] == "hubs" and len(parts) == 3 and parts[2].endswith(".md")):
                return config.codes
            lang, folder = parts[2][:-3], self.root / "hubs" / parts[1]
            first.append(lang)
            langs.add(lang)
            langs.update(
                languages_showing(
                    config.codes, chains, config.source_language, lang, lambda code, folder=folder: (folder / f"{code}.md").exists()
                )
            )
        ordered = [code for code in dict.fromkeys(first) if code in config.codes]
        return ordered + [code for code in config.codes if code in langs and code not in ordered]

    def rebuild(self, changed: set[str] | None = None, interrupted: Callable[[], bool] = lambda: False) -> None:
        """Rebuild what `changed` affects. A newer edit interrupts between languages; the
        languages not yet rebuilt are carried over, after the newly edited one."""
        from ..engine.worker import build_language
        from ..validate.project import validate_sources
        from ..write.root import write_root_files
        from ..write.search import index_site

        started = time.perf_counter()
        config = load_config(self.root)
        report, project = validate_sources(self.root, config)
        if not report.ok:
            with self.lock:
                self.errors = report.lines()
                self.version += 1
            print("\n".join(self.errors), file=sys.stderr)
            print(report.summary("the preview shows the last good build"), file=sys.stderr)
            return
        langs = config.codes if not changed or not (self.out / config.codes[0]).exists() else self.affected_languages(config, changed)
        langs += [lang for lang in config.codes if lang in self.carried_over and lang not in langs]
        self.carried_over = set()
        first = not self.pages
        if first:
            self.first = list(langs)
            print(f"building the preview: {len(langs)} languages ({', '.join(langs)}), each served as soon as it is ready", flush=True)
        for index, lang in enumerate(langs):
            staging = Path(tempfile.mkdtemp(prefix=f"{lang}-", dir=self.out.parent))
            keys = set(build_language(config, project, lang, staging / lang).keys)
            with self.lock:  # readers take the lock too, so they never see a half-swapped folder
                self.pages[lang] = keys
                if (self.out / lang).exists():
                    (self.out / lang).rename(staging / "old")
                (staging / lang).rename(self.out / lang)
                self.errors = []
                self.version += 1  # open pages of this language reload now, not after every language
            shutil.rmtree(staging, ignore_errors=True)
            if first:
                print(f"  {lang} ready ({index + 1} of {len(langs)}, {time.perf_counter() - started:.1f} s)", flush=True)
            if interrupted() and index + 1 < len(langs):
                self.carried_over = set(langs[index + 1 :])
                langs = langs[: index + 1]
                break
        with self.lock:
            write_root_files(config, project, {lang: self.pages[lang] for lang in config.codes if lang in self.pages}, self.out)
            index_site(self.out, [lang for lang in config.codes if lang in self.pages])
            self.first = None
        print(f"rebuilt {', '.join(langs)} in {time.perf_counter() - started:.2f} s", flush=True)


def serve(root: Path, port: int = 8000) -> int:
    """Serve until Ctrl-C or SIGTERM; every temporary folder lives in one session folder that
    is removed on every way out (also during the first build or a rebuild)."""
    import signal

    session = Path(tempfile.mkdtemp(prefix="dehub-serve-"))
    previous_tempdir = tempfile.tempdir
    tempfile.tempdir = str(session)  # the builds' own temporary folders land in the session too

    def stop(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous_sigterm = signal.signal(signal.SIGTERM, stop)
    try:
        return _serve(root, port, Preview(root, session))
    except KeyboardInterrupt:
        print("stopped; the preview's temporary files are removed", file=sys.stderr)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)
        tempfile.tempdir = previous_tempdir
        shutil.rmtree(session, ignore_errors=True)


def _serve(root: Path, port: int, preview: Preview) -> int:
    """The HTTP server and the file watcher run in threads; builds run here, in the main thread,
    so Ctrl-C and SIGTERM interrupt them at once. The port is taken first: a busy port is one
    line and exit status 1, before any build."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    from .serve_http import PortError, preview_server

    try:
        server = preview_server(port, preview)
    except PortError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    pending: set[str] = set()
    wake = threading.Event()

    class Watcher(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            # Only writes count: on Linux watchdog also reports every open and read-only close,
            # and the build's own reading would otherwise trigger the next rebuild.
            if event.event_type not in WRITE_EVENTS or (event.is_directory and event.event_type == "modified"):
                return
            for raw in {getattr(event, "src_path", ""), getattr(event, "dest_path", "")} - {""}:
                try:
                    rel = Path(raw).resolve().relative_to(root.resolve()).as_posix()
                except ValueError:
                    continue
                if rel.split("/")[0] in WATCHED:
                    pending.add(rel)
                    wake.set()

    observer = Observer()
    observer.daemon = True
    for name in WATCHED:
        target = root / name
        if target.exists():
            observer.schedule(Watcher(), str(target if target.is_dir() else root), recursive=target.is_dir())
    observer.start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        print(f"serving the preview on http://127.0.0.1:{port}/ (Ctrl+C stops)", flush=True)
        try:
            preview.rebuild()
        except Exception as exc:  # noqa: BLE001 - the preview keeps running and says why
            preview.first = None
            print(f"error: the first build failed: {exc}", file=sys.stderr)
        while True:
            if not wake.wait(timeout=0.5):  # a timeout, so signals are handled promptly
                continue
            time.sleep(0.05)  # let an editor finish writing (and renaming into place)
            wake.clear()
            changed = source_changes(root, set(pending))
            pending.clear()
            if not changed:
                continue  # only an editor's temporary files came and went
            try:
                preview.rebuild(changed, interrupted=wake.is_set)
            except Exception as exc:  # noqa: BLE001
                print(f"error: rebuild failed: {exc}", file=sys.stderr)
    finally:
        observer.stop()
        server.shutdown()
        server.server_close()
