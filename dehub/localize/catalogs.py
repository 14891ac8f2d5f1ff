"""Where the catalogs live, and each one compiled for gettext (in memory: no .mo files in the repo).

UI msgids are English, so `en` (MESSAGES_LANGUAGE) needs no catalog; every other configured
language, German included, has translations/<lang>/LC_MESSAGES/messages.po, made from the
template translations/messages.pot (POT).
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

POT = "translations/messages.pot"
MESSAGES_LANGUAGE = "en"  # the language of the msgids: needs no catalog


def catalog_path(root: Path, lang: str) -> Path:
    return root / "translations" / lang / "LC_MESSAGES" / "messages.po"


def load_translations(root: Path, lang: str) -> NullTranslations:
    """The language's compiled catalog; compiled once per version of the file."""
    path = catalog_path(root, lang)
    if not path.is_file():
        return NullTranslations()
    stat = path.stat()
    return _compiled(path, lang, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _compiled(path: Path, lang: str, _mtime_ns: int, _size: int) -> Translations:
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=lang, abort_invalid=False)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain="messages")


def language_name(lang: str) -> str:
    """A language's English name ('French'), for catalog headers and reports."""
    try:
        return Locale.parse(lang.replace("-", "_")).english_name or lang
    except (UnknownLocaleError, ValueError):
        return lang
