"""Files the build would not read: each is an error that names what it should be called.

A hub team that saves `FR.md`, `english.md`, `fr.markdown` or `hub.yaml` sees its text
nowhere on the site and no error; so every file in a folder the build reads (a hub's folder,
content/<lang>/, content/<lang>/news/, translations/) is either read or reported, with the
name it should have ("did you mean 'fr.md'?").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from ..diagnostics import Report, did_you_mean
from ..output import has_invisible

LOGO_SUFFIXES = (".svg", ".png", ".webp")
PROSE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt", ".text")
YAML_SUFFIXES = (".yml", ".yaml", ".json")


def _plain(text: str) -> str:
    """'Français' -> 'francais': lowercase, without accents, letters only (any script)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W\d_]", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


@cache
def _language_names(codes: tuple[str, ...]) -> dict[str, str]:
    """Every way a person may name a configured language (in English, German, itself), to its code."""
    from babel import Locale, UnknownLocaleError

    names = {}
    for code in codes:
        names[_plain(code)] = code
        try:
            locale = Locale.parse(code.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            continue
        for where in ("en", "de", code.replace("-", "_")):
            name = locale.get_language_name(where)
            if name:
                names[_plain(name)] = code
    return names


def language_of(stem: str, codes: list[str]) -> str | None:
    """The configured language a stem means: 'FR' -> fr, 'english' -> en, 'Deutsch' -> de, 'fr_FR' -> fr."""
    lowered = stem.strip().lower().replace("_", "-")
    if lowered in codes:
        return lowered
    if lowered.split("-")[0] in codes and re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})+", lowered):
        return lowered.split("-")[0]
    return _language_names(tuple(codes)).get(_plain(stem))


def _split(name: str) -> tuple[str, str]:
    stem, dot, suffix = name.rpartition(".")
    return (stem, "." + suffix.lower()) if dot and stem else (name, "")


def hub_file_name(name: str, codes: list[str]) -> str | None:
    """What a file in a hub folder should be called: 'FR.md' -> 'fr.md', 'hub.yaml' -> 'hub.yml'; None if unknown."""
    stem, suffix = _split(name)
    if stem.lower() in {"hub", "hubs"} and (suffix in YAML_SUFFIXES or not suffix):
        return "hub.yml"
    if suffix in PROSE_SUFFIXES or not suffix:
        lang = language_of(stem, codes)
        if lang is not None:
            return f"{lang}.md"
    return None


def hub_file_problem(name: str, codes: list[str], is_folder: bool = False) -> str:
    """The message for a file (or folder) in a hub folder that the build does not read."""
    if is_folder:
        return (
            f"the folder {name!r} in a hub folder is not read by the build; move its files up (hub.yml, <lang>.md, the logo) or delete it"
        )
    wanted = hub_file_name(name, codes)
    if wanted is not None:
        return f"{name!r} is not read by the build; did you mean {wanted!r}? rename it to {wanted}"
    prose = ", ".join(f"{code}.md" for code in codes)
    logo = f" (if it is the logo, name it in hub.yml: logo: {name})" if name.lower().endswith(LOGO_SUFFIXES) else ""
    return f"{name!r} is not read by the build; a hub folder holds hub.yml, the prose ({prose}) and the logo hub.yml names{logo}; rename or delete it"


def content_file_problem(name: str, folder: str) -> str:
    """A file in content/<lang>/ (or its news/) that the build does not read."""
    stem, suffix = _split(name)
    if suffix in PROSE_SUFFIXES and suffix != ".md" or name.endswith(".MD"):
        return f"{name!r} is not read by the build; did you mean {stem.lower() + '.md'!r}? pages end in .md"
    return f"{name!r} is not read by the build; {folder} holds Markdown pages (<name>.md) only; rename or delete it"


def translations_entry_problem(name: str, codes: list[str], is_folder: bool) -> str | None:
    """A file or folder in translations/ that is not read: None for the ones that are."""
    if name in {"README.md", "messages.pot", "glossary.csv"} or name.startswith("."):
        return None
    if is_folder:
        if name in codes:
            return None
        lang = language_of(name, codes)
        hint = (
            f"did you mean {lang!r}? rename it to translations/{lang}/"
            if lang
            else f"{did_you_mean(name, codes)}allowed: {', '.join(codes)}"
        )
        return f"the language folder {name!r} is not read by the build (not a configured language); {hint}"
    stem, suffix = _split(name)
    if suffix in {".po", ".pot"}:
        lang = language_of(stem, codes)
        where = f"translations/{lang}/LC_MESSAGES/messages.po" if lang else "translations/<lang>/LC_MESSAGES/messages.po"
        return f"{name!r} is not read by the build; a catalog lives at {where}"
    return f"{name!r} is not read by the build; translations/ holds messages.pot, glossary.csv and <lang>/LC_MESSAGES/messages.po"


def check_translation_files(root: Path, codes: list[str], messages_language: str, report: Report) -> None:
    """translations/: messages.pot, the glossary, README and <lang>/LC_MESSAGES/messages.po for each
    configured language but the msgid language; anything else is reported with its right name."""
    base = root / "translations"
    if not base.is_dir() or base.is_symlink():
        return
    catalogs = [code for code in codes if code != messages_language]
    for entry in sorted(base.iterdir()):
        if entry.is_symlink() or has_invisible(entry.name):  # check_tree reports those
            continue
        rel = f"translations/{entry.name}"
        if entry.is_dir() and entry.name == messages_language:
            report.error(rel, 1, 0, f"{entry.name!r} is the language of the msgids and has no catalog; its folder is not read, delete it")
            continue
        problem = translations_entry_problem(entry.name, catalogs, entry.is_dir())
        if problem is not None:
            report.error(rel, 1, 0, problem)
        elif entry.is_dir():
            _check_language_folder(entry, rel, report)


def _check_language_folder(folder: Path, rel: str, report: Report) -> None:
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink() or has_invisible(entry.name) or entry.name.startswith("."):
            continue
        if entry.name != "LC_MESSAGES" or not entry.is_dir():
            wanted = f"{rel}/LC_MESSAGES/messages.po"
            report.error(f"{rel}/{entry.name}", 1, 0, f"{entry.name!r} is not read by the build; the catalog is {wanted}")
            continue
        for file in sorted(entry.iterdir()):
            if file.name == "messages.po" or file.is_symlink() or has_invisible(file.name) or file.name.startswith("."):
                continue
            report.error(
                f"{rel}/LC_MESSAGES/{file.name}", 1, 0, f"{file.name!r} is not read by the build; the catalog is named messages.po"
            )
