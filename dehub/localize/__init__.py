"""Localize: one language's view.

In: the Config (languages, fallbacks) and translations/. Out: a `Localizer` per language
(compiled catalog, CLDR formatting, focus labels), THE fallback rule (`fallback`: which
language's text a page shows, and its notice), and the message template (`pot`).
"""
