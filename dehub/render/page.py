"""A page of one language as the renderers make it and the engine publishes it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    key: str  # the language-neutral page key (dehub.urls)
    title: str
    description: str
    html: str | None = None  # a generated page's body, already safe
    markdown: str | None = None  # a content page's Markdown, sanitised after rendering
    lead: str = ""  # a content page's notices between its title and its text, already safe
    text_lang: str | None = None  # language of the prose when it is not the page's own
    notice: str | None = None  # 'fallback' or 'outdated'
    template: str | None = None
    source_only: bool = False
    languages: list[str] | None = None  # the languages that have this page, when not all do (news/page/N)
    switch_to: str = "index"  # where the switcher leads in a language without this page
    meta: dict = field(default_factory=dict)
