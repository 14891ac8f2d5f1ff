"""Catalog text is untrusted text in every template (issue 16, class 1): a msgstr can't end an
attribute or add an element, in our templates (autoescaped) and in the theme's (MkDocs, not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment

from dehub.localize.template_gettext import install
from tests.conftest import make_repo, run_build_py
from tests.hostile import built_pages, hostile_text, injected, rewrite_catalog

PAYLOADS = [
    '" onmouseover=alert(1) x="',
    "' onfocus=alert(1) autofocus x='",
    "<img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "&quot; onclick=alert(1) &#34;",
]


class Hostile:
    def __init__(self, text: str) -> None:
        self.text = text

    def gettext(self, message: str) -> str:
        return self.text + " %(name)s" if "%(name)s" in message else self.text

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.text

    def pgettext(self, context: str, message: str) -> str:
        return self.text

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return self.text


TEMPLATE = '<a title="{{ _("Hi") }}" aria-label=\'{{ _("Hi %(name)s", name=who) }}\'>{{ _("Hi") }}</a>{% trans %}Hi{% endtrans %}'


@pytest.mark.parametrize("autoescape", [True, False], ids=["ours", "mkdocs"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_msgstr_is_text_in_attributes_and_text(payload: str, autoescape: bool) -> None:
    env = Environment(autoescape=autoescape, extensions=["jinja2.ext.i18n"])  # noqa: S701 - MkDocs does not autoescape
    install(env, Hostile(payload))
    html = env.from_string(TEMPLATE).render(who='"><b onclick=alert(1)>')
    assert injected(html) == []
    assert "<img" not in html and "<script" not in html and "<b " not in html
    assert html.count("<a ") == 1 and html.count(' title="') == 1


def test_every_msgstr_hostile_through_the_real_check_and_build(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, with_content=True)
    rewrite_catalog(repo, "de", hostile_text)
    checked = run_build_py("check", root=repo)
    assert checked.returncode == 0, checked.stderr  # plain text: check has no reason to refuse it
    out = tmp_path / "site"
    built = run_build_py("build", "--lang", "de", "--out", str(out), root=repo)
    assert built.returncode == 0, built.stderr
    pages = built_pages(out / "de")
    assert len(pages) > 20
    assert "onmouseover=alert(1)" in (out / "de" / "index.html").read_text(encoding="utf-8").replace("&#34;", '"')
    for page in pages:
        assert injected(page.read_text(encoding="utf-8")) == [], page


@pytest.mark.parametrize("payload", ["<img src=x onerror=alert(1)>", "&lt;b&gt;", "<a href=//evil>x</a>"])
def test_markup_in_a_msgstr_is_refused_by_check_with_its_line(tmp_path: Path, payload: str) -> None:
    repo = make_repo(tmp_path)
    path = repo / "translations" / "de" / "LC_MESSAGES" / "messages.po"
    text = path.read_text(encoding="utf-8").replace('msgstr "Rechtliche Hinweise"', f'msgstr "Rechtliche {payload}"')
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index(f'msgstr "Rechtliche {payload}"') + 1
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert f"translations/de/LC_MESSAGES/messages.po:{line}: error: msgstr: HTML" in result.stderr, result.stderr
