"""`build.py serve`: live preview that rebuilds on edits and shows errors, not tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_repo, run_build_py
from tests.server import free_port

pytestmark = pytest.mark.slow  # builds sites


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float = 30.0) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if predicate():
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("condition not reached in time")


class Output:
    """What a running `serve` printed so far (stdout and stderr, read by threads)."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.threads = [
            threading.Thread(target=lambda: self.stdout.extend(process.stdout), daemon=True),
            threading.Thread(target=lambda: self.stderr.extend(process.stderr), daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    def rebuilds(self) -> list[str]:
        return [line.strip() for line in self.stdout if line.startswith("rebuilt ")]


@pytest.fixture
def preview_output(tmp_path: Path):
    repo = make_repo(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(repo), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1798761600", "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}/"
    output = Output(process)
    try:
        wait_for(lambda: len(output.rebuilds()) == 1, timeout=120)
        yield repo, base, output
    finally:
        process.terminate()
        process.wait(timeout=10)
        for thread in output.threads:
            thread.join(timeout=10)
        assert "Traceback" not in "".join(output.stderr), "".join(output.stderr)


@pytest.fixture
def preview(preview_output):
    repo, base, _output = preview_output
    return repo, base


def test_an_edit_to_hub_prose_shows_up_in_the_preview(preview) -> None:
    repo, base = preview
    version = fetch(base + "__dehub_version")
    prose = repo / "hubs" / "dortmund" / "en.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nA sentence added in the preview test.\n", encoding="utf-8")
    wait_for(lambda: "added in the preview test" in fetch(base + "en/hubs/dortmund/"), timeout=180)  # after the first build
    wait_for(lambda: fetch(base + "__dehub_version") != version, timeout=5)
    assert "__dehub_version" in fetch(base + "en/hubs/dortmund/"), "pages reload themselves after a rebuild"


def test_invalid_data_shows_the_error_lines_in_the_page(preview) -> None:
    repo, base = preview
    hub = repo / "hubs" / "hamburg" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace("focus: [logistics]", "focus: [logistik]"), encoding="utf-8")
    wait_for(lambda: 'role="alert"' in fetch(base + "en/"), timeout=180)
    page = fetch(base + "en/")
    assert "hubs/hamburg/hub.yml:" in page and "did you mean" in page
    hub.write_text(hub.read_text(encoding="utf-8").replace("focus: [logistik]", "focus: [logistics]"), encoding="utf-8")
    wait_for(lambda: 'role="alert"' not in fetch(base + "en/"), timeout=180)


def test_only_affected_languages_are_rebuilt(tmp_path: Path) -> None:
    from dehub.commands.serve import Preview
    from dehub.config import load_config

    repo = make_repo(tmp_path, hubs=("berlin",))
    for lang in ("fr", "es", "zh", "ja", "ar"):
        (repo / "hubs" / "berlin" / f"{lang}.md").unlink(missing_ok=True)
    config = load_config(repo)
    preview = Preview(repo, tmp_path)
    # English prose shows in English and in every language that falls back to it, English first.
    assert preview.affected_languages(config, {"hubs/berlin/en.md"}) == ["en", "fr", "es", "zh", "ja", "ar"]
    # German prose is the source: every language (translations may now be outdated), German first.
    assert preview.affected_languages(config, {"hubs/berlin/de.md"}) == ["de", "en", "fr", "es", "zh", "ja", "ar"]
    # A new French text shows only in French.
    assert preview.affected_languages(config, {"hubs/berlin/fr.md"}) == ["fr"]
    assert preview.affected_languages(config, {"hubs/berlin/hub.yml"}) == config.codes
    preview.out.rmdir()


def test_a_newer_edit_interrupts_a_rebuild_and_the_rest_is_carried_over(tmp_path: Path) -> None:
    from dehub.commands.serve import Preview

    repo = make_repo(tmp_path)
    for lang in ("fr", "es", "zh", "ja", "ar"):  # those languages show the English text
        (repo / "hubs" / "dortmund" / f"{lang}.md").unlink()
    preview = Preview(repo, tmp_path)
    preview.rebuild()
    before = preview.version
    preview.rebuild({"hubs/dortmund/en.md"}, interrupted=lambda: True)
    assert preview.version == before + 1, "only English was rebuilt before the newer edit took over"
    assert preview.carried_over == {"fr", "es", "zh", "ja", "ar"}
    preview.rebuild({"hubs/hamburg/fr.md"})
    assert preview.version == before + 1 + 5, "French first, then the four languages carried over"
    assert preview.carried_over == set()


# --- the first build says what it does ---------------------------------------------------


def test_the_first_build_prints_each_language_as_it_is_ready(preview_output) -> None:
    _repo, _base, output = preview_output
    printed = [line.rstrip("\n") for line in output.stdout]
    assert printed[0].startswith("serving the preview on http://127.0.0.1:"), "the address comes first, not after the build"
    assert printed[1] == "building the preview: 7 languages (de, en, fr, es, zh, ja, ar), each served as soon as it is ready"
    for number, lang in enumerate(["de", "en", "fr", "es", "zh", "ja", "ar"], start=1):
        assert printed[1 + number].startswith(f"  {lang} ready ({number} of 7, "), printed
    assert printed[9].startswith("rebuilt de, en, fr, es, zh, ja, ar in ")


def test_a_page_not_built_yet_says_what_is_being_built(tmp_path: Path) -> None:
    """During the first build a page of a language still to come is a "building" page that
    reloads itself, not "not found"."""
    from dehub.commands.serve import Preview
    from dehub.commands.serve_http import preview_server

    preview = Preview(make_repo(tmp_path), tmp_path)
    (preview.out / "de").mkdir()
    (preview.out / "de" / "index.html").write_text("<html><body>Startseite</body></html>", encoding="utf-8")
    preview.first, preview.pages = ["de", "en"], {"de": {"home"}}
    server = preview_server(0, preview)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        assert "Startseite" in fetch(base + "de/"), "a language that is ready is served"
        with pytest.raises(urllib.error.HTTPError) as waiting:
            fetch(base + "en/hubs/dortmund/")
        page = waiting.value.read().decode("utf-8")
        assert waiting.value.code == 503
        assert "de ready; building en (2 of 2 languages)" in page and "__dehub_version" in page
        preview.first = None  # the first build is done: a missing page is not found again
        with pytest.raises(urllib.error.HTTPError) as missing:
            fetch(base + "en/no-such-page/")
        assert missing.value.code == 404
    finally:
        server.shutdown()
        server.server_close()


def test_before_the_first_build_the_progress_says_so(tmp_path: Path) -> None:
    from dehub.commands.serve import Preview

    preview = Preview(make_repo(tmp_path), tmp_path)
    assert preview.progress() == "checking the sources; the first language follows in a few seconds"
    preview.errors = ["hubs/dortmund/hub.yml:3:1: error: ..."]
    assert "the first build stopped at the errors below" in preview.progress()


# --- an editor's atomic save is an in-place save -------------------------------------------


def test_editor_temporary_files_are_no_sources(tmp_path: Path) -> None:
    from dehub.commands.serve import source_changes

    repo = make_repo(tmp_path)
    events = {
        "hubs/dortmund/fr.md",  # renamed into place: the edit itself
        "hubs/dortmund/.fr.md.tmp1234",  # the temporary file it was written to
        "hubs/dortmund/fr.md.12345",  # an atomic writer's name, gone again
        "hubs/dortmund/4913",  # vim's probe that it may write the folder
        "hubs/dortmund/fr.md~",  # vim's backup
        "hubs/dortmund/.fr.md.swp",
        "hubs/dortmund/.#fr.md",  # emacs's lock
        "hubs/dortmund/fr.md___jb_tmp___",  # JetBrains
        "hubs/dortmund/.goutputstream-ABC123",  # gedit
        "hubs/dortmund/logo.svg",  # deleted: still a change the build must see
    }
    assert source_changes(repo, events) == {"hubs/dortmund/fr.md", "hubs/dortmund/logo.svg"}


def test_an_atomic_save_rebuilds_only_its_language(preview_output) -> None:
    repo, base, output = preview_output
    prose = repo / "hubs" / "dortmund" / "fr.md"
    temporary = prose.with_name(".fr.md.tmp1234")  # write a temporary file, rename it into place
    temporary.write_text(prose.read_text(encoding="utf-8") + "\nUne phrase enregistrée d'un coup.\n", encoding="utf-8")
    os.replace(temporary, prose)
    wait_for(
        lambda: (
            "enregistrée d&#39;un coup" in fetch(base + "fr/hubs/dortmund/") or "enregistrée d'un coup" in fetch(base + "fr/hubs/dortmund/")
        ),
        timeout=120,
    )
    wait_for(lambda: len(output.rebuilds()) == 2, timeout=30)
    assert output.rebuilds()[1].startswith("rebuilt fr in "), output.rebuilds()


# --- a busy port -----------------------------------------------------------------------------


def test_a_busy_port_is_one_line_and_exit_status_1(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_build_py("serve", "--port", str(port), root=make_repo(tmp_path))
    assert result.returncode == 1
    assert result.stdout == "", "no build before the port is ours"
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: port {port} is in use; try --port "), result.stderr
    suggested = int(lines[0].rsplit(" ", 1)[1])
    assert suggested > port


@pytest.mark.parametrize("port", ["70000", "0", "http"])
def test_a_port_that_is_no_port_is_a_usage_error(tmp_path: Path, port: str) -> None:
    result = run_build_py("serve", "--port", port, root=make_repo(tmp_path))
    assert result.returncode == 2
    assert "argument --port:" in result.stderr and "use 1 to 65535" in result.stderr
    assert "Traceback" not in result.stderr
