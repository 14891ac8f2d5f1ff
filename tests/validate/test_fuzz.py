"""Property tests: hostile or random input gives data or positioned errors, never an exception."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.load.files import HubSource
from dehub.load.safe_yaml import decode_text, load_yaml, split_front_matter
from dehub.render.sanitize import ProseTooLarge, render_markdown
from dehub.validate.events import build_agency_events
from dehub.validate.hubs import build_hub, check_former_slugs
from tests.conftest import ROOT

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies --------------------------------------------------------------------------

YAML_CHARS = list(" \n\n\n\t-:[]{}#&*!|>'\"%@`,?~.0123456789abcdexyz<>=\r\x00\x07\x85\ufeff\u2028äé日")
TOKENS = [
    "- ",
    ": ",
    "\n",
    "\n  ",
    "\n    ",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object:os.system ",
    "!x ",
    "!!str ",
    "---\n",
    "...\n",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "# c",
    "'",
    '"',
    "|\n  ",
    ">-\n  ",
    "\t",
    "~",
    "null",
    "2027-02-30",
    "2027-03-01T18:00",
    "1e999",
    ".nan",
    "0x1F",
    "0o17",
    "1_000",
    "1:20:30",
    "yes",
    "name",
    "focus",
    "cities",
    "lat",
    "lon",
    "de",
    "en",
    "<script>",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
]
yaml_ish_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(YAML_CHARS), max_size=300),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map("".join),
)

HUB_KEYS = [
    "name",
    "cities",
    "focus",
    "website",
    "logo",
    "former_slugs",
    "events",
    "state",
    "lat",
    "lon",
    "title",
    "start",
    "end",
    "city",
    "url",
    "hubs",
    "de",
    "en",
    "xx",
    "<<",
]
keys = st.one_of(st.sampled_from(HUB_KEYS), st.text(max_size=12))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat(timespec="minutes")),
    st.sampled_from(
        [
            "https://example.org/",
            "http://example.org/",
            "javascript:alert(1)",
            "data:,x",
            "https://localhost/",
            "logistics",
            "iot",
            "Dortmund",
            "Berlin",
            "<b>x</b>",
            "2027-02-30",
            "2027-03-01",
            "2027-03-01T25:00",
            "de",
            "dortmund",
            "hamburg",
            "Bad Slug",
        ]
    ),
)
structures = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5), max_leaves=25)


def maybe(valid, alternative=structures):
    return st.one_of(valid, valid, alternative)


localized = st.one_of(
    st.text(min_size=1, max_size=30),
    st.dictionaries(st.sampled_from(["de", "en", "fr", "xx", "Deutsch"]), st.text(max_size=20), max_size=3),
)
city = st.fixed_dictionaries(
    {
        "name": maybe(st.sampled_from(["Dortmund", "Hamburg", "Essen"])),
        "state": maybe(st.sampled_from(["Nordrhein-Westfalen", "Hamburg", "NRW"])),
        "lat": maybe(st.one_of(st.floats(min_value=40, max_value=60), st.just(float("nan")))),
        "lon": maybe(st.floats(min_value=0, max_value=20)),
    },
    optional={"focus": maybe(st.lists(st.sampled_from(["logistics", "iot", "fintech", "logistic"]), max_size=3))},
)
when = st.one_of(
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat(timespec="minutes")),
    st.sampled_from(["2027-02-30", "2027-13-01", "2027-03-01 18:00"]),
)
event = st.fixed_dictionaries(
    {"title": maybe(localized), "start": maybe(when), "city": maybe(st.sampled_from(["Dortmund", "Hamburg", "Paris"]))},
    optional={"end": maybe(when), "url": scalars, "hubs": maybe(st.lists(st.sampled_from(["dortmund", "hamburg", "x"]), max_size=3))},
)
hub_like = st.fixed_dictionaries(
    {
        "name": maybe(localized),
        "cities": maybe(st.lists(city, max_size=4)),
        "focus": maybe(st.lists(st.sampled_from(["logistics", "iot", "fintech", "logistic"]), max_size=3)),
    },
    optional={
        "website": scalars,
        "logo": scalars,
        "former_slugs": maybe(st.lists(st.sampled_from(["hamburg", "ruhr", "Bad"]), max_size=2)),
        "events": maybe(st.lists(event, max_size=3)),
        "websit": scalars,
    },
)
# Mostly valid hubs, so the rules after the schema (dates, cities, languages, URLs) run too.
near_city = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["Dortmund", "Hamburg"]),
        "state": st.just("Hamburg"),
        "lat": st.one_of(st.floats(min_value=47.3, max_value=55), st.floats(min_value=47.3, max_value=55), st.just(float("nan"))),
        "lon": st.floats(min_value=6, max_value=15),
    },
    optional={"focus": st.lists(st.sampled_from(["logistics", "iot"]), min_size=1, max_size=2, unique=True)},
)
near_event = st.fixed_dictionaries(
    {
        "title": st.one_of(
            st.sampled_from(["Treffen", "<b>x</b>"]),
            st.dictionaries(st.sampled_from(["de", "en", "xx", "fr-CA"]), st.sampled_from(["A", "B"]), min_size=1),
        ),
        "start": when,
        "city": st.sampled_from(["Dortmund", "Hamburg", "Paris"]),
    },
    optional={"end": when, "url": st.sampled_from(["https://example.org/e", "https://localhost/", "https://x", "https://ex ample.org/"])},
)
near_valid_hub = st.fixed_dictionaries(
    {
        "name": localized,
        "cities": st.lists(near_city, min_size=1, max_size=3),
        "focus": st.lists(st.sampled_from(["logistics", "fintech"]), min_size=1, max_size=2, unique=True),
    },
    optional={
        "website": st.sampled_from(["https://example.org/", "https://localhost/", "https://[::1]/", "https://exa mple.org"]),
        "logo": st.sampled_from(["logo.svg", "missing.png"]),
        "former_slugs": st.lists(st.sampled_from(["dortmund", "ruhr", "hamburg"]), max_size=2, unique=True),
        "events": st.lists(near_event, max_size=3),
    },
)
hub_data = st.one_of(near_valid_hub, near_valid_hub, hub_like, structures)


def dump(data: object, allow_unicode: bool = True) -> str:
    return yaml.safe_dump(data, allow_unicode=allow_unicode, sort_keys=False)


# --- helpers -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hub_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hub folder inside a fixture repo, so prose and logo checks have a real place."""
    repo = tmp_path_factory.mktemp("fuzz") / "repo"
    (repo / "hubs").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    shutil.copytree(ROOT / "hubs" / "dortmund", repo / "hubs" / "dortmund")
    return repo / "hubs" / "dortmund"


def assert_positioned(report: Report) -> None:
    for diagnostic in report.diagnostics:
        assert diagnostic.line >= 1, diagnostic
        assert diagnostic.col >= 0, diagnostic
        assert diagnostic.message and "\n" not in diagnostic.message, diagnostic
        assert len(diagnostic.message) < 1000, diagnostic


def load_checked(text: str, path: str = "hubs/dortmund/hub.yml"):
    report = Report()
    doc = load_yaml(text, path, report)
    if doc is None:
        assert report.errors, "rejected without an error"
    else:
        assert report.ok
        assert all(line >= 1 and col >= 1 for line, col in doc.positions.values())
    assert_positioned(report)
    return doc, report


def validate(folder: Path, text: str) -> Report:
    config = load_config(folder.parent.parent)
    report = Report()
    doc = load_yaml(text, "hubs/dortmund/hub.yml", report)
    source = HubSource(slug="dortmund", folder=folder, rel="hubs/dortmund", document=doc)
    hub = build_hub(source, config, report)
    if hub is not None and doc is not None:
        check_former_slugs({"dortmund": doc}, report)
    event_doc = load_yaml(text, "content/events/fuzz.yml", report)
    if event_doc is not None:
        build_agency_events([event_doc], [hub] if hub else [], config, report)
    return report


# --- the YAML reader ---------------------------------------------------------------------


@FUZZ
@given(yaml_ish_text)
def test_random_text_gives_data_or_positioned_errors(text: str):
    load_checked(text)


@FUZZ
@given(structures)
def test_random_structures_round_trip(data: object):
    text = dump(data, allow_unicode=False)  # PyYAML's emitter mangles e.g. U+0085 in unescaped output
    doc, report = load_checked(text)
    if doc is not None and not _has_nan(data):
        assert doc.data == _as_loaded(data)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_decode_or_give_a_position(raw: bytes):
    report = Report()
    text = decode_text(raw, "hubs/x/hub.yml", report)
    if text is None:
        (error,) = report.errors
        assert error.line >= 1 and error.col >= 1
        assert error.line <= raw.count(b"\n") + 1
    else:
        assert "\r" not in text
        load_checked(text)


@FUZZ
@given(yaml_ish_text, st.text(max_size=80))
def test_random_front_matter(front: str, body: str):
    report = Report()
    result = split_front_matter(f"---\n{front}\n---\n{body}", "hubs/x/en.md", report)
    assert (result is None) == (not report.ok)
    assert_positioned(report)
    if result is not None:
        meta, body_line, _ = result
        assert isinstance(meta, dict) and body_line >= 3


# --- validation ----------------------------------------------------------------------------


@FUZZ
@given(hub_data)
def test_random_hub_data_validates_without_exceptions(hub_folder: Path, data: object):
    assert_positioned(validate(hub_folder, dump(data)))


@FUZZ
@given(yaml_ish_text)
def test_random_text_validates_without_exceptions(hub_folder: Path, text: str):
    assert_positioned(validate(hub_folder, text))


# --- Markdown sanitizing -----------------------------------------------------------------

ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "![a](javascript:alert(1))",
    "<a href='javascript:alert(1)'>a</a>",
    "<javascript:alert(1)>",
    "[r]: javascript:alert(1)\n\n[x][r]",
    '{: onclick="alert(1)" }',
    "{#id .c onmouseover=alert(1)}",
    '<div markdown="1">*x*</div>',
    "<iframe src=//x></iframe>",
    "<style>*{}</style>",
    "<!-- c -->",
    "<math><mi>x",
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    '<img src="x" style="x" onerror\n=alert(1)>',
    "`<script>`",
    "    <script>code</script>",
    "```\n<script>x</script>\n```",
    "<p title='</p><script>x</script>'>",
    "<scr<script>ipt>alert(1)</script>",
    "**",
    "_",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "\n",
    "\n\n",
    " ",
    "|a|b|\n|-|-|\n|c|d|",
    "<details open ontoggle=alert(1)>",
    "<form action=javascript:x><button>b</button></form>",
    "<base href=//x>",
    "[x](java&#9;script:alert(1))",
    "[x](jav&#x0A;ascript:alert(1))",
    "[x](&#1;javascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    '<a href="  javascript:alert(1)">x</a>',
    "[x](<javascript:alert(1)>)",
]
markdown_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(ATTACKS), st.text(max_size=10)), max_size=25).map("".join),
)
EVENT_ATTRIBUTE = re.compile(r"^on", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}


def browser_url(value: str) -> str:
    """What a browser's URL parser makes of an attribute value (WHATWG URL: basic preprocessing)."""
    return re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(0x21)))))


def assert_safe_html(html: str) -> None:
    assert "<script" not in html.lower()
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        assert tag.name not in {"script", "style", "iframe", "object", "embed", "form", "base", "svg", "math"}, html
        for name, value in tag.attrs.items():
            assert not EVENT_ATTRIBUTE.match(name), f"{name!r} in {html!r}"
            assert name != "style", html
            if name in URL_ATTRIBUTES:
                assert not browser_url(str(value)).lower().startswith(("javascript:", "data:", "vbscript:")), html
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", html, re.I), html
    # Inside a tag only: the text "=javascript:" in a paragraph is harmless.
    assert not re.search(r"<[^>]*=\s*[\"']?\s*javascript:", html, re.I), html


@FUZZ
@given(markdown_text, st.booleans())
def test_random_markdown_never_yields_script(text: str, extended: bool):
    try:
        html = render_markdown(text, extended=extended)
    except ProseTooLarge:
        return
    assert_safe_html(html)


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("extended", [False, True])
def test_each_known_attack_is_neutralised(attack: str, extended: bool):
    assert_safe_html(render_markdown(f"Text {attack} more\n\n{attack}\n", extended=extended))


# --- helpers for the round trip ----------------------------------------------------------


def _has_nan(data: object) -> bool:
    if isinstance(data, float):
        return data != data
    if isinstance(data, dict):
        return any(_has_nan(v) for v in data.values())
    if isinstance(data, list):
        return any(_has_nan(v) for v in data)
    return False


def _as_loaded(data: object) -> object:
    """What the safe reader gives back for dumped data: keys are text, timestamps stay text."""
    if isinstance(data, dict):
        return {_key(k): _as_loaded(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_as_loaded(v) for v in data]
    return data


def _key(key: object) -> str:
    return key if isinstance(key, str) else yaml.safe_dump(key).removesuffix("\n...\n").strip()
