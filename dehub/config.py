"""Project configuration: languages, the public base URL and the build's clock, read once.

The clock (`Config.moment`) is read here and nowhere else: SOURCE_DATE_EPOCH when set
(reproducible builds), else now, in the site's time zone.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

SITE_URL_ENV = "DEHUB_SITE_URL"
REPOSITORY_ENV = "GITHUB_REPOSITORY"  # set by GitHub Actions: owner/name
REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
LANG_CODE = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
TIMEZONE = "Europe/Berlin"  # the hubs' local time: event times are wall-clock times here
BERLIN = ZoneInfo(TIMEZONE)


def epoch_from_env() -> int | None:
    """SOURCE_DATE_EPOCH as a number, or None when it is unset or not a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else None


def read_clock() -> datetime:
    """When the site is built, in Berlin: SOURCE_DATE_EPOCH when set (reproducible), else now."""
    epoch = epoch_from_env()
    return datetime.fromtimestamp(epoch, BERLIN) if epoch is not None else datetime.now(BERLIN).replace(microsecond=0)


@dataclass(frozen=True)
class Language:
    code: str
    complete: bool = False  # a complete language lacks nothing (i18n status --strict)


@dataclass(frozen=True)
class Config:
    root: Path
    site_url: str
    source_language: str
    fallbacks: tuple[str, ...]
    languages: tuple[Language, ...]
    source_only_pages: tuple[str, ...] = ()
    mkdocs: dict = field(default_factory=dict, compare=False, hash=False)
    moment: datetime = field(default_factory=read_clock, compare=False)  # the build's clock, read once

    @property
    def today(self) -> date:
        """The day the site is built for: events before it are past."""
        return self.moment.date()

    repo_url: str | None = None  # the repository's address, if configured; never guessed

    def contributing_url(self, lang: str) -> str | None:
        """The contributor guide in the repository (German for German pages), or None."""
        if not self.repo_url:
            return None
        name = "CONTRIBUTING.de.md" if lang == self.source_language else "CONTRIBUTING.md"
        return self.repo_url.rstrip("/") + "/blob/HEAD/" + name

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def fallback_chain(self, lang: str) -> list[str]:
        """Where a page missing in `lang` takes its text from, in order."""
        chain = [lang, *self.fallbacks, self.source_language]
        return [code for index, code in enumerate(chain) if code not in chain[:index]]

    def url(self, path: str = "") -> str:
        return self.site_url + path.lstrip("/")

    @property
    def base_path(self) -> str:
        """The URL path the site is served under, '/' or '/repo/'."""
        from urllib.parse import urlsplit

        return urlsplit(self.site_url).path or "/"

    @property
    def default_language(self) -> str:
        """The language of language-neutral files (calendars, open data): the first fallback, e.g. en."""
        return self.fallbacks[0] if self.fallbacks else self.source_language


def load_config(root: Path) -> Config:
    """Read the maintainers' mkdocs.yml (trusted) and the environment override."""
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        mkdocs = yaml.safe_load(handle)
    settings = mkdocs.get("extra", {}).get("dehub", {})
    site_url = os.environ.get(SITE_URL_ENV) or mkdocs.get("site_url") or "http://127.0.0.1:8000/"
    if not site_url.endswith("/"):
        site_url += "/"
    repository = os.environ.get(REPOSITORY_ENV, "").strip()
    repo_url = mkdocs.get("repo_url") or (f"https://github.com/{repository}/" if REPOSITORY.match(repository) else None)
    languages = tuple(Language(code=entry["code"], complete=bool(entry.get("complete", False))) for entry in settings["languages"])
    return Config(
        root=root,
        site_url=site_url,
        source_language=settings.get("source_language", "de"),
        fallbacks=tuple(settings.get("fallbacks", ["en", "de"])),
        languages=languages,
        source_only_pages=tuple(settings.get("source_only_pages", [])),
        mkdocs=mkdocs,
        moment=read_clock(),
        repo_url=repo_url,
    )
