"""`serve`: a live preview on 127.0.0.1 that rebuilds what an edit affects.

An edit to hubs/<slug>/<lang>.md rebuilds only the languages that show that text
(the language itself, plus the languages that fall back to it); facts, templates and
catalogs rebuild every language. Invalid data keeps the last good site and shows
the error lines on every page instead of a traceback.
"""

from __future__ import annotations

import html
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
RELOAD_SCRIPT = """<script>(function(){var v=null;setInterval(function(){fetch("/__dehub_version").then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},250)}())</script>"""


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
        for index, lang in enumerate(langs):
            staging = Path(tempfile.mkdtemp(prefix=f"{lang}-", dir=self.out.parent))
            self.pages[lang] = set(build_language(config, project, lang, staging / lang).keys)
            with self.lock:  # readers take the lock too, so they never see a half-swapped folder
                if (self.out / lang).exists():
                    (self.out / lang).rename(staging / "old")
                (staging / lang).rename(self.out / lang)
                self.errors = []
                self.version += 1  # open pages of this language reload now, not after every language
            shutil.rmtree(staging, ignore_errors=True)
            if interrupted() and index + 1 < len(langs):
                self.carried_over = set(langs[index + 1 :])
                langs = langs[: index + 1]
                break
        with self.lock:
            write_root_files(config, project, {lang: self.pages[lang] for lang in config.codes if lang in self.pages}, self.out)
            index_site(self.out, [lang for lang in config.codes if lang in self.pages])
        print(f"rebuilt {', '.join(langs)} in {time.perf_counter() - started:.2f} s")


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
    so Ctrl-C and SIGTERM interrupt them at once."""
    import http.server
    from functools import partial

    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/__dehub_version":
                body = str(preview.version).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
                return
            path = Path(self.translate_path(self.path))
            with preview.lock:
                if path.is_dir():
                    if not self.path.split("?")[0].endswith("/"):
                        return super().do_GET()  # the redirect to the folder's URL with a slash
                    path = path / "index.html"
                if not path.is_file():
                    path = preview.out / "404.html"
                    status = 404
                else:
                    status = 200
                data = path.read_bytes() if path.is_file() else b"not found"
                errors = list(preview.errors)
            if path.suffix == ".html":
                banner = ""
                if errors:
                    banner = (
                        '<div role="alert" style="background:#fff4e5;color:#1a1a1a;border:3px solid #b34700;padding:1rem;margin:0;white-space:pre-wrap;font:14px/1.5 monospace">'
                        + html.escape("\n".join(errors))
                        + "</div>"
                    )
                page = data.decode("utf-8")
                page = (
                    page.replace("</body>", banner + RELOAD_SCRIPT + "</body>", 1) if "</body>" in page else page + banner + RELOAD_SCRIPT
                )
                data = page.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8" if path.suffix == ".html" else self.guess_type(str(path)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

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
                if rel.split("/")[0] in WATCHED and not rel.endswith(("~", ".swp")):
                    pending.add(rel)
                    wake.set()

    observer = Observer()
    observer.daemon = True
    for name in WATCHED:
        target = root / name
        if target.exists():
            observer.schedule(Watcher(), str(target if target.is_dir() else root), recursive=target.is_dir())
    observer.start()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=str(preview.out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        try:
            preview.rebuild()
        except Exception as exc:  # noqa: BLE001 - the preview keeps running and says why
            print(f"error: the first build failed: {exc}", file=sys.stderr)
        print(f"serving the preview on http://127.0.0.1:{port}/ (Ctrl+C stops)")
        while True:
            if not wake.wait(timeout=0.5):  # a timeout, so signals are handled promptly
                continue
            time.sleep(0.02)  # let an editor finish writing
            wake.clear()
            changed = set(pending)
            pending.clear()
            try:
                preview.rebuild(changed, interrupted=wake.is_set)
            except Exception as exc:  # noqa: BLE001
                print(f"error: rebuild failed: {exc}", file=sys.stderr)
    finally:
        observer.stop()
        server.shutdown()
        server.server_close()
