"""A small threaded static server with gzip and a 404 page, like a static host."""

from __future__ import annotations

import gzip
import http.server
import threading
from functools import partial
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".geojson"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = self.not_found_page(path), 404
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in COMPRESSIBLE
        if gzip_ok:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if gzip_ok:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)

    def not_found_page(self, missing: Path) -> Path:
        """The nearest 404.html above the missing path, as GitHub Pages does for project sites."""
        root = Path(self.directory).resolve()
        folder = missing.parent
        while folder != root and root in folder.parents:
            if (folder / "404.html").is_file():
                return folder / "404.html"
            folder = folder.parent
        return root / "404.html"


class StaticServer:
    def __init__(self, directory: Path, port: int = 0) -> None:
        handler = partial(Handler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> StaticServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_until_parent_exits(directory: Path, port: int, parent: int) -> None:
    """Serve `directory` on `port` until the process `parent` (the test session) is gone."""
    import os
    import time

    with StaticServer(directory, port):
        while True:
            time.sleep(0.5)
            try:
                os.kill(parent, 0)
            except OSError:
                return


if __name__ == "__main__":  # python -m tests.server DIR PORT PARENT_PID: the shared site, for every xdist worker
    import sys

    serve_until_parent_exits(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
