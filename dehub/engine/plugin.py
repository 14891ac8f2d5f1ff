"""The MkDocs plugin that feeds one language's generated pages into Material.

Every page is a virtual file (File.generated): nothing is written to a docs folder.
Generated pages bring their own body HTML (rendered and escaped by our Jinja2
environment); content pages are Markdown that MkDocs renders and we then sanitise.
"""

from __future__ import annotations

import posixpath
import re

import yaml
from markupsafe import escape
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from ..config import Config
from ..localize.localizer import Localizer
from ..localize.template_gettext import install as install_gettext
from ..render.page import Page
from ..render.sanitize import clean_html
from ..render.toc import toc_tokens
from ..urls import cross_language_url, feed_url, hub_key, is_filter_page, page_url, resolve_md_links, src_uri

HTML_TAG = re.compile(r'<html lang="([^"]+)" class="no-js">')


class DehubPlugin(BasePlugin):
    def __init__(
        self,
        config: Config,
        loc: Localizer,
        specs: list[Page],
        footer: list[dict],
        hubs: list | None = None,
        elsewhere: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.hubs = hubs or []
        self.elsewhere = elsewhere or {}
        self.site = config
        self.loc = loc
        self.specs = {src_uri(spec.key): spec for spec in specs}
        self.footer = footer

    def on_config(self, config):
        config.extra["dehub_footer"] = self.footer
        config.extra["dehub_lang"] = self.loc.lang
        # Material's header shows the switcher when config.extra.alternate is set; its entries
        # are each page's own (context["dehub"]["alternate"], read by theme/partials/alternate.html).
        config.extra["alternate"] = True
        contributing = self.site.contributing_url(self.loc.lang)
        # The contributor guide is German or English; linked only when the repository is known.
        config.extra["dehub_contributing"] = (
            {"url": contributing, "hreflang": "de" if self.loc.lang == self.site.source_language else "en"} if contributing else None
        )
        return config

    def on_files(self, files: Files, config) -> Files:
        for uri, spec in self.specs.items():
            front = {"title": str(escape(spec.title)), "hide": ["navigation"] if spec.markdown is not None else ["toc", "navigation"]}
            if spec.template:
                front["template"] = spec.template
            content = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=True) + "---\n\n" + (spec.markdown or "")
            files.append(File.generated(config, uri, content=content))
        for hub in self.hubs:
            if hub.logo is not None:
                source = self.site.root / hub.folder / hub.logo.file
                files.append(File.generated(config, f"{hub_key(hub.slug)}/{hub.logo.file}", abs_src_path=str(source)))
        return files

    def on_env(self, env, config, files):
        install_gettext(env, self.loc.translations)  # escapes each msgstr: MkDocs' env doesn't autoescape
        return env

    def on_page_content(self, html: str, page, config, files) -> str:
        spec = self.specs[page.file.src_uri]
        if spec.html is not None:
            return spec.html
        # links to pages MkDocs doesn't render (the shelled ones) are still '.md': resolve them
        body = resolve_md_links(clean_html(html, extended=True), spec.key, posixpath.dirname(page.file.src_uri), self.elsewhere)
        page.toc = get_toc(toc_tokens(body))  # Material prints TOC titles raw: only the sanitised body's headings
        # ours: MkDocs would use the nav label; a stand-in text's title is in that text's language
        heading = f"<h1>{escape(spec.title)}</h1>"
        if spec.text_lang and spec.text_lang != self.loc.lang:
            body = f'<div lang="{spec.text_lang}" dir="auto">{body}</div>'
            heading = f'<h1 lang="{spec.text_lang}" dir="auto">{escape(spec.title)}</h1>'
        return heading + spec.lead + body  # spec.lead: our own template's output, escaped there

    def on_page_context(self, context, page, config, nav):
        spec = self.specs[page.file.src_uri]
        context["dehub"] = {
            "alternate": self.switcher(spec),
            "description": spec.description,
            "hreflang": self.hreflang(spec),
            "x_default": self.site.site_url,
            "social_card": self.site.url(f"{self.loc.lang}/assets/social-card.png"),
            "locale": str(self.loc.locale),
            "feed": feed_url(self.site, self.loc.lang),  # Atom autodiscovery (theme/main.html)
            "searchable": not is_filter_page(spec.key),  # indexed by the search (theme/main.html, write/search.py)
        }
        return context

    def on_post_page(self, output: str, page, config) -> str:
        return self.add_direction(output)

    def on_post_template(self, output: str, template_name: str, config) -> str:
        return self.add_direction(output) if template_name.endswith(".html") else output

    def add_direction(self, output: str) -> str:
        return HTML_TAG.sub(lambda m: f'<html lang="{m.group(1)}" dir="{self.loc.direction}" class="no-js">', output, count=1)

    def switcher(self, spec: Page) -> list[dict]:
        """The same page in every language; a German-only page leads to each language's home."""
        entries = []
        for code in self.site.codes:
            key = spec.key if (not spec.source_only or code == self.site.source_language) else "index"
            if spec.languages is not None and code not in spec.languages:  # e.g. news/page/3 exists only where there are enough posts
                key = spec.switch_to
            entries.append(
                {
                    "name": self.loc.language_name(code),
                    "link": cross_language_url(spec.key, code, key),
                    "lang": code,
                    "current": code == self.loc.lang,
                }
            )
        return entries

    def hreflang(self, spec: Page) -> list[dict]:
        codes = [self.site.source_language] if spec.source_only else (spec.languages or self.site.codes)
        return [{"lang": code, "href": page_url(self.site, code, spec.key)} for code in codes]
