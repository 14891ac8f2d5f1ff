"""Map labels that neither overlap each other nor cover a marker (issue 27).

The labels are SVG text in the map's user units, so they scale with the map and the placement
found here holds at every width. Their size is chosen so that a label is at least 12 CSS px at
the narrowest map the layout shows (MIN_MAP_PX, the content width at a 390 px screen).

Placement is greedy, most crowded marker first: each label tries positions beside its marker
(right, left, above, below), then further out along eight directions with a leader line back
to the marker, and takes the first whose box (text width estimated per script, with a margin)
stays clear of every marker and every label already placed. Labels may leave the outline of
Germany; the caller widens the viewBox to hold them (`extent`).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Final

MIN_MAP_PX: Final = 340.0  # narrowest rendered map (390 px screen minus Material's margins), CSS px
MIN_LABEL_PX: Final = 12.5  # a little over the 12 px the layout gate asks for
MARKER_R: Final = 8.0
GAP: Final = 5.0  # between a marker and its label, user units
PAD: Final = 3.0  # clearance kept around every box
ASCENT: Final = 1.1  # the box a browser gives SVG text: the font's ascent and descent, in em (Noto Sans CJK: 1.16 / 0.29)
DESCENT: Final = 0.32
ARABIC_ASCENT: Final = 1.25  # Noto Sans / Naskh Arabic reach further above and below
ARABIC_DESCENT: Final = 0.65


def metrics(text: str) -> tuple[float, float]:
    """Ascent and descent (em) of the box a browser draws around `text`."""
    if any("\u0600" <= char <= "\u06ff" for char in text):
        return ARABIC_ASCENT, ARABIC_DESCENT
    return ASCENT, DESCENT


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def hits(self, other: Box, pad: float = PAD) -> bool:
        return self.x0 < other.x1 + pad and other.x0 < self.x1 + pad and self.y0 < other.y1 + pad and other.y0 < self.y1 + pad


@dataclass(frozen=True)
class Label:
    x: float  # text anchor point
    y: float  # baseline
    anchor: str  # "start", "middle" or "end"
    box: Box
    leader: tuple[float, float, float, float] | None  # x1 y1 x2 y2, from the marker's edge
    lines: tuple[str, ...] = ()


def em_width(text: str) -> float:
    """The text's width in em, generously estimated (wide scripts count 1 em a character)."""
    width = 0.0
    for char in text:
        if unicodedata.east_asian_width(char) in {"W", "F"}:
            width += 1.05
        elif "\u0600" <= char <= "\u06ff":
            width += 0.66
        elif char == " ":
            width += 0.3
        elif char.isupper():
            width += 0.72
        else:
            width += 0.6
    return width * 1.08 + 0.2


def font_size(view_width: float) -> float:
    """User units per em so that a label is MIN_LABEL_PX at the narrowest map."""
    return math.ceil(MIN_LABEL_PX * view_width / MIN_MAP_PX)


LINE: Final = 1.2  # line height of a two-line label, em
WRAP_EM: Final = 6.5  # a longer name goes on two lines, at the space or "・" nearest its middle


def lines_of(text: str) -> list[str]:
    """The label's lines: one, or two for a long name that has a space or "・" to break at."""
    if em_width(text) <= WRAP_EM:
        return [text]
    cuts = [i for i, char in enumerate(text) if char in " \u30fb\u00b7"]
    if not cuts:
        return [text]
    cut = min(cuts, key=lambda i: abs(em_width(text[:i]) - em_width(text[i + 1 :])))
    # The space or dot stays at the end of the first line: the label's text (what a screen
    # reader and axe compare with the link's name) is still the whole name.
    return [text[: cut + 1], text[cut + 1 :]]


def _box(x: float, y: float, anchor: str, width: float, size: float, count: int, ascent: float = ASCENT, descent: float = DESCENT) -> Box:
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return Box(left, y - ascent * size, left + width, y + ((count - 1) * LINE + descent) * size)


def _candidates(mx: float, my: float, size: float, count: int, ascent: float = ASCENT, descent: float = DESCENT):
    near = MARKER_R + GAP
    extra = (count - 1) * LINE * size  # the height the further lines add below the first baseline
    mid = my + 0.35 * size - extra / 2  # first baseline that centres the label on the marker
    above = lambda bottom: bottom - descent * size - extra  # noqa: E731 - first baseline of a label ending at `bottom`
    yield mx + near, mid, "start", None
    yield mx - near, mid, "end", None
    yield mx, above(my - near), "middle", None
    yield mx, my + near + ascent * size, "middle", None
    for step in (1.6, 2.4, 3.4, 4.6, 6.0, 8.0):
        reach = near + step * size
        for angle in (0, 180, 315, 45, 225, 135, 270, 90, 340, 200, 20, 160):
            dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            ex, ey = mx + dx * reach, my + dy * reach
            anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
            base = ey + 0.35 * size - extra / 2 if anchor != "middle" else above(ey) if dy < 0 else ey + ascent * size
            yield ex + (GAP if anchor == "start" else -GAP if anchor == "end" else 0), base, anchor, (dx, dy, ex, ey)


def place(markers: list[tuple[float, float]], texts: list[str], size: float, bounds: Box | None = None) -> list[Label]:
    """One label per marker, in the markers' order. Positions inside `bounds` (the outline's
    box) are preferred, so that the map does not have to grow and shrink its labels."""
    discs = [Box(x - MARKER_R, y - MARKER_R, x + MARKER_R, y + MARKER_R) for x, y in markers]

    def crowd(index: int) -> tuple[int, int]:
        x, y = markers[index]
        return (-sum(1 for ox, oy in markers if math.hypot(ox - x, oy - y) < 8 * size), index)

    def inside(box: Box) -> bool:
        return bounds is None or (box.x0 >= bounds.x0 and box.x1 <= bounds.x1 and box.y0 >= bounds.y0 and box.y1 <= bounds.y1)

    placed: dict[int, Label] = {}
    boxes: list[Box] = []
    for index in sorted(range(len(markers)), key=crowd):
        mx, my = markers[index]
        lines = lines_of(texts[index])
        width = max(em_width(line) for line in lines) * size
        free = []
        ascent, descent = metrics(texts[index])
        for x, y, anchor, leader in _candidates(mx, my, size, len(lines), ascent, descent):
            box = _box(x, y, anchor, width, size, len(lines), ascent, descent)
            if any(box.hits(d) for d in discs) or any(box.hits(b) for b in boxes):
                continue
            free.append((x, y, anchor, leader, box))
            if inside(box):
                break
        if free:
            x, y, anchor, leader, box = next((f for f in free if inside(f[4])), free[0])
        else:  # nowhere free: right of the marker (the layout gate will say so)
            x, y, anchor, leader = mx + MARKER_R + GAP, my + 0.35 * size, "start", None
            box = _box(x, y, anchor, width, size, len(lines), ascent, descent)
        line = None
        if leader is not None:
            dx, dy, ex, ey = leader
            line = (round(mx + dx * MARKER_R, 1), round(my + dy * MARKER_R, 1), round(ex, 1), round(ey, 1))
        placed[index] = Label(round(x, 1), round(y, 1), anchor, box, line, tuple(lines))
        boxes.append(box)
    return [placed[i] for i in range(len(markers))]


def extent(labels: list[Label], width: float, height: float, margin: float = 6.0) -> tuple[float, float, float, float]:
    """The viewBox (x, y, w, h) that holds the outline (0 0 width height) and every label."""
    x0 = min([0.0, *(label.box.x0 - margin for label in labels)])
    y0 = min([0.0, *(label.box.y0 - margin for label in labels)])
    x1 = max([width, *(label.box.x1 + margin for label in labels)])
    y1 = max([height, *(label.box.y1 + margin for label in labels)])
    return (math.floor(x0), math.floor(y0), math.ceil(x1 - math.floor(x0)), math.ceil(y1 - math.floor(y0)))
