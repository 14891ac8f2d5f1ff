"""Every plural message rendered in every language at a few numbers, as readers see it.

A plural msgstr is read by a reviewer as a template (`%(num)s مركز`), but readers see one
sentence per number, picked by the catalog's own `Plural-Forms` rule. `render_samples` writes
those sentences: for each plural message of translations/messages.pot, in template order, the
text that the language's compiled catalog (the one the site uses, `load_translations`) gives
at n = 0, 1, 2, 3, 11 and 100, with the form that was picked. The test suite keeps the result
in tests/localize/fixtures/plurals.<lang>.txt, so a changed plural msgstr shows in review as a
diff of rendered sentences.

The numbers: 0, 1 and 2 are the forms of their own (Arabic's zero, one and two; French's
singular for 0 and 1), 3 is "few" (3 to 10), 11 "many" (11 to 99), 100 "other".
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from babel.support import NullTranslations

from .catalogs import MESSAGES_LANGUAGE, POT, catalog_path, load_translations
from .plurals import expected_plural_forms, parse_rule

SAMPLE_NUMBERS: tuple[int, ...] = (0, 1, 2, 3, 11, 100)
COUNT = "num"  # the placeholder of a plural message's number (Jinja's ngettext passes it as `num`)


class _Others(dict):
    """The values of a message's other placeholders: their own name in braces, `{name}`."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _read(path: Path, lang: str | None = None) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(io.BytesIO(handle.read()), locale=lang, abort_invalid=False)


def plural_messages(root: Path) -> list[Message]:
    """The plural messages of the template, in its order."""
    return [message for message in _read(root / POT) if message.id and message.pluralizable]


def _translated(catalog: Catalog | None, message: Message) -> bool:
    """Whether the site uses the catalog's text for this message (not fuzzy, every form filled)."""
    if catalog is None:
        return True  # English: the msgid is its own translation
    found = catalog.get(message.id, message.context)
    return bool(found and not found.fuzzy and isinstance(found.string, tuple) and all(found.string))


def formatted(text: str, n: int) -> str:
    """The text with its number in, as Jinja's ngettext fills it (other placeholders as `{name}`)."""
    try:
        return text % _Others({COUNT: n})
    except (ValueError, TypeError) as exc:  # `check` refuses such a msgstr; show it, don't fail
        return f"{text}  (cannot be formatted: {exc})"


def render_samples(root: Path, lang: str) -> str:
    """The fixture text for one language: every plural message at SAMPLE_NUMBERS."""
    path = catalog_path(root, lang)
    if lang == MESSAGES_LANGUAGE or not path.is_file():
        translations, catalog, header, source = NullTranslations(), None, expected_plural_forms(lang), POT + " (the msgids)"
    else:
        translations, catalog = load_translations(root, lang), _read(path, lang)
        header, source = catalog.plural_forms, path.relative_to(root).as_posix()
    # gettext picks with the msgids' English rule when a message is not translated
    rule = parse_rule(header)
    english = parse_rule(expected_plural_forms(MESSAGES_LANGUAGE))
    lines = [
        f"# Every plural message of {source}, as the site renders it at n = {', '.join(map(str, SAMPLE_NUMBERS))}.",
        f"# Plural-Forms: {header}",
        "# [k]: the msgstr[k] that the rule picks; [en k]: not translated, the English msgid is shown.",
        "# Regenerate after changing a plural msgstr: make plurals",
    ]
    for message in plural_messages(root):
        singular, plural = message.id[0], message.id[1]
        context = f"msgctxt {message.context!r} " if message.context else ""
        lines += ["", f"{context}msgid {singular!r} / {plural!r}"]
        translated = _translated(catalog, message)
        for n in SAMPLE_NUMBERS:
            if message.context:
                text = translations.npgettext(message.context, singular, plural, n)
            else:
                text = translations.ngettext(singular, plural, n)
            form = f"[{rule.pick(n)}]" if translated else f"[en {english.pick(n)}]"
            lines.append(f"  {n:>3}  {form:<6} {formatted(text, n)}")
    return "\n".join(lines) + "\n"
