"""Linear validation, always (issue 25, class 4): every loop `check` runs over a prose file or a
msgstr is linear in its input. A prose file with 400 link definitions and 150 unclosed `![` made
`check` rescan the file once per definition (~95 s CPU); the shapes below aim at each loop
(reference definitions, brackets, ids, raw HTML attributes, glossary terms, placeholders),
at full file size, and assert the issue's budget: 2 s of CPU per file (time.process_time)."""

from __future__ import annotations

import time
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.load.files import MAX_PROSE_BYTES
from dehub.model import Prose
from dehub.render.limits import MAX_BRACKETS, MAX_LINKS
from dehub.validate.catalogs import check_markup, check_placeholders
from dehub.validate.glossary import Glossary, check_prose_terms, read_glossary
from dehub.validate.prose import check_prose_file
from tests.conftest import ROOT

BUDGET = 2.0  # CPU seconds per file
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SIZE = MAX_PROSE_BYTES - 1024  # the largest prose file `check` reads


@cache
def glossary() -> Glossary:
    return read_glossary(ROOT, load_config(ROOT), Report())


def validation_cost(body: str, lang: str = "de") -> float:
    """CPU seconds of every per-file prose rule `check` applies (links, images, ids, headings,
    raw HTML URLs, invisible characters, the Markdown limits, the glossary)."""
    prose = Prose(lang, f"content/{lang}/x.md", body, 1)
    start = time.process_time()
    report = Report()
    check_prose_file(prose, "", {"index", "hubs"}, 2, report)
    check_prose_terms(prose, glossary(), report)
    return time.process_time() - start


def fill(unit: str, budget: int = SIZE) -> str:
    return unit * max(1, budget // max(1, len(unit)))


# Each shape: (pieces repeated up to the file size); at most MAX_BRACKETS '[' and MAX_LINKS links,
# so the file passes the Markdown limits and reaches every later loop.
SHAPES = {
    "definitions-then-unclosed-images": lambda n: (
        "".join(f"[d{i}]: https://example.org/{i}\n" for i in range(min(n, MAX_BRACKETS - 150))) + "![" * 150 + fill("x", SIZE // 2)
    ),
    "unclosed-brackets-one-line": lambda n: ("[" + "a" * (SIZE // MAX_BRACKETS - 2)) * min(n, MAX_BRACKETS - 1),
    "unclosed-image-across-lines": lambda n: "![" + fill("word\n", SIZE // 2) + "![" * min(n, 300),
    "many-links": lambda n: fill("[a](b.md) ", 10 * min(n, MAX_LINKS - 1)) + fill("x"),
    "many-ids": lambda n: fill("x {#a-1}\n", SIZE) if n % 2 else "".join(f"x {{#a-{i}}}\n" for i in range(SIZE // 12)),
    "attribute-lists-unclosed": lambda n: fill("{: #a " + "b" * (n % 50)),
    "raw-tags-and-quotes": lambda n: fill('<img src="a.png" alt="' + "x" * (n % 40) + ' <a href="'),
    "raw-tags-unclosed": lambda n: fill("<a " + " x=" * (n % 30)),
    "code-spans": lambda n: fill("`" + "a" * (n % 20)),
    "glossary-terms": lambda n: fill("Logistik Logistics Internet of Things Gesundheit Digital Health "),
    "headings": lambda n: fill("#" * (1 + n % 6) + " h\n"),
    "reference-images": lambda n: "".join(f"![i{i}][d{i}] " for i in range(min(n, MAX_BRACKETS // 2 - 1))) + fill("x", SIZE // 2),
}


@FUZZ
@given(shape=st.sampled_from(sorted(SHAPES)), count=st.integers(1, 2000), lang=st.sampled_from(["de", "en", "zh", "ar"]))
def test_every_prose_loop_stays_within_the_budget(shape: str, count: int, lang: str) -> None:
    body = SHAPES[shape](count)[:SIZE]
    assert validation_cost(body, lang) < BUDGET, f"{shape} ({count}) is not linear"


def test_the_shape_of_the_95_second_file_costs_a_fraction_of_a_second() -> None:
    body = SHAPES["definitions-then-unclosed-images"](450)
    assert body.count("[") <= MAX_BRACKETS and len(body.encode()) <= MAX_PROSE_BYTES
    assert validation_cost(body, "en") < BUDGET


@FUZZ
@given(piece=st.sampled_from(["%(", "%(a)", "%", "%(a)s", "<", "<b", "&", "&#", ")", "s"]), count=st.integers(1, 40_000))
def test_placeholder_and_markup_rules_are_linear_in_the_msgstr(piece: str, count: int) -> None:
    msgstr = (piece * count)[: 256 * 1024]
    start = time.process_time()
    check_placeholders("%(count)s hubs", None, msgstr)
    check_markup("%(count)s hubs", msgstr)
    assert time.process_time() - start < BUDGET
