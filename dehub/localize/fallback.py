"""THE fallback rule: a page or field missing in a language takes its text from the first
language of the fallback chain that has one (`Config.fallback_chain`: the language itself,
then `extra.dehub.fallbacks` from mkdocs.yml, then the source language).

Used by the renderers (which text a page shows, and its notice), by `serve` and the pull
request summary (which languages an edit shows in), and by the page registry.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

from ..model import Localized, Prose, translates


def shown_language(chain: Iterable[str], available: Container[str] | Callable[[str], bool]) -> str | None:
    """The language whose text a reader of `chain[0]` sees: the first one available, or None."""
    has = available if callable(available) else available.__contains__
    return next((code for code in chain if has(code)), None)


def pick(text: Localized, chain: list[str]) -> tuple[str, str | None]:
    """A localized field's text for the first language in `chain` that has one, and that
    language (None for a language-neutral text); outside the chain, its first language."""
    if isinstance(text, str):
        return text, None
    code = shown_language(chain, text) or next(iter(text))
    return text[code], code


@dataclass
class Chosen:
    """A piece of prose chosen for one language, with why it is not the reader's own."""

    prose: Prose | None
    notice: str | None = None  # 'fallback' (another language's text) or 'outdated' (a translation behind its source)
    stale: bool = False  # the text shown is a translation behind its source (also when it stands in as a fallback)

    @property
    def lang(self) -> str | None:
        return self.prose.lang if self.prose else None


NOTHING = Chosen(None)


def is_stale(prose: Prose, versions: dict[str, Prose], source: str) -> bool:
    """Whether a translation records another version of its source than the current one."""
    original = versions.get(source)
    return prose.lang != source and original is not None and not translates(prose.recorded_hash, original.body, original.meta)


def choose_prose(versions: dict[str, Prose], chain: list[str], source: str) -> Chosen:
    """The reader's language (`chain[0]`) if present, else the fallback chain; flags outdated
    translations, including a fallback text that is itself behind its source."""
    code = shown_language(chain, versions)
    if code is None:
        return NOTHING
    prose = versions[code]
    stale = is_stale(prose, versions, source)
    if code != chain[0]:
        return Chosen(prose, "fallback", stale)
    return Chosen(prose, "outdated", True) if stale else Chosen(prose)


def description_of(chosen: Chosen, default: str) -> str:
    """The prose's own meta description, unless the prose stands in from another language
    (the page around it is in the reader's language, so its generated summary fits better)."""
    if chosen.prose is not None and chosen.notice != "fallback" and isinstance(chosen.prose.meta.get("description"), str):
        return chosen.prose.meta["description"]
    return default


def languages_showing(
    codes: list[str], chains: dict[str, list[str]], source: str, changed: str, exists: Callable[[str], bool]
) -> list[str]:
    """The languages whose page shows the text of `changed` (a language code), in `codes` order.

    `exists(lang)` tells whether the page has its own text in `lang`; the changed text counts
    as existing (it may have been deleted, and then the languages that used it changed too).
    A change to the source language affects every language: each shows it or a translation
    whose "outdated" notice depends on it.
    """
    if changed == source:
        return list(codes)
    return [lang for lang in codes if shown_language(chains[lang], lambda code: code == changed or exists(code)) == changed]
