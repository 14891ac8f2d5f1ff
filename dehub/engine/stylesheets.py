"""Only the CSS a language's pages use: Material's stylesheet (and ours) without the rules for
classes no page and no script of the site has.

Material ships styles for every feature and Markdown extension it supports; a page loads
all of them. After a language is built, every class its pages carry and every word its
scripts contain (Material's and ours build some markup in the browser: search results, the
filters) is collected, and a rule is kept when each class its selector requires is among
them, and each dir=/data-md-*= value it requires ([dir=rtl], a palette colour) is on a page
or in a script; custom properties nothing reads with var() go too. What cannot be judged is
kept: classes inside :not()/:is()/:has() and every other parenthesis, other attribute
selectors, ids, elements, and every at-rule but @media/@supports (judged rule by rule). The purged file gets a name with its own digest, so a
browser never keeps a stale copy, and every page of the language is pointed at it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

PURGED = ("main.", "palette.", "dehub.")  # assets/stylesheets/<name>: Material's stylesheets and ours
CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
WORD = re.compile(r"-?[_a-zA-Z][\w-]*")
TEMPLATE_PREFIX = re.compile(r"(-?[_a-zA-Z][\w-]*)\$\{")  # `md-tag--${name}` in a script: any class that starts so
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
ATTRIBUTE = re.compile(r"\[[^\]]*\]")
VALUE_ATTRIBUTE = re.compile(r'\b(?:dir|data-md-[\w-]+)="([^"]*)"')
VALUE_SELECTOR = re.compile(r"""\[(?:dir|data-md-[\w-]+)=["']?([\w-]+)["']?\]""")  # [dir=rtl], [data-md-color-primary=indigo]
CUSTOM_PROPERTY = re.compile(r"^\s*(--[\w-]+)\s*:")
VAR = re.compile(r"var\(\s*(--[\w-]+)")
INNERMOST_PARENS = re.compile(r"\([^()]*\)")
COMMENT_OR_STRING = re.compile(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*')|/\*.*?\*/", re.S)
GROUPING = ("@media", "@supports", "@layer", "@container")


class Vocabulary:
    """The classes a language's pages carry and the words (and word prefixes) of its scripts."""

    def __init__(self, html: Iterable[str], scripts: Iterable[str]) -> None:
        self.words: set[str] = set()
        self.values: set[str] = set()  # of dir= and data-md-*= attributes (colour scheme, palette, text direction)
        for text in html:
            for value in CLASS_ATTRIBUTE.findall(text):
                self.words.update(value.split())
            self.values.update(VALUE_ATTRIBUTE.findall(text))
        prefixes: set[str] = set()
        for text in scripts:
            self.words.update(WORD.findall(text))
            prefixes.update(TEMPLATE_PREFIX.findall(text))
        self.prefixes = tuple(sorted(prefixes))

    def has(self, name: str) -> bool:
        return name in self.words or name.startswith(self.prefixes)

    def has_value(self, value: str) -> bool:
        return value in self.values or value in self.words


def drop_comments(css: str) -> str:
    """Without comments (a source map no longer matches a purged file); strings are kept whole."""
    return COMMENT_OR_STRING.sub(lambda match: match.group(1) or "", css)


def split_blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level (prelude, body) pairs of a comment-free stylesheet; a statement (@charset ...;)
    has no body. Braces and semicolons inside strings don't count."""
    blocks: list[tuple[str, str | None]] = []
    start = body_start = depth = index = 0
    prelude = ""
    while index < len(css):
        char = css[index]
        if char in "\"'":
            end = index + 1
            while end < len(css) and css[end] != char:
                end += 2 if css[end] == "\\" else 1
            index = end + 1
            continue
        if char == "{":
            if depth == 0:
                prelude, body_start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append((prelude, css[body_start:index]))
                start = index + 1
        elif char == ";" and depth == 0:
            blocks.append((css[start:index].strip(), None))
            start = index + 1
        index += 1
    return blocks


def split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return [part.strip() for part in parts if part.strip()]


def without_parentheses(selector: str) -> str:
    text = selector
    while "(" in text:
        reduced = INNERMOST_PARENS.sub("", text)
        if reduced == text:
            break
        text = reduced
    return text


def required_classes(selector: str) -> list[str]:
    """The classes an element chain must carry for `selector` to match anything."""
    return SELECTOR_CLASS.findall(without_parentheses(ATTRIBUTE.sub("", selector)))


def required_values(selector: str) -> list[str]:
    """The dir= and data-md-*= values it needs ([dir=rtl] matches nothing on a left-to-right site)."""
    return VALUE_SELECTOR.findall(without_parentheses(selector))


def matches_something(selector: str, vocabulary: Vocabulary) -> bool:
    return all(vocabulary.has(name) for name in required_classes(selector)) and all(
        vocabulary.has_value(value) for value in required_values(selector)
    )


def split_declarations(body: str) -> list[str]:
    """A rule's declarations; semicolons inside strings and parentheses (data: URLs) don't split."""
    parts, depth, start, quote = [], 0, 0, ""
    for index, char in enumerate(body):
        if quote:
            quote = "" if char == quote and body[index - 1] != "\\" else quote
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
    parts.append(body[start:])
    return [part for part in parts if part.strip()]


def drop_unused_properties(css: str, used: set[str]) -> str:
    """Without the custom properties (--name: ...) nothing reads with var(--name): Material's
    icons for admonitions, task lists and the like are data: URLs in such properties."""
    out = []
    for prelude, body in split_blocks(css):
        if body is None:
            out.append(prelude + ";")
        elif prelude.startswith(GROUPING):
            inner = drop_unused_properties(body, used)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [d for d in split_declarations(body) if (m := CUSTOM_PROPERTY.match(d)) is None or m.group(1) in used]
            if kept:
                out.append(f"{prelude}{{{';'.join(kept)}}}")
    return "".join(out)


def purge(css: str, vocabulary: Vocabulary) -> str:
    out = []
    for prelude, body in split_blocks(css):
        if body is None:
            out.append(prelude + ";")
        elif prelude.startswith(GROUPING):
            inner = purge(body, vocabulary)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in split_selectors(prelude) if matches_something(s, vocabulary)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def purge_stylesheets(site_dir: Path, html: list[str]) -> dict[str, str]:
    """Purge a language's stylesheets against its pages (`html`) and scripts; the renames made
    ('assets/stylesheets/main.57a0d79d.min.css' -> '...main.57a0d79d.<digest>.min.css')."""
    scripts = [path.read_text(encoding="utf-8") for path in sorted((site_dir / "assets" / "javascripts").glob("*.js"))]
    vocabulary = Vocabulary(html, scripts)
    renames = {}
    folder = site_dir / "assets" / "stylesheets"
    sheets = {path: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.css")) if path.name.startswith(PURGED)}
    purged_sheets = {path: purge(drop_comments(text), vocabulary) for path, text in sheets.items()}
    others = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.css")) if path not in sheets]
    used = {name for text in [*purged_sheets.values(), *others, *scripts, *html] for name in VAR.findall(text)}
    for path, purged in purged_sheets.items():
        purged = drop_unused_properties(purged, used)
        digest = hashlib.sha256(purged.encode()).hexdigest()[:8]
        stem = path.name[: -len(".min.css")] if path.name.endswith(".min.css") else path.name[: -len(".css")]
        suffix = ".min.css" if path.name.endswith(".min.css") else ".css"
        target = folder / f"{stem}.{digest}{suffix}"
        target.write_text(purged, encoding="utf-8")
        path.unlink()
        (folder / f"{path.name}.map").unlink(missing_ok=True)
        renames[f"assets/stylesheets/{path.name}"] = f"assets/stylesheets/{target.name}"
    return renames


def rename_in(text: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        text = text.replace(old, new)
    return text
