"""The CPU budget (issue 16, class 5): whatever a Markdown file or a msgstr holds, what `check`
accepts renders within budget, and what would not is refused, never a traceback.

Fuzz examples are kept small and few (the suite stays fast); the per-example budget is scaled
down accordingly. The worst accepted inputs at full size are timed separately.
"""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dehub.load.files import MAX_PROSE_BYTES
from dehub.render.limits import MAX_BRACKETS, MAX_EMPHASIS_RUN, MAX_MARKDOWN_BLOCKS, MAX_NESTING, ProseTooLarge, check_limits
from dehub.render.sanitize import clean_html, render_markdown
from dehub.validate.catalogs import check_placeholders
from tests.conftest import ROOT

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
BUDGET = 2.0  # CPU seconds per input file, in check and per language in build
SMALL_BUDGET = 2.0  # CPU seconds per fuzz example (at most ~40 KB): the per-file budget, with room for a loaded machine
PIECES = [
    "[", "[a ", "![", "](", "]", "(", ")", "*", "_", "~", "**", "> ", "- ", "1. ", "    ", "\t", "\n", "\n\n",
    '<div markdown="1">', "</div>", "<div>", "`", "<", "&", "{: #x }", "{#a}", "|", "x", "[^1]", "\\", "<http://", "!!! note\n    ",
]  # fmt: skip


@cache
def mkdocs_engine() -> markdown.Markdown:
    """The Markdown of content pages as MkDocs renders them (mkdocs.yml's extensions)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, opts = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        options[name] = opts or {}
    return markdown.Markdown(extensions=names, extension_configs=options)


def cost(text: str) -> float:
    """CPU seconds to render `text` in the slowest engine (hub prose and news, content pages)."""
    times = []
    for render in (render_markdown, lambda t: render_markdown(t, extended=True), _mkdocs_render):
        start = time.process_time()
        render(text)
        times.append(time.process_time() - start)
    return max(times)


def _mkdocs_render(text: str) -> str:
    engine = mkdocs_engine()
    engine.reset()
    return clean_html(engine.convert(text), extended=True)


@st.composite
def hostile_markdown(draw) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.integers(1, 1500)), min_size=1, max_size=6))
    return "".join(piece * count for piece, count in parts)[:40_000]


@FUZZ
@given(hostile_markdown())
def test_accepted_markdown_renders_within_budget(text: str) -> None:
    start = time.process_time()
    try:
        check_limits(text)
    except ProseTooLarge:
        assert time.process_time() - start < SMALL_BUDGET
        return
    assert cost(text) < SMALL_BUDGET, f"{len(text)} characters took too long: {text[:80]!r}"


def _fill(head: str) -> str:
    filler = "Plain words of a paragraph, nothing more. " * 64 + "\n\n"
    text = head
    while len((text + filler).encode("utf-8")) < MAX_PROSE_BYTES - 1024:
        text += filler
    return text


WORST_ACCEPTED = {
    "brackets": "[a " * (MAX_BRACKETS - 1) + "\n\n",
    "bracket run": "[" * (MAX_BRACKETS - 1) + "\n\n",
    "images": "![" * (MAX_BRACKETS - 1) + "\n\n",
    "nesting": "\n".join("    " * (MAX_NESTING - 1) + "- item" for _ in range(400)) + "\n\n",
    "quotes": ("> " * MAX_NESTING + "x\n") * 300 + "\n",
    "markdown blocks": '<div markdown="1">\n\n' * MAX_MARKDOWN_BLOCKS + "x\n\n" + "</div>\n\n" * MAX_MARKDOWN_BLOCKS,
    "emphasis": ("*" * (MAX_EMPHASIS_RUN - 1) + "a" + "*" * (MAX_EMPHASIS_RUN - 1) + "\n") * 200 + "\n",
    "inline html": "<span>" * 3000 + "x" + "</span>" * 3000 + "\n\n",
}


@pytest.mark.parametrize("name", WORST_ACCEPTED)
def test_the_worst_accepted_file_at_full_size_renders_within_budget(name: str) -> None:
    text = _fill(WORST_ACCEPTED[name])
    check_limits(text)  # accepted
    assert cost(text) < BUDGET, name


REFUSED = {
    "bracket run": "[" * 8000,
    "brackets apart": "[a " * 4000,
    "nested lists on one line": "- " * 300 + "x",
    "nested ordered lists": "1. " * 300 + "x",
    "nested quotes": ">" * 300 + "x",
    "indentation": " " * 400 + "- x",
    "nested markdown blocks": '<div markdown="1">' * 1000 + "x" + "</div>" * 1000,
    "emphasis": "*" * 5000 + "a" + "*" * 5000,
    "links": "[a](https://example.org/) " * 501,
    "brackets": "[a] " * (MAX_BRACKETS + 1),
}


@pytest.mark.parametrize("name", REFUSED)
def test_what_would_stall_or_recurse_is_refused_quickly(name: str) -> None:
    start = time.process_time()
    with pytest.raises(ProseTooLarge):
        check_limits(REFUSED[name])
    assert time.process_time() - start < 0.2


MSGIDS = ["Logo of %(name)s", "%(cities)s cities, %(hubs)s hubs.", "Page %(num)s", "Subscribe to all events", "%(when)s (%(zone)s)"]
VALUES = {"name": "x", "cities": 3, "hubs": 12, "num": 2, "when": "today", "zone": "CET"}


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(MSGIDS), st.text(alphabet=list("%()*.-+ #0123456789sdifxrazn_emhubcitwo"), max_size=40))
def test_a_msgstr_the_lint_accepts_formats_quickly_and_without_error(msgid: str, msgstr: str) -> None:
    start = time.process_time()
    if check_placeholders(msgid, None, msgstr) is None:
        text = msgstr % {key: VALUES[key] for key in VALUES if f"%({key})" in msgid} if "%(" in msgid else msgstr % ()
        assert len(text) < 200
    assert time.process_time() - start < 0.1


@pytest.mark.parametrize(
    ("msgid", "msgstr", "expected"),
    [
        ("Logo of %(name)s", "Logo %(name)2000000000s", "has a width, precision, flag or '*'"),
        ("Logo of %(name)s", "Logo %(name)*s", "has a width, precision, flag or '*'"),
        ("Logo of %(name)s", "Logo %(name).999999999s", "has a width, precision, flag or '*'"),
        ("Logo of %(name)s", "Logo %(name)-9s", "has a width, precision, flag or '*'"),
        ("Logo of %(name)s", "Logo %(name)d", "has another type"),
        ("Logo of %(name)s", "Logo %(name)", "the conversion type is missing"),
        ("Page %s", "Seite %*d", "has a width, precision, flag or '*'"),
        ("Page %s", "Seite %d", "differ in type"),
        ("Width %5s", "Breite %s", "the msgid's placeholder"),
    ],
)
def test_the_placeholder_grammar(msgid: str, msgstr: str, expected: str) -> None:
    problem = check_placeholders(msgid, None, msgstr)
    assert problem is not None and expected in problem, problem


def test_a_printf_width_in_a_catalog_is_refused_by_the_real_check(tmp_path: Path) -> None:
    from tests.conftest import make_repo, run_build_py

    repo = make_repo(tmp_path)
    path = repo / "translations" / "de" / "LC_MESSAGES" / "messages.po"
    text = path.read_text(encoding="utf-8").replace('msgstr "Logo von %(name)s"', 'msgstr "Logo von %(name)2000000000s"')
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index('msgstr "Logo von %(name)2000000000s"') + 1
    for command in ("check", "build"):
        result = (
            run_build_py(command, "--out", str(tmp_path / "site"), root=repo) if command == "build" else run_build_py(command, root=repo)
        )
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"messages.po:{line}: error: msgstr: placeholder '%(name)2000000000s' has a width" in result.stderr, result.stderr
