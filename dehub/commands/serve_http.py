"""The preview's HTTP side: bind the port (one line when it is taken), serve the preview's
folder with the error banner and the reload script, and a "building" page until a language
is there.

`bind` is also what `tools/audit/run.py` uses: every command that listens on a port says
"port 8000 is in use; try --port 8001" instead of a traceback.
"""

from __future__ import annotations

import errno
import html
import http.server
import socket
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Protocol

RELOAD_SCRIPT = """<script>(function(){var v=null;setInterval(function(){fetch("/__dehub_version").then(function(r){return r.text()}).then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},250)}())</script>"""
HOST = "127.0.0.1"


class PortError(Exception):
    """The port can't be listened on; the message is the one line to print."""


def free_port_after(port: int, tries: int = 50) -> int | None:
    """The first port above `port` that nobody listens on (what to suggest)."""
    for candidate in range(port + 1, min(port + 1 + tries, 65536)):
        with socket.socket() as sock:
            try:
                sock.bind((HOST, candidate))
            except OSError:
                continue
            return candidate
    return None


def port_problem(port: int, error: OSError | OverflowError) -> str:
    """The one line for a port that can't be listened on: 'port 8000 is in use; try --port 8001'."""
    if isinstance(error, OverflowError):
        return f"port {port} is not a port number; use 1 to 65535, e.g. --port 8000"
    other = free_port_after(max(port, 1023))
    hint = f"; try --port {other}" if other else ""
    if error.errno == errno.EADDRINUSE:
        return f"port {port} is in use{hint}"
    if error.errno == errno.EACCES:
        return f"port {port} needs administrator rights{hint}"
    return f"cannot listen on {HOST}:{port}: {error.strerror or error}{hint}"


def bind(port: int, handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> http.server.ThreadingHTTPServer:
    """A server listening on 127.0.0.1:`port`, or PortError with the one line to print."""
    try:
        return http.server.ThreadingHTTPServer((HOST, port), handler)
    except (OSError, OverflowError) as error:
        raise PortError(port_problem(port, error)) from None


class Shown(Protocol):
    """What the handler reads from the preview (dehub.commands.serve.Preview)."""

    out: Path
    version: int
    errors: list[str]
    lock: object

    def progress(self) -> str | None: ...


def banner(errors: list[str]) -> str:
    if not errors:
        return ""
    return (
        '<div role="alert" style="background:#fff4e5;color:#1a1a1a;border:3px solid #b34700;padding:1rem;margin:0;white-space:pre-wrap;font:14px/1.5 monospace">'
        + html.escape("\n".join(errors))
        + "</div>"
    )


def building_page(progress: str, errors: list[str]) -> bytes:
    """Shown for a page whose language isn't built yet; it reloads after each language."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Building the preview</title></head>'
        '<body style="font:16px/1.5 system-ui,sans-serif;margin:2rem"><main><h1>Building the preview</h1>'
        f"<p>{html.escape(progress)}</p><p>This page reloads when the next language is ready.</p></main>"
        f"{banner(errors)}{RELOAD_SCRIPT}</body></html>"
    ).encode()


class Handler(http.server.SimpleHTTPRequestHandler):
    preview: Shown

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        preview = self.preview
        if self.path == "/__dehub_version":
            return self.respond(200, "text/plain", str(preview.version).encode())
        path = Path(self.translate_path(self.path))
        with preview.lock:  # type: ignore[attr-defined]
            if path.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return super().do_GET()  # the redirect to the folder's URL with a slash
                path = path / "index.html"
            progress = preview.progress()
            if not path.is_file() and progress is not None:
                return self.respond(503, "text/html; charset=utf-8", building_page(progress, list(preview.errors)))
            status = 200 if path.is_file() else 404
            path = path if path.is_file() else preview.out / "404.html"
            data = path.read_bytes() if path.is_file() else b"not found"
            errors = list(preview.errors)
        if path.suffix == ".html":
            page = data.decode("utf-8")
            extra = banner(errors) + RELOAD_SCRIPT
            data = (page.replace("</body>", extra + "</body>", 1) if "</body>" in page else page + extra).encode("utf-8")
        self.respond(status, "text/html; charset=utf-8" if path.suffix == ".html" else self.guess_type(str(path)), data)

    def respond(self, status: int, content_type: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def preview_server(port: int, preview: Shown) -> http.server.ThreadingHTTPServer:
    """The preview's server, bound (PortError if it can't be); serve_forever() starts it."""
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    return bind(port, partial(handler, directory=str(preview.out)))
