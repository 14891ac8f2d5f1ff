"""dehub/localize/catalogs.py: each catalog compiled once per version of its file."""

from __future__ import annotations

import os
from pathlib import Path

from dehub.localize import catalogs
from tests.conftest import make_repo


def test_a_catalog_is_compiled_once_and_again_after_an_edit(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    catalogs._compiled.cache_clear()
    first = catalogs.load_translations(repo, "fr")
    assert catalogs.load_translations(repo, "fr") is first
    assert catalogs._compiled.cache_info().misses == 1
    path = catalogs.catalog_path(repo, "fr")
    path.write_bytes(path.read_bytes() + b"\n")
    os.utime(path, ns=(1, 1))
    assert catalogs.load_translations(repo, "fr") is not first


def test_english_needs_no_catalog(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    assert catalogs.load_translations(repo, "en").gettext("Show all hubs") == "Show all hubs"
