"""`build.py serve`: live preview that rebuilds on edits and shows errors, not tracebacks."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_repo
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


@pytest.fixture
def preview(tmp_path: Path):
    repo = make_repo(tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(repo), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1798761600"},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Dortmund" in fetch(base + "en/hubs/dortmund/"), timeout=60)
        yield repo, base
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=10)
        assert "Traceback" not in err, err


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
