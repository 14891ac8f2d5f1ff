"""The pages outside any language: the language chooser at / and the redirects from former slugs."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment

from ..config import Config
from ..localize.localizer import Localizer
from .renderer import environment


@lru_cache(maxsize=1)
def _plain() -> Environment:
    """These pages speak every language at once: no catalog is installed."""
    return environment()


def chooser_html(config: Config, locs: dict[str, Localizer], langs: list[str]) -> str:
    entries = [
        {
            "code": code,
            "name": locs[code].language_name(code),
            "dir": locs[code].direction,
            "welcome": locs[code].gettext("Welcome to de:hub, the Digital Hub Initiative."),
        }
        for code in langs
    ]
    default = config.fallbacks[0] if config.fallbacks else langs[0]
    return _plain().get_template("chooser.html").render(entries=entries, site_url=config.site_url, default=default)


def redirect_html(target: str, lang: str) -> str:
    return _plain().get_template("redirect.html").render(target=target, lang=lang)
