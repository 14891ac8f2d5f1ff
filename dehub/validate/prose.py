"""Checks on Markdown prose: no raw HTML in hub prose, links between pages resolve, images
have alt text, headings nest. Code (fenced blocks, code spans) is left alone."""

from __future__ import annotations

import html
import posixpath
import re

from ..config import Config
from ..diagnostics import Report, did_you_mean
from ..load.files import HubSource
from ..model import Project, Prose
from ..output import describe, first_invisible
from ..render.limits import ProseTooLarge, check_limits
from ..render.sanitize import same_origin
from ..urls import events_hub_key, hub_key, key_of, language_pages, other_language_pages
from .ids import check_ids

# Linear, always: every pattern runs once per line or once per file (never once per match),
# and link text and labels are bounded (CommonMark's limit for a label: 999 characters), so an
# unclosed `[` or `![` costs a constant, not a rescan of the rest of the line or file. Longer
# link text is not checked here; the sanitiser still drops a foreign image or `//` link.
MAX_LABEL = 999
LINK = re.compile(rf"(!?)\[([^\]]{{0,{MAX_LABEL}}})\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^ {0,3}\[([^\]]{1,200})\]:[ \t]*<?([^\s>]+)>?")  # [label]: target "title"
IMAGE_REF = re.compile(rf"!\[([^\]]{{0,{MAX_LABEL}}})\](?:\[([^\]]{{0,{MAX_LABEL}}})\])?")
HEADING = re.compile(r"^(#{1,6})\s")
FENCE = re.compile(r"^ {0,3}(```|~~~)")  # a fence opens or closes a code block (at most 3 spaces in)
# A tag, not an autolink like <https://...> or <info@example.org> (valid Markdown).
RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|/[A-Za-z]|!--)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
DEPENDENT_PREFIXES = ("hubs/focus/", "hubs/state/", "events/focus/")
EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def lines_outside_code(prose: Prose):
    fenced = False
    for offset, line in enumerate(prose.body.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield prose.body_line + offset, line


def check_hub_prose(source: HubSource, config: Config, report: Report) -> None:
    """The source language's prose exists; every prose file is a configured language's, without raw HTML."""
    if config.source_language not in source.prose and not (source.folder / f"{config.source_language}.md").exists():
        report.error(
            f"{source.rel}/hub.yml",
            1,
            0,
            f"{config.source_language}.md (the prose in the source language) is missing; add {source.rel}/{config.source_language}.md",
        )
    for lang, prose in source.prose.items():
        if lang not in config.codes:
            report.error(
                prose.path,
                1,
                0,
                f"{lang!r} is not a configured language; {did_you_mean(lang, config.codes)}rename to one of: {', '.join(c + '.md' for c in config.codes)}",
            )
        for number, line in lines_outside_code(prose):
            match = RAW_HTML.search(CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
            if match:
                report.error(
                    prose.path,
                    number,
                    match.start() + 1,
                    "raw HTML is not allowed in hub prose; use Markdown (e.g. **bold**, [link](https://...))",
                )
                break


def check_prose_file(
    prose: Prose, folder: str, keys: set[str], first_level: int, report: Report, unknown: UnknownLinks | None = None
) -> None:
    """`folder` is where the file's relative links start from ('' for content/<lang>/); a link
    that may lead to a page of a hub with errors (`unknown`) is counted there, not reported."""
    try:
        check_limits(prose.body)
    except ProseTooLarge as exc:
        line = prose.body_line + exc.line - 1 if exc.line else prose.body_line
        report.error(prose.path, line, 1, f"too large to publish: {exc}; split the text or simplify it")
        return
    for offset, text in enumerate(prose.body.split("\n")):
        index = first_invisible(text.rstrip("\r"), allowed="\t")
        if index != -1:
            report.error(prose.path, prose.body_line + offset, index + 1, f"{describe(text[index])}; delete it")
    check_ids(prose, lines_outside_code(prose), report)
    images = image_labels(prose.body)  # once per file: never once per reference definition
    previous = first_level - 1
    for number, line in lines_outside_code(prose):
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if level < first_level:
                report.error(
                    prose.path,
                    number,
                    1,
                    f"use {'#' * first_level} for the first heading level here; the page title is the only level-{first_level - 1} heading",
                )
            elif level > previous + 1:
                report.error(
                    prose.path, number, 1, f"heading level {level} follows level {previous}; don't skip levels (use {'#' * (previous + 1)})"
                )
            previous = max(level, first_level - 1) if level >= first_level else previous
        for match in LINK.finditer(line):
            image, text, target = match.groups()
            column = match.start() + 1
            if image and not text.strip():
                report.error(prose.path, number, column, "image without alt text; describe it: ![what it shows](file)")
            check_target(prose, number, column, target, bool(image), folder, keys, report, unknown)
        check_raw_urls(prose, number, CODE_SPAN.sub(lambda m: " " * len(m.group()), line), report)
        definition = REFERENCE.match(line)
        if definition:
            label = definition.group(1).strip().lower()
            image = label in images
            check_target(prose, number, definition.start(2) + 1, definition.group(2), image, folder, keys, report, unknown)


RAW_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)(\s[^<>]*)>?")
RAW_ATTRIBUTE = re.compile(r"""([A-Za-z_:][-\w:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
LOADING = {"src", "srcset", "poster", "background", "data", "xlink:href", "action", "formaction", "lowsrc", "dynsrc", "ping"}
CSS_URL = re.compile(r"url\s*\(|@import|image-set\s*\(|expression\s*\(", re.I)


def check_raw_urls(prose: Prose, number: int, line: str, report: Report) -> None:
    """Raw HTML (content pages, news) requests nothing from another origin: every attribute
    that loads something names one of the site's own files; links may be https:// or mailto:."""
    for tag in RAW_TAG.finditer(line):
        for match in RAW_ATTRIBUTE.finditer(tag.group(2)):
            name, value = match.group(1).lower(), html.unescape(match.group(2).strip("\"'"))
            column = tag.start(2) + match.start() + 1
            svg_link = name == "href" and tag.group(1).lower() in SVG_TAGS
            if name == "style" and CSS_URL.search(value):
                report.error(
                    prose.path, number, column, "style with url(), @import or image-set(): no styles that load files; use Markdown"
                )
            elif name in LOADING or svg_link:
                if (
                    any(not same_origin(part.strip().split(" ")[0]) for part in value.split(","))
                    if name == "srcset"
                    else not same_origin(value)
                ):
                    report.error(
                        prose.path, number, column, f"{name}={value[:60]!r} loads from another site; use one of the site's own files"
                    )
            elif name == "href" and not same_origin(value, link=True):
                report.error(prose.path, number, column, f"href={value[:60]!r}: write a full https:// address (no '//' or other schemes)")


SVG_TAGS = {"use", "image", "feimage", "script", "pattern", "lineargradient", "radialgradient", "textpath", "mpath", "tref", "filter"}


def image_labels(body: str) -> set[str]:
    """Reference labels that images use: ![alt][label], ![label][] and ![label]."""
    return {(m.group(2) or m.group(1)).strip().lower() for m in IMAGE_REF.finditer(body)}


def check_target(
    prose: Prose,
    number: int,
    column: int,
    target: str,
    image: bool,
    folder: str,
    keys: set[str],
    report: Report,
    unknown: UnknownLinks | None = None,
) -> None:
    """One rule for every link and image target, inline or reference-style; a link that may lead
    to a page of a hub with errors is counted in `unknown`, not reported."""
    if target.startswith(("//", "\\\\", "/\\", "\\/")) or "\\" in target or "&#" in target.replace("&#35;", ""):
        report.error(
            prose.path,
            number,
            column,
            f"link to {target[:60]!r}: write a full https:// address (no '//', backslashes or character references)",
        )
        return
    scheme = EXTERNAL.match(target)
    if scheme and not target.lower().startswith(("https:", "mailto:")):
        report.error(prose.path, number, column, f"link to {target[:60]!r}: only https:// and mailto: links are allowed")
        return
    if image and (scheme or target.startswith("/")):
        report.error(
            prose.path,
            number,
            column,
            f"image {target[:60]!r}: images come only from the site's own files; put the image next to the text and use its file name",
        )
        return
    if image or scheme or target.startswith("#"):
        return
    path = target.split("#")[0]
    if not path.endswith(".md"):
        report.error(
            prose.path, number, column, f"link to {target[:60]!r}: link other pages by their Markdown file, e.g. [text](initiative.md)"
        )
        return
    key = key_of(posixpath.join(folder, path[: -len(".md")]))
    if key not in keys and unknown is not None and unknown.depends(key):
        unknown.count(key)
    elif key not in keys:
        report.cross_file_error(
            prose.path, number, column, f"link to {target[:60]!r} leads nowhere: there is no such page in this language"
        )


class UnknownLinks:
    """Links whose target depends on a hub with errors: not checked, one note per hub."""

    def __init__(self, skipped: set[str]) -> None:
        self.skipped = skipped
        self.counts: dict[str, int] = {}

    def depends(self, key: str) -> bool:
        if not self.skipped:
            return False
        # its own pages, or a filter page (focus, state) that may exist only because of it
        return any(key in (hub_key(slug), events_hub_key(slug)) for slug in self.skipped) or key.startswith(DEPENDENT_PREFIXES)

    def count(self, key: str) -> None:
        slug = next((s for s in sorted(self.skipped) if key in (hub_key(s), events_hub_key(s))), None)
        target = hub_key(slug) if slug else key
        self.counts[target] = self.counts.get(target, 0) + 1

    def notes(self) -> list[str]:
        return [
            f"{count} link{'s' if count != 1 else ''} to {key} {'were' if count != 1 else 'was'} not checked (a hub with errors is not built)"
            for key, count in sorted(self.counts.items())
        ]


def check_all_prose(project: Project, config: Config, report: Report) -> None:
    """Links, images and headings of every content page and hub prose (also of hubs with errors),
    against that language's pages."""
    # a page may link to its own language's pages and to those that live only in another (dgs.md)
    keys_by_lang = {lang: language_pages(project, config, lang) | set(other_language_pages(project, config, lang)) for lang in config.codes}
    unknown = UnknownLinks(set(project.skipped))
    for page in project.pages:
        for lang, prose in page.versions.items():
            if lang in keys_by_lang:
                check_prose_file(prose, "", keys_by_lang[lang], 2, report, unknown)
    hub_prose = [hub.prose for hub in project.hubs] + list(project.skipped.values())
    for versions in hub_prose:
        for lang, prose in versions.items():
            if lang in keys_by_lang:
                check_prose_file(prose, "hubs", keys_by_lang[lang], 2, report, unknown)
    for post in project.news:  # a post's page is news/<slug>/, its links start from content/<lang>/
        for lang, prose in post.versions.items():
            if lang in keys_by_lang:
                check_prose_file(prose, "", keys_by_lang[lang], 2, report, unknown)
    report.notes.extend(unknown.notes())
