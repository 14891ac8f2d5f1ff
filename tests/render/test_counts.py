"""Counts on the home page follow the data (issue 19, item 5): a plural msgid with the number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import make_repo, run_build_py

HERO = re.compile(r'<h1 id="dehub-hero-title">([^<]*)</h1>\s*<p>([^<]*)</p>')


@pytest.mark.parametrize(
    ("hubs", "lang", "title", "text"),
    [
        (("dortmund", "hamburg"), "en", "2 digital hubs. One network across Germany.", "research in 2 locations, each"),
        (("dortmund", "hamburg"), "de", "2 digitale Hubs. Ein Netzwerk in ganz Deutschland.", "Forschung an 2 Standorten"),
        (("dortmund",), "de", "1 digitaler Hub. Ein Netzwerk in ganz Deutschland.", "Forschung an 1 Standort mit"),
        # the Arabic dual says "two" itself: no digit before it (issue 26, item 5)
        (("dortmund", "hamburg"), "ar", "مركزان رقميان. شبكة واحدة في أنحاء ألمانيا.", "البحث في موقعين، لكلٍّ منهما"),
        (("dortmund",), "ar", "مركز رقمي واحد. شبكة واحدة في أنحاء ألمانيا.", "البحث في موقع واحد له"),
        (("dortmund", "hamburg"), "ja", "2拠点のデジタルハブ。ドイツ全土を結ぶ一つのネットワーク。", "2拠点で"),
    ],
)
def test_home_page_counts_the_hubs_it_has(tmp_path: Path, hubs: tuple[str, ...], lang: str, title: str, text: str):
    repo = make_repo(tmp_path, hubs=hubs)
    out = tmp_path / "site"
    result = run_build_py("build", "--lang", lang, "--out", str(out), root=repo)
    assert result.returncode == 0, result.stderr
    match = HERO.search((out / lang / "index.html").read_text(encoding="utf-8"))
    assert match is not None
    assert match.group(1) == title
    assert text in match.group(2)
    assert "welve" not in match.group(0) and "zwölf" not in match.group(0).lower()
