"""Catalog text in templates: a translator's msgstr is untrusted text, never markup.

Threat: a msgstr with a quote ends an attribute (`aria-label="{{ _('...') }}"`) and adds an
event handler; one with `<img onerror=...>` adds an element. Jinja's newstyle gettext marks the
translation safe (`Markup(msgstr)`) in an autoescaped environment, and MkDocs' environment (the
theme's templates) does not autoescape at all. The callables installed here escape the
translation first and hand Jinja `Markup` of the *escaped* text, so the result is safe in text
and in quoted attributes, in both environments; Jinja's `%`-formatting then runs on `Markup`,
which escapes every variable as well. A string that really needs markup gets it from the
template, through a named placeholder whose value the template builds from validated data.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def escaping_callables(translations: Any) -> dict[str, Any]:
    """gettext, ngettext, pgettext, npgettext that return escaped Markup of the translation."""

    def gettext(message: str) -> Markup:
        return escape(translations.gettext(message))

    def ngettext(singular: str, plural: str, count: int) -> Markup:
        return escape(translations.ngettext(singular, plural, count))

    def pgettext(context: str, message: str) -> Markup:
        return escape(translations.pgettext(context, message))

    def npgettext(context: str, singular: str, plural: str, count: int) -> Markup:
        return escape(translations.npgettext(context, singular, plural, count))

    return {"gettext": gettext, "ngettext": ngettext, "pgettext": pgettext, "npgettext": npgettext}


def install(env: Any, translations: Any) -> None:
    """Install the escaping callables (newstyle: `_('Hello %(name)s', name=...)`) into `env`."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(newstyle=True, **escaping_callables(translations))
