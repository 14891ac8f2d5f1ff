"""One language's view of the world: its catalog, its CLDR data, its fallback chain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_datetime, format_skeleton, format_time
from babel.lists import format_list
from babel.support import NullTranslations
from markupsafe import Markup, escape

from ..model import City, Localized
from .catalogs import load_translations
from .fallback import pick
from .focus import FOCUS_LABELS
from .places import CITY, STATE, place_name


@dataclass
class Localizer:
    """One language's view: its catalog, its CLDR data, its fallback chain."""

    lang: str
    translations: NullTranslations
    chain: list[str]

    @cached_property
    def locale(self) -> Locale:
        return Locale.parse(self.lang.replace("-", "_"))

    @property
    def direction(self) -> str:
        return "rtl" if self.locale.character_order == "right-to-left" else "ltr"

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def focus_label(self, key: str) -> str:
        return self.gettext(FOCUS_LABELS[key])

    def city(self, name: str) -> str:
        """A city's name in this language (the official German name is the msgid)."""
        return place_name(self.translations, self.lang, self.chain, CITY, name)

    def state(self, name: str) -> str:
        """A federal state's name in this language."""
        return place_name(self.translations, self.lang, self.chain, STATE, name)

    def city_in_state(self, city: City) -> str:
        """'Köln (Nordrhein-Westfalen)'; a city-state (Berlin, Hamburg) is named once."""
        if city.name == city.state:
            return self.city(city.name)
        # Translators: a city and its federal state, e.g. "Köln (Nordrhein-Westfalen)"; use your language's brackets.
        return self.gettext("%(city)s (%(state)s)") % {"city": self.city(city.name), "state": self.state(city.state)}

    def text(self, value: Localized) -> tuple[str, str | None]:
        """A localized field's text and its language (None when it is language-neutral)."""
        return pick(value, self.chain)

    def language_name(self, code: str) -> str:
        """A language's own name for itself (used in switchers: readers look for their own)."""
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_")) or code
        return name[:1].upper() + name[1:]

    def language_name_here(self, code: str) -> str:
        """A language's name in this language ('anglais' on a French page)."""
        return self.locale.languages.get(code.replace("-", "_"), code)

    def date(self, value: date | datetime, fmt: str = "long") -> str:
        if isinstance(value, datetime):
            return format_date(value.date(), format=fmt, locale=self.locale)
        return format_date(value, format=fmt, locale=self.locale)

    def time(self, value: datetime) -> str:
        return format_time(value.time(), format="short", locale=self.locale)

    def datetime(self, value: datetime) -> str:
        return format_datetime(value, format="medium", locale=self.locale)

    def month(self, value: date) -> str:
        return format_skeleton("yMMMM", value, locale=self.locale)

    def list(self, items: list[str]) -> str:
        """Items joined by CLDR's pattern for this language: 'A, B und C', 'A、B和C', 'A وB وC'."""
        return format_list(items, locale=self.locale) if items else ""

    def markup_list(self, items: list[Markup]) -> Markup:
        """The same for HTML items (links): the pattern's own text is escaped, each item too
        unless it is Markup already."""
        slots = [f"\x00{index}\x00" for index in range(len(items))]
        joined = str(escape(self.list(slots)))
        for slot, item in zip(slots, items, strict=True):
            joined = joined.replace(slot, str(escape(item)))
        return Markup(joined)  # noqa: S704 - escaped above, piece by piece


def localizer(root: Path, lang: str, chain: list[str]) -> Localizer:
    return Localizer(lang=lang, translations=load_translations(root, lang), chain=chain)


def localizers(config) -> dict[str, Localizer]:
    """Every configured language's localizer, by code."""
    return {code: localizer(config.root, code, config.fallback_chain(code)) for code in config.codes}
