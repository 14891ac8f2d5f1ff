"""`check` refuses explicit ids that clobber the theme's or repeat, and `name=`, in every prose
channel, at file:line:col (issue 16, class 2); the build gives each page unique, allowed ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_repo, run_build_py
from tests.hostile import element_ids, injected

CHANNELS = {
    "hub prose": ("hubs/hamburg/en.md", None),
    "content page": ("content/en/payload.md", "---\ntitle: Payload\n---\n\n"),
    "news post": ("content/en/news/2027-01-05-payload.md", "---\ntitle: Payload\ndate: 2027-01-05\nsummary: A payload post.\n---\n\n"),
}
REFUSED = [
    ("## Heading {#__config}", 13, "id '__config' may only hold"),
    ("Text {: id=__search }", 9, "id '__search' may only hold"),
    ('Text {: id="__palette_0" }', 9, "id '__palette_0'"),
    ("## Map {: #dehub-main }", 11, "is one of the page's own ids"),
    ("Para {#hubs}", 7, "is one of the page's own ids"),
    ("**b**{: name=__drawer }", 9, "name='__drawer' is not allowed"),
    ("## Dup {#dup}\n\n## Again {#dup}", 11, "is already set on line"),
]
RAW = [
    ('<div markdown="1" id="__toc">\n\n## X\n\n</div>', 19, "id '__toc'"),
    ('<a name="__config" href="https://example.org/">x</a>', 4, "name='__config'"),
    ("<span id='__tabs'>x</span>", 7, "id '__tabs'"),
]


def _write(repo: Path, channel: str, text: str) -> tuple[str, int]:
    rel, head = CHANNELS[channel]
    target = repo / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    before = target.read_text(encoding="utf-8").rstrip("\n") + "\n\n" if head is None else head
    target.write_text(before + text + "\n", encoding="utf-8")
    return rel, before.count("\n") + 1


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize(("text", "column", "expected"), REFUSED)
def test_check_refuses_clobbering_ids_in_every_prose_channel(tmp_path: Path, channel: str, text: str, column: int, expected: str) -> None:
    repo = make_repo(tmp_path)
    rel, line = _write(repo, channel, text)
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    line += text.count("\n") if "already set" in expected else 0
    assert f"{rel}:{line}:{column}: error: " in result.stderr and expected in result.stderr, result.stderr


@pytest.mark.parametrize(("text", "column", "expected"), RAW)
def test_check_refuses_raw_html_ids_in_content_pages(tmp_path: Path, text: str, column: int, expected: str) -> None:
    repo = make_repo(tmp_path)
    rel, line = _write(repo, "content page", text)
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert f"{rel}:{line}:{column}: error: " in result.stderr and expected in result.stderr, result.stderr


HEADINGS = """## __config

## __search

## __config

## Hubs

## <b onclick=alert(1)>bold</b> &lt;img src=x onerror=alert(1)&gt;

## Heading {data-toc-label="<img src=x onerror=alert(2)>"}

## Quote " onmouseover=alert(3) x="

<div markdown="1" id="inner">

### __drawer

</div>
"""


def test_generated_ids_in_the_real_build_are_unique_and_never_the_themes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _write(repo, "content page", HEADINGS)
    _write(repo, "news post", HEADINGS.replace("<div", "<x").split("<x")[0].replace("<b onclick=alert(1)>bold</b>", "Image"))
    _write(repo, "hub prose", "## __config\n\n## __toc\n\n## Hamburg")
    assert run_build_py("check", root=repo).returncode == 0
    out = tmp_path / "site"
    result = run_build_py("build", "--lang", "en", "--out", str(out), root=repo)
    assert result.returncode == 0, result.stderr
    for path in ("en/payload/index.html", "en/news/payload/index.html", "en/hubs/hamburg/index.html"):
        html = (out / path).read_text(encoding="utf-8")
        ids = element_ids(html)
        assert len(ids) == len(set(ids)), (path, sorted(i for i in ids if ids.count(i) > 1))
        article = html[html.index("<article") : html.index("</article>")]
        assert not [i for i in element_ids(article) if i.startswith("_")], path
        assert injected(html) == [], path
        assert ids.count("__config") == 1 and 'href="#__' not in article, path
