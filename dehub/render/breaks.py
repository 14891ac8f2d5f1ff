"""Allowed line breaks in names and titles: a `<wbr>` after every slash (issue 27).

"Mannheim/Ludwigshafen" has no space, so a narrow card breaks it wherever the box ends
("Mannheim/Ludwigshafe" / "n"); after the slash is where a reader expects the break. The text
is escaped first; the result is markup for element content only (never for an attribute).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

SLASHES = re.compile(r"([/\uff0f])(?=[^\s/\uff0f])")  # "/" and the full-width "／" of Chinese and Japanese names


def breakable(text: object) -> Markup:
    """`text`, escaped, with `<wbr>` after each slash that a character follows."""
    return Markup(SLASHES.sub(r"\1<wbr>", str(escape(text))))  # noqa: S704 - escaped first; only <wbr> is added
