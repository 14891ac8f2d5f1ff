"""Map labels (dehub/render/labels.py, issue 27): clear of every marker and of each other, in
every language's names, at a size that is >= 12 CSS px on the narrowest map. The browser gate
(tests/browser/layout.py) measures the real glyphs; these tests pin the placement itself."""

from __future__ import annotations

import re

import pytest

from dehub.render import labels
from dehub.render.geo import HEIGHT, WIDTH, place_markers
from tests.render.test_pages import pages_of, shipped  # noqa: F401 - the fixture


def test_a_label_box_never_covers_a_marker_or_another_label() -> None:
    spots = place_markers([(52.520, 13.405), (52.391, 13.064), (49.488, 8.466), (49.477, 8.445), (49.007, 8.404)])
    texts = ["Berlin", "Potsdam", "Mannheim", "Ludwigshafen am Rhein", "Karlsruhe"]
    size = labels.font_size(WIDTH)
    placed = labels.place(spots, texts, size, labels.Box(0, 0, WIDTH, HEIGHT))
    discs = [labels.Box(x - labels.MARKER_R, y - labels.MARKER_R, x + labels.MARKER_R, y + labels.MARKER_R) for x, y in spots]
    for i, label in enumerate(placed):
        assert not any(label.box.hits(disc, pad=0) for disc in discs), texts[i]
        assert not any(label.box.hits(other.box, pad=0) for other in placed[i + 1 :]), texts[i]


def test_a_long_name_goes_on_two_lines_at_a_space_or_middle_dot() -> None:
    assert labels.lines_of("Ludwigshafen am Rhein") == ["Ludwigshafen ", "am Rhein"]
    assert labels.lines_of("ルートヴィヒスハーフェン・アム・ライン") == ["ルートヴィヒスハーフェン・", "アム・ライン"]
    assert labels.lines_of("Berlin") == ["Berlin"]


def test_the_size_makes_a_label_12_px_on_the_narrowest_map() -> None:
    for width in (611, 700, 900):
        assert labels.font_size(width) * labels.MIN_MAP_PX / width >= 12


@pytest.mark.parametrize("lang", ["de", "ja", "ar", "zh"])
def test_the_overview_map_is_labelled_in_every_language(shipped, lang: str) -> None:  # noqa: F811
    html = pages_of(shipped, lang)["hubs"].html
    svg = re.search(r'<svg viewBox="([-\d. ]+)" font-size="(\d+)"', html)
    assert svg, html[:500]
    width = float(svg.group(1).split()[2])
    assert int(svg.group(2)) * labels.MIN_MAP_PX / width >= 12
    assert html.count('class="dehub-map-label"') == 16
