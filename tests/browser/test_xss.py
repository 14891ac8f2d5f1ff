"""Untrusted input can't run script: a corpus of payloads in each input channel, built through
the real build and loaded in Chromium with a dialog handler."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_repo, run_build_py
from tests.server import StaticServer

pytestmark = pytest.mark.browser

# Raw HTML and Markdown that Python-Markdown passes through; each tries to call alert().
HTML_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=data:text/javascript,alert(1)></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<img src=x oNeRrOr=alert(1)>",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text y="20">svg link</text></a></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="&#106;avascript:alert(1)">entity</a>',
    '<a href="java&#x09;script:alert(1)">tab entity</a>',
    '<a href="  javascript:alert(1)">leading space</a>',
    '<a href="vbscript:msgbox(1)">vbscript</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<div style="background:url(javascript:alert(1))">style</div>',
    "<details open ontoggle=alert(1)>details</details>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="#" onclick="alert(1)">click</a>',
]
# Markdown that `check` lets through: the sanitiser must make it harmless.
MARKDOWN_PAYLOADS = [  # reference-style javascript:/data: links are refused by check (tests/validate/test_links.py)
    '[attr list](https://www.gtai.de/){: onclick="alert(1)" }',
    "**bold**{: onmouseover=alert(1) }",
]
# Markdown links that `check` refuses outright, with the line and a reason.
REFUSED_LINKS = [
    ("[md link](javascript:alert(1))", "only https:// and mailto: links are allowed"),
    ("[md vbscript](VBScript:msgbox(1))", "only https:// and mailto: links are allowed"),
    ("[md data](data:text/html,x)", "only https:// and mailto: links are allowed"),
    ("[md entity](javascript&#58;alert(1))", "no '//', backslashes or character references"),
    ("[md http](http://example.org/)", "only https:// and mailto: links are allowed"),
    ("![md image](javascript:alert(1))", "only https:// and mailto: links are allowed"),
]
FRONT_MATTER = '---\ntitle: "Payload page x\\" onmouseover=\\"alert(1)"\ndescription: "x\\" autofocus onfocus=\\"alert(1)"\n---\n'
DANGEROUS_URL = ("javascript:", "data:", "vbscript:")

DOM_PROBE = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    const inContent = !!el.closest('article');
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(el.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) &&
          ['javascript:', 'data:', 'vbscript:'].some((s) => value.startsWith(s))) bad.push(el.tagName + ' ' + name + '=' + value);
    }
    const inert = el.tagName === 'SCRIPT' && el.type === 'application/ld+json';
    if (inContent && !inert && ['IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BASE', 'STYLE', 'SCRIPT'].includes(el.tagName)) bad.push(el.tagName);
    if (el.tagName === 'META' && (el.getAttribute('http-equiv') || '').toLowerCase() === 'refresh') bad.push('meta refresh');
  }
  for (const script of document.scripts) {
    const src = script.getAttribute('src');
    if (src && !/assets\\/javascripts\\//.test(src)) bad.push('script ' + src);
  }
  return bad;
}"""


def raw_url_problems(payload: str) -> list[str]:
    """What `check` says about a payload's raw HTML URLs (issue 25: foreign or scripted URLs)."""
    from dehub.diagnostics import Report
    from dehub.model import Prose
    from dehub.validate.prose import check_raw_urls

    report = Report()
    for number, line in enumerate(payload.split("\n"), 1):
        check_raw_urls(Prose("en", "content/en/payloads.md", payload, 1), number, line, report)
    return [d.message for d in report.diagnostics]


def accepted_html_payloads() -> list[str]:
    """The raw HTML payloads `check` accepts; the others never reach a page (and the build)."""
    return [payload for payload in HTML_PAYLOADS if not raw_url_problems(payload)]


def test_payloads_with_scripted_urls_are_refused_by_check_before_the_sanitiser_sees_them() -> None:
    refused = [payload for payload in HTML_PAYLOADS if raw_url_problems(payload)]
    assert len(refused) >= 10 and any("javascript:" in p.lower() for p in refused)
    assert accepted_html_payloads(), "the rest still goes through the build and the sanitiser"


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("xss")
    repo = make_repo(tmp, with_content=True)
    body = "\n\n".join(MARKDOWN_PAYLOADS + accepted_html_payloads())  # the unclosed <math> payload swallows what follows
    (repo / "content" / "en" / "payloads.md").write_text(FRONT_MATTER + "## Payloads\n\n" + body + "\n", encoding="utf-8")
    prose = repo / "hubs" / "dortmund" / "en.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\n" + "\n\n".join(MARKDOWN_PAYLOADS) + "\n", encoding="utf-8")
    out = tmp / "site"
    result = run_build_py("build", "--lang", "en", "--out", str(out), root=repo)
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("path", ["en/payloads/", "en/hubs/dortmund/"])
def test_no_payload_runs_or_reaches_the_dom(browser, payload_site: Path, path: str) -> None:
    with StaticServer(payload_site) as server:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(server.url + path)
        for element in page.query_selector_all("article a, article details, article button")[:60]:
            element.hover()
        page.wait_for_timeout(300)
        assert dialogs == [], f"script from input ran on {path}: {dialogs}"
        assert page.evaluate(DOM_PROBE) == []
        assert "Payload page" in page.title() or path.startswith("en/hubs/")
        page.close()


def test_payload_text_survives_as_text(payload_site: Path) -> None:
    html = (payload_site / "en" / "payloads" / "index.html").read_text(encoding="utf-8")
    assert "attr list" in html and "Payloads" in html, "the harmless parts of the prose are kept"
    assert 'content="x&#34; autofocus onfocus=&#34;alert(1)"' in html or 'content="x&quot; autofocus' in html


@pytest.mark.parametrize(("payload", "reason"), REFUSED_LINKS)
def test_dangerous_links_in_prose_are_refused_by_check(tmp_path: Path, payload: str, reason: str) -> None:
    repo = make_repo(tmp_path)
    prose = repo / "hubs" / "hamburg" / "en.md"
    lines = prose.read_text(encoding="utf-8").splitlines()
    prose.write_text("\n".join([*lines, "", f"See {payload} here."]) + "\n", encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert f"hubs/hamburg/en.md:{len(lines) + 2}:5: error: link to " in result.stderr and reason in result.stderr


@pytest.mark.parametrize(
    ("where", "text", "expected"),
    [
        ("hubs/dortmund/en.md", "\n<img src=x onerror=alert(1)>\n", "raw HTML is not allowed in hub prose"),
        (
            "hubs/dortmund/hub.yml",
            "events:\n  - title: '<script>alert(1)</script>'\n    start: 2027-05-01\n    city: Dortmund\n",
            "must be plain text on one line, without '<', '>' or control characters",
        ),
        ("content/en/founders.md", None, "'title' must be plain text on one line, without '<', '>' or control characters"),
    ],
)
def test_markup_in_fields_that_must_be_text_is_refused_by_check(tmp_path: Path, where: str, text: str | None, expected: str) -> None:
    repo = make_repo(tmp_path, with_content=True)
    target = repo / where
    if text is None:
        original = target.read_text(encoding="utf-8")
        target.write_text(original.replace("title:", "title: <script>alert(1)</script>", 1), encoding="utf-8")
    else:
        target.write_text(target.read_text(encoding="utf-8") + text, encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert any(line.startswith(where) and expected in line for line in result.stderr.splitlines()), result.stderr
