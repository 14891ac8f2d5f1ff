"""Which Jinja template features render the same under MkDocs + Material (Jinja2) and
Zensical (MiniJinja)? Each snippet is rendered in a one-page project with both engines.

Needs zensical, mkdocs and mkdocs-material in the running interpreter's environment:
    python tools/zensical_template_features.py
Results (zensical 0.0.73, mkdocs 1.6.1, mkdocs-material 9.8.2) are in docs/engines.md.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(tempfile.gettempdir()) / "zensical-template-features"
SNIPPETS = [
    ("autoescape of a URL", "{{ page.canonical_url }}"),
    ("| e on a URL", '{{ "https://x.org/a/" | e }}'),
    ("page.is_homepage", "{{ page.is_homepage }}"),
    ("page.meta list of dicts", "{{ page.meta.alternates | length }}/{{ page.meta.alternates[1].name }}"),
    ("page.meta nested access to missing key", "[{{ page.meta.missing }}]"),
    ("missing.deeper (undefined chain)", "[{{ page.meta.missing.deeper }}]"),
    ("default filter", '{{ page.meta.missing | default("dflt") }}'),
    ("is defined", "{{ page.meta.missing is defined }}"),
    ("None renders as", "[{{ config.site_author }}]"),
    ("config.extra dict item", '{{ config.extra.strings["home_page"] }}/{{ config.extra.strings.home_page }}'),
    ("config.theme.language / direction", "{{ config.theme.language }}/{{ config.theme.direction }}"),
    ("lang.t macro", '{{ lang.t("search") }}'),
    ("~ concatenation", '{{ "x" ~ 1 }}'),
    ("namespace()", "{% set ns = namespace(n=0) %}{% for x in [1,2] %}{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }}"),
    ("loop.index / loop.last", '{% for x in "ab" %}{{ loop.index }}{% if loop.last %}!{% endif %}{% endfor %}'),
    ("sort | join", '{{ [3,1,2] | sort | join(",") }}'),
    ("selectattr | map(attribute)", '{{ page.meta.alternates | selectattr("current") | map(attribute="lang") | join(",") }}'),
    ("rejectattr", '{{ page.meta.alternates | rejectattr("current") | map(attribute="lang") | join(",") }}'),
    ("dictsort", "{% for k, v in config.extra.strings | dictsort %}{{ k }};{% endfor %}"),
    (".items() method", "{% for k, v in config.extra.strings.items() %}{{ k }};{% endfor %}"),
    ("str.startswith()", '{{ "abc".startswith("a") }}'),
    ("str.upper()", '{{ "abc".upper() }}'),
    ("str.format()", '{{ "{}-{}".format("a", "b") }}'),
    ("% formatting", '{{ "%s-%s" % ("a", "b") }}'),
    ("format filter", '{{ "%s-%s" | format("a", "b") }}'),
    ("tojson", "{{ page.meta.hreflang | tojson }}"),
    ("macro", "{% macro m(a) %}[{{ a }}]{% endmacro %}{{ m(1) }}"),
    ("call block", "{% macro w() %}<{{ caller() }}>{% endmacro %}{% call w() %}in{% endcall %}"),
    ("with block", "{% with a = 1 %}{{ a }}{% endwith %}"),
    ("filter block", "{% filter upper %}x{% endfilter %}"),
    ("safe", '{{ "<b>b</b>" | safe }}'),
    ("striptags | truncate", '{{ "<p>abcdefghijklmnop</p>" | striptags | truncate(8) }}'),
    ("replace / title / lower / trim", '{{ " a b " | trim | replace(" ", "+") | title }}'),
    ("int / round / //", '{{ "7" | int // 2 }}/{{ 2.567 | round(1) }}'),
    ("range | list", "{{ range(3) | list }}"),
    ("url filter", '{{ "assets/x.css" | url }}'),
    ("inline if", '{{ "a" if page.meta.alternates else "b" }}'),
    ("include ignore missing", '{% include "partials/nope.html" ignore missing %}ok'),
    ("in operator on page.content", '{{ "<h1" in page.content }}'),
    ("indent", '{{ "a\\nb" | indent(2) }}'),
    ("batch", "{% for row in [1,2,3] | batch(2) %}{{ row | length }}{% endfor %}"),
    ("groupby", '{% for g in page.meta.alternates | groupby("current") %}{{ g.grouper }};{% endfor %}'),
    ("unique / first / last", "{{ [1,1,2] | unique | list | last }}{{ [5,6] | first }}"),
    ("urlencode", '{{ "a b&c" | urlencode }}'),
    ("gettext _()", '{{ _("x") }}'),
    ("date in front matter", "{{ page.meta.date }}"),
    ("loop.last on a list", "{% for x in [1, 2] %}{{ loop.index }}{% if loop.last %}!{% endif %}{% endfor %}"),
    ("loop.last on a string", "{% for x in 'ab' %}{% if loop.last %}!{% endif %}{% endfor %}|{{ 'ab' | length }}"),
    ("loop.length on meta list", "{% for a in page.meta.alternates %}{{ loop.length }}{% if not loop.last %},{% endif %}{% endfor %}"),
    ('autoescape of <&/"', "{{ '<a&b/c\"' }}"),
    ('| e of <&/"', "{{ '<a&b/c\"' | e }}"),
    ("| escape", "{{ 'a/b' | escape }}"),
    ("| items filter", "{% for k, v in config.extra.strings | items %}{{ k }};{% endfor %}"),
    ("| upper / lower filters", "{{ 'abc' | upper }}{{ 'ABC' | lower }}"),
    ("str startswith via test", "{{ 'abc' is startingwith('a') }}"),
    ("slicing", "{{ 'abcdef'[1:3] }}|{{ [1,2,3][-1] }}"),
    ("page.title", "{{ page.title }}"),
    ("page.url / page.abs_url", "{{ page.url }}|{{ page.abs_url }}"),
    ("page.file.src_uri", "{{ page.file.src_uri }}"),
    ("page.toc first", "{{ (page.toc | first).title }}"),
    ("config.site_url", "{{ config.site_url }}"),
    ("base_url", "{{ base_url }}"),
    ("nav length", "{{ nav | length }}"),
    ("page.meta | tojson keys", "{{ page.meta | dictsort | map('first') | join(',') }}"),
    ("attr filter", "{{ page.meta | attr('title') }}"),
    ("set block", "{% set x %}in{% endset %}{{ x }}"),
    ("wordcount", "{{ 'a b c' | wordcount }}"),
    ("length of string", "{{ 'héllo' | length }}"),
]
MD = """---
title: Probe
date: 2027-03-01
alternates: [{"lang": "en", "name": "English", "link": "https://example.org/en/", "current": true}, {"lang": "ar", "name": "العربية", "link": "https://example.org/ar/", "current": false}]
hreflang: [{"lang": "en", "href": "https://example.org/en/"}]
---

# Probe

Text.
"""
CFG = {
    "site_name": "p",
    "site_url": "https://example.org/en/",
    "theme": {"name": "material", "variant": "classic", "custom_dir": "overrides", "font": False, "language": "en"},
    "extra": {"strings": {"home_page": "Home page", "b": "B"}},
    "plugins": ["search"],
}


def run(engine, snippet):
    if ROOT.exists():
        shutil.rmtree(ROOT)
    (ROOT / "docs").mkdir(parents=True)
    (ROOT / "overrides").mkdir()
    (ROOT / "docs/index.md").write_text(MD)
    (ROOT / "mkdocs.yml").write_text(json.dumps(CFG))
    (ROOT / "overrides/main.html").write_text(
        '{% extends "base.html" %}{% block content %}<div id="probe">' + snippet + "</div>{% endblock %}"
    )
    cmd = (
        [sys.executable, "-m", "zensical", "build", "--clean", "-f", "mkdocs.yml"]
        if engine == "zensical"
        else [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml"]
    )
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    out = ROOT / "site/index.html"
    if p.returncode or not out.exists():
        err = (p.stderr.strip().splitlines() or ["?"])[-1]
        return "ERROR: " + err[:140]
    m = re.search(r'<div id="probe">(.*?)</div>', out.read_text(), re.S)
    return m.group(1).strip() if m else "?"


def main() -> None:
    rows = []
    for name, snip in SNIPPETS:
        z = run("zensical", snip)
        j = run("mkdocs", snip)
        rows.append((name, snip, z, j))
        print(f"{name}\n  Z: {z}\n  J: {j}", flush=True)
    out = Path(os.environ.get("OUT", str(ROOT.parent / "zensical-template-features.json")))
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
