"""Hub logos: a strict check of SVG, PNG and WebP files, and their display size.

An SVG opened directly runs its scripts with the site's origin, so an SVG logo must
consist only of drawing elements: no script, event handlers, foreignObject, external
references, entities or styles with URLs. Anything else is rejected, not repaired.

A logo also costs nothing to draw: `<use>` is refused (ten nested `<use>` of ten copies each
are 10^10 elements from 2 KB: the page never finishes loading), and a logo has at most
MAX_ELEMENTS elements nested at most MAX_DEPTH deep, so what Chromium renders is what the file
holds. tests/browser/test_logo_budget.py counts the rendered elements of the largest accepted logo.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 512 * 1024
DISPLAY_HEIGHT = 64
SVG_NS = "{http://www.w3.org/2000/svg}"
SVG_ELEMENTS = {
    "svg",
    "g",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "title",
    "desc",
    "defs",
    "lineargradient",
    "radialgradient",
    "stop",
    "clippath",
    "mask",
    "text",
    "tspan",
}
MAX_ELEMENTS = 4000  # a detailed logo has a few hundred; the rendered tree is the file's (no <use>)
MAX_DEPTH = 24
SVG_ATTRIBUTES = {
    "viewbox",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "d",
    "points",
    "fill",
    "fill-rule",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-opacity",
    "opacity",
    "transform",
    "id",
    "class",
    "offset",
    "stop-color",
    "stop-opacity",
    "gradientunits",
    "gradienttransform",
    "clip-path",
    "clip-rule",
    "mask",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "dominant-baseline",
    "letter-spacing",
    "href",
    "preserveaspectratio",
    "version",
    "role",
    "aria-label",
    "aria-hidden",
    "lang",
    "xml:space",
}
URL_REF = re.compile(r"url\(\s*['\"]?(?!#)", re.I)


@dataclass(frozen=True)
class Logo:
    file: str
    width: int
    height: int


class LogoError(ValueError):
    pass


def _local(name: str) -> str:
    name = name.split("}")[-1] if name.startswith("{") else name
    return name.lower()


def check_svg(data: bytes) -> tuple[float, float]:
    """Width and height of a harmless SVG; LogoError for anything that could run or load."""
    text = data.decode("utf-8", errors="strict")
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.I):
        raise LogoError("SVG logos may not contain DOCTYPE or ENTITY declarations")
    if "<?xml-stylesheet" in text:
        raise LogoError("SVG logos may not load style sheets")
    try:
        root = ET.fromstring(text)  # noqa: S314 - DOCTYPE/ENTITY refused above
    except ET.ParseError as exc:
        raise LogoError(f"SVG is not well-formed XML ({exc})") from None
    if _local(root.tag) != "svg":
        raise LogoError("the file's root element is not <svg>")
    _bounded(root)
    for element in root.iter():
        tag = _local(element.tag)
        if tag in {"use", "symbol"}:
            raise LogoError(
                f"SVG element <{tag}> is not allowed in a logo: copies of copies multiply what the browser draws; draw each shape once"
            )
        if tag not in SVG_ELEMENTS:
            raise LogoError(f"SVG element <{tag}> is not allowed in a logo (only shapes, text and gradients)")
        for name, value in element.attrib.items():
            attribute = _local(name) if not name.startswith("{http://www.w3.org/XML") else "xml:" + _local(name)
            if attribute.startswith("on") or attribute not in SVG_ATTRIBUTES:
                raise LogoError(f"SVG attribute {attribute!r} is not allowed in a logo")
            if attribute == "href" and not value.startswith("#"):
                raise LogoError('SVG logos may only reference their own elements (href="#...")')
            if "\\" in value:  # CSS escapes: u\\72l( is url(, e\\78pression( is expression(
                raise LogoError(f"SVG attribute {attribute!r} may not contain a backslash (CSS escapes hide what it loads)")
            if URL_REF.search(value):
                raise LogoError("SVG logos may not reference external resources")
        if element.text and "\\" in element.text and tag == "style":
            raise LogoError("SVG styles may not contain a backslash")
    view_box = root.attrib.get("viewBox", "").replace(",", " ").split()
    if "viewBox" in root.attrib:
        if len(view_box) != 4:
            raise LogoError(f"viewBox {root.attrib['viewBox'][:40]!r} needs four numbers: min-x min-y width height")
        numbers = [_number(part, "viewBox") for part in view_box]
        return _size(numbers[2], numbers[3])
    try:
        return _size(_number(root.attrib["width"].removesuffix("px"), "width"), _number(root.attrib["height"].removesuffix("px"), "height"))
    except KeyError:
        raise LogoError("SVG logos need a viewBox (or width and height) so the page can reserve space") from None


def _bounded(root: ET.Element) -> None:
    """At most MAX_ELEMENTS elements, at most MAX_DEPTH deep (one walk, no recursion)."""
    count, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        count += 1
        if count > MAX_ELEMENTS:
            raise LogoError(f"SVG has more than {MAX_ELEMENTS} elements; simplify the logo (e.g. merge paths)")
        if depth > MAX_DEPTH:
            raise LogoError(f"SVG elements are nested more than {MAX_DEPTH} deep; flatten the groups")
        stack.extend((child, depth + 1) for child in element)


NUMBER = re.compile(r"[+-]?(?:\d{1,7}(?:\.\d{0,6})?|\.\d{1,6})")
MAX_SIDE = 10_000  # pixels (raster) or user units (SVG): a logo, not a poster; 4e9 would not render
MAX_RATIO = 20


def _number(text: str, what: str) -> float:
    """A plain decimal number: no nan, inf, exponents or text."""
    if not NUMBER.fullmatch(text.strip()):
        raise LogoError(f"{what} {text[:30]!r} is not a plain number (like 0, 120 or 40.5)")
    return float(text)


def _size(width: float, height: float) -> tuple[float, float]:
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise LogoError(f"logo size {width:g} x {height:g} is outside 1 to {MAX_SIDE}")
    if max(width / height, height / width) > MAX_RATIO:
        raise LogoError(f"logo is more than {MAX_RATIO} times wider than high (or higher than wide)")
    return width, height


def _png_complete(data: bytes) -> None:
    """Every chunk inside the file with a correct CRC, ending in IEND (a truncated PNG is refused)."""
    position = 8
    while position + 12 <= len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        kind = data[position + 4 : position + 8]
        end = position + 12 + length
        if end > len(data):
            break
        if zlib.crc32(data[position + 4 : end - 4]) != int.from_bytes(data[end - 4 : end], "big"):
            raise LogoError(f"PNG chunk {kind.decode('latin-1')!r} is damaged (wrong checksum)")
        if kind == b"IEND":
            return
        position = end
    raise LogoError("PNG is truncated (no IEND chunk); export it again")


def raster_size(data: bytes) -> tuple[int, int]:
    width, height = _raster_size(data)
    _size(width, height)
    return width, height


def _raster_size(data: bytes) -> tuple[int, int]:
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 33:
        _png_complete(data)
        return struct.unpack(">II", data[16:24])
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        if len(data) < 30 or int.from_bytes(data[4:8], "little") + 8 != len(data):
            raise LogoError("WebP is truncated (its RIFF size does not match the file); export it again")
        chunk = data[12:16]
        if chunk == b"VP8X":
            return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(data[27:30], "little")
        if chunk == b"VP8 ":
            width, height = struct.unpack("<HH", data[26:30])
            return width & 0x3FFF, height & 0x3FFF
        if chunk == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    raise LogoError("the file is not a PNG or WebP image (its content does not match its name)")


def read_logo(file: Path) -> Logo:
    """The logo's display size at DISPLAY_HEIGHT, or LogoError with a reason for the hub team."""
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise LogoError(f"logo is {size // 1024} KiB; the limit is {MAX_BYTES // 1024} KiB")
    data = file.read_bytes()
    try:
        width, height = check_svg(data) if file.suffix == ".svg" else raster_size(data)
    except LogoError:
        raise
    except (ValueError, struct.error) as exc:  # e.g. an SVG that is not UTF-8: a reason, never a traceback
        raise LogoError(f"cannot be read ({type(exc).__name__})") from None
    if width <= 0 or height <= 0:
        raise LogoError("logo has no size")
    return Logo(file.name, max(1, round(DISPLAY_HEIGHT * width / height)), DISPLAY_HEIGHT)
