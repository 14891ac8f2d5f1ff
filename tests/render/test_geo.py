"""The map projection (dehub/render/geo.py) against the generated outline (theme/assets/map/germany.svg)."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from dehub.render import geo

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "theme" / "assets" / "map" / "germany.svg"
SVG_NS = "{http://www.w3.org/2000/svg}"

# The 16 cities of seeds/hub-facts.md (city centres, WGS84).
CITIES: dict[str, tuple[float, float]] = {
    "Berlin": (52.520, 13.405),
    "Darmstadt": (49.873, 8.651),
    "Dortmund": (51.514, 7.468),
    "Dresden": (51.050, 13.737),
    "Erlangen": (49.598, 11.004),
    "Frankfurt am Main": (50.110, 8.682),
    "Hamburg": (53.551, 9.993),
    "Karlsruhe": (49.007, 8.404),
    "Köln": (50.938, 6.960),
    "Leipzig": (51.340, 12.375),
    "Ludwigshafen am Rhein": (49.477, 8.445),
    "Mannheim": (49.488, 8.466),
    "München": (48.137, 11.575),
    "Nürnberg": (49.452, 11.077),
    "Potsdam": (52.391, 13.064),
    "Stuttgart": (48.776, 9.183),
}

Point = tuple[float, float]


def _viewbox() -> tuple[float, float, float, float]:
    min_x, min_y, width, height = (float(v) for v in geo.VIEWBOX.split())
    return min_x, min_y, width, height


def _rings() -> list[list[Point]]:
    """Parse the outline's path: absolute ``M x,y x,y ... Z`` subpaths (what make_map.mjs writes)."""
    root = ElementTree.parse(SVG).getroot()  # noqa: S314 - our own generated file
    paths = root.findall(f"{SVG_NS}path")
    assert len(paths) == 1
    d = paths[0].get("d", "")
    assert re.fullmatch(r"(M[-0-9., ]+Z)+", d), "unexpected path syntax; update the test helper"
    rings = []
    for sub in re.findall(r"M([^MZ]+)Z", d):
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", sub)]
        rings.append(list(zip(nums[0::2], nums[1::2], strict=True)))
    return rings


def _inside(point: Point, rings: list[list[Point]]) -> bool:
    """Even-odd point-in-polygon over all rings (the path uses fill-rule="evenodd")."""
    x, y = point
    inside = False
    for ring in rings:
        n = len(ring)
        for i in range(n):
            x1, y1 = ring[i]
            x2, y2 = ring[(i + 1) % n]
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
    return inside


def test_svg_matches_params() -> None:
    root = ElementTree.parse(SVG).getroot()  # noqa: S314 - our own generated file
    assert root.get("viewBox") == geo.VIEWBOX
    assert root.get("width") is None and root.get("height") is None
    assert root.find(f"{SVG_NS}title") is not None
    assert root.find(f"{SVG_NS}path").get("class") == "dehub-map-land"
    assert SVG.stat().st_size < 20_000


def test_berlin_right_of_and_above_koeln() -> None:
    bx, by = geo.project(*CITIES["Berlin"])
    kx, ky = geo.project(*CITIES["Köln"])
    assert bx > kx
    assert by < ky  # SVG y grows downwards


def test_muenchen_in_lower_part() -> None:
    _, min_y, _, height = _viewbox()
    _, y = geo.project(*CITIES["München"])
    assert y > min_y + 0.75 * height


def test_rounded_to_one_decimal() -> None:
    for lat, lon in CITIES.values():
        for v in geo.project(lat, lon):
            assert round(v, 1) == v


@pytest.mark.parametrize("city", sorted(CITIES))
def test_city_inside_viewbox(city: str) -> None:
    min_x, min_y, width, height = _viewbox()
    x, y = geo.project(*CITIES[city])
    assert min_x < x < min_x + width
    assert min_y < y < min_y + height


@pytest.mark.parametrize("city", ["Dortmund", "Hamburg", "München", "Dresden"])
def test_marker_inside_outline(city: str) -> None:
    assert _inside(geo.project(*CITIES[city]), _rings())


def test_points_abroad_outside_outline() -> None:
    rings = _rings()
    for lat, lon in [(48.857, 2.352), (50.088, 14.421), (47.377, 8.541), (52.370, 4.895)]:  # Paris, Prag, Zürich, Amsterdam
        assert not _inside(geo.project(lat, lon), rings)


def absolute_points(d: str) -> list[tuple[str, int, int] | str]:
    """The polygons of a path with M, L/l and Z/z, as absolute points in tenths."""
    points: list[tuple[str, int, int] | str] = []
    x = y = 0
    command = ""
    for item in re.findall(r"[MLlZz]|-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?", d):
        if item in "MLlZz":
            if item in "Zz":
                points.append("Z")
            command = item
            continue
        a, b = (round(float(v) * 10) for v in item.split(","))
        if command == "M":
            x, y = a, b
            points.append(("M", x, y))
            command = "L" if d.find("l") == -1 else "l"
            continue
        x, y = (x + a, y + b) if command == "l" else (a, b)
        points.append(("L", x, y))
    return points


def test_the_inlined_outline_is_the_committed_one_in_relative_steps() -> None:
    committed = re.search(r'<path[^>]*\sd="([^"]+)"', SVG.read_text(encoding="utf-8")).group(1)
    inlined = geo.outline_path()
    assert len(inlined) < 0.8 * len(committed)
    assert absolute_points(inlined) == absolute_points(committed)


def test_compact_path_leaves_what_it_cannot_convert_exactly() -> None:
    assert geo.compact_path("M1,2 3,4Z") == "M1,2l2,2z"
    assert geo.compact_path("M1.25,2 3,4Z") == "M1.25,2 3,4Z"  # finer than tenths
    assert geo.compact_path("M1,2 C3,4 5,6 7,8Z") == "M1,2 C3,4 5,6 7,8Z"  # a curve
