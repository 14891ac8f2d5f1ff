"""Hub logos: only harmless SVG, real PNG/WebP; shown with their size reserved."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dehub.validate.logos import LogoError, check_svg, raster_size
from tests.conftest import make_repo, run_build_py

GOOD_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><title>Logo</title><rect width="200" height="100" fill="#0b3b74"/></svg>'
)


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("svg", "reason"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>', "<script> is not allowed"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>', "'onload' is not allowed"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><foreignObject/></svg>', "<foreignobject> is not allowed"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" viewBox="0 0 1 1"><linearGradient x:href="https://evil.test/a.svg#x"/></svg>',
            "only reference their own",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect fill="url(https://evil.test/p)"/></svg>', "external resources"),
        ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "DOCTYPE or ENTITY"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect style="fill:red"/></svg>', "'style' is not allowed"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "need a viewBox"),
        ("<html><script>alert(1)</script></html>", "not <svg>"),
    ],
)
def test_unsafe_svg_is_rejected_with_a_reason(svg: str, reason: str) -> None:
    with pytest.raises(LogoError, match=reason.replace("(", r"\(")):
        check_svg(svg.encode())


def test_safe_svg_passes_and_reports_its_proportions() -> None:
    assert check_svg(GOOD_SVG.encode()) == (200.0, 100.0)


def test_raster_sizes_come_from_the_file_not_its_name() -> None:
    assert raster_size(png(30, 20)) == (30, 20)
    body = b"WEBPVP8X" + b"\x00" * 8 + (99).to_bytes(3, "little") + (49).to_bytes(3, "little")
    webp_vp8x = b"RIFF" + len(body).to_bytes(4, "little") + body  # the RIFF size counts what follows it
    assert raster_size(webp_vp8x) == (100, 50)
    with pytest.raises(LogoError, match="truncated"):
        raster_size(webp_vp8x[:-1])
    with pytest.raises(LogoError, match="not a PNG or WebP"):
        raster_size(b"GIF89a....")


def test_a_logo_is_published_with_its_size_and_alt_text(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    folder = repo / "hubs" / "dortmund"
    (folder / "logo.svg").write_text(GOOD_SVG, encoding="utf-8")
    (folder / "hub.yml").write_text((folder / "hub.yml").read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_build_py("build", "--lang", "en", "--out", str(out), root=repo)
    assert result.returncode == 0, result.stderr
    page = out / "en" / "hubs" / "dortmund"
    img = BeautifulSoup((page / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("img.dehub-logo")
    assert img["src"] == "logo.svg" and (page / "logo.svg").read_text(encoding="utf-8") == GOOD_SVG
    assert (img["width"], img["height"]) == ("128", "64")
    assert "Dortmund" in img["alt"]


def test_check_reports_a_rejected_logo_at_its_file(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    folder = repo / "hubs" / "hamburg"
    (folder / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>', encoding="utf-8")
    (folder / "hub.yml").write_text((folder / "hub.yml").read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    (repo / "hubs" / "dortmund" / "logo.png").write_bytes(b"not a png")
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert "hubs/hamburg/logo.svg:1: error: logo rejected: SVG attribute 'onload' is not allowed in a logo" in result.stderr
    assert "hubs/dortmund/logo.png:1: error: logo rejected: the file is not a PNG or WebP image" in result.stderr


def test_a_logo_symlink_leading_outside_is_rejected(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    secret = tmp_path / "secret.svg"
    secret.write_text(GOOD_SVG, encoding="utf-8")
    (repo / "hubs" / "dortmund" / "logo.svg").symlink_to(secret)
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert "logo file 'logo.svg' is missing from hubs/dortmund/ (or is a symlink)" in result.stderr
