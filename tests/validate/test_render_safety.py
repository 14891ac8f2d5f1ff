"""Input `check` accepts is input the build can render (issue 16, class 6): invisible
characters, dates out of range, logos with impossible sizes and broken images are refused by
`check` with a position; each accepted hostile fixture also builds."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from dehub.validate.logos import LogoError, check_svg, raster_size
from tests.conftest import make_repo, run_build_py

INVISIBLE = {
    "hub name, YAML-escaped NUL": ("hubs/hamburg/hub.yml", "  en:", '  en: "Ham\\0burg"', "invisible control character U+0000"),
    "hub name, vertical tab": ("hubs/hamburg/hub.yml", "  en:", '  en: "Ham\\vburg"', "U+000B"),
    "hub name, RLO raw": ("hubs/hamburg/hub.yml", "  en:", "  en: Ham\u202eburg", "bidirectional control U+202E"),
    "event title, isolate": (
        "hubs/hamburg/hub.yml",
        None,
        'events:\n  - title: "A\\u2066B"\n    start: 2027-05-01\n    city: Hamburg\n',
        "U+2066",
    ),
    "page title": ("content/en/payload.md", None, '---\ntitle: "Pay\\u202eload"\n---\n\nText.\n', "U+202E"),
    "prose body": ("content/en/payload.md", None, "---\ntitle: Payload\n---\n\nText \u2067hidden\u2069 here.\n", "U+2067"),
}


def _change(repo: Path, where: str, old: str | None, new: str) -> None:
    target = repo / where
    target.parent.mkdir(parents=True, exist_ok=True)
    if old is None:
        target.write_text((target.read_text(encoding="utf-8") if where.endswith("hub.yml") else "") + new, encoding="utf-8")
    else:
        lines = target.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.startswith(old))
        lines[index] = new.replace("\nx_name:", "")
        target.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("case", INVISIBLE)
def test_invisible_characters_are_refused_at_their_position(tmp_path: Path, case: str) -> None:
    repo = make_repo(tmp_path)
    where, old, new, expected = INVISIBLE[case]
    _change(repo, where, old, new)
    result = run_build_py("check", root=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = next(line for line in result.stderr.splitlines() if line.startswith(where))
    assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit() and expected in line, result.stderr


def test_an_invisible_character_in_a_msgstr_is_refused_at_its_column(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    path = repo / "translations" / "de" / "LC_MESSAGES" / "messages.po"
    text = path.read_text(encoding="utf-8").replace('msgstr "Rechtliche Hinweise"', 'msgstr "Rechtliche \u202eHinweise"')
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index('msgstr "Rechtliche \u202eHinweise"') + 1
    result = run_build_py("check", root=repo)
    assert f"messages.po:{line}:20: error: invisible bidirectional control U+202E" in result.stderr, result.stderr


@pytest.mark.parametrize("value", ["9999-12-31", "9999-12-31T23:59", "0001-01-01", "2100-01-01"])
def test_dates_out_of_range_are_refused(tmp_path: Path, value: str) -> None:
    repo = make_repo(tmp_path)
    _change(repo, "hubs/hamburg/hub.yml", None, f"events:\n  - title: Far\n    start: {value}\n    city: Hamburg\n")
    (repo / "content" / "en" / "news").mkdir(parents=True)
    (repo / "content" / "en" / "news" / f"{value[:10]}-far.md").write_text(
        f"---\ntitle: Far\ndate: {value[:10]}\nsummary: Far away.\n---\n\nText.\n", encoding="utf-8"
    )
    result = run_build_py("check", root=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is outside 2000 to 2099" in result.stderr and "hubs/hamburg/hub.yml:" in result.stderr
    assert f"content/en/news/{value[:10]}-far.md:3:7: error: 'date'" in result.stderr, result.stderr


SVG = '<svg xmlns="http://www.w3.org/2000/svg" {}><rect width="10" height="10"/></svg>'


@pytest.mark.parametrize(
    "attributes",
    [
        'viewBox="0 0 nan 10"',
        'viewBox="0 0 1e999 10"',
        'viewBox="0 0 wide high"',
        'viewBox="0 0 10"',
        'width="inf" height="10"',
        'viewBox="0 0 5000000000 10"',
        'viewBox="0 0 1000 1"',
    ],
)
def test_svg_sizes_that_cannot_render_are_refused(attributes: str) -> None:
    with pytest.raises(LogoError):
        check_svg(SVG.format(attributes).encode())


@pytest.mark.parametrize("fill", ["u\\72l(https://evil.example/x)", "\\75rl(#a)", "red\\;"])
def test_css_escapes_in_svg_attributes_are_refused(fill: str) -> None:
    with pytest.raises(LogoError, match="backslash"):
        check_svg(SVG.format(f'viewBox="0 0 10 10" fill="{fill}"').encode())


def png(width: int, height: int, *, truncate: int = 0) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")
    return data[: len(data) - truncate] if truncate else data


def webp(size_field_delta: int = 0) -> bytes:
    body = b"WEBP" + b"VP8L" + struct.pack("<I", 11) + b"\x2f" + (9 | (9 << 14)).to_bytes(4, "little") + b"\0" * 7
    return b"RIFF" + struct.pack("<I", len(body) + size_field_delta) + body


@pytest.mark.parametrize(
    "data",
    [
        png(4_000_000_000, 10),
        png(10, 10, truncate=12),
        png(10, 10)[:20],
        png(100, 100, truncate=1),
        webp(40),
        webp(-2),
        b"\x89PNG\r\n\x1a\n",
    ],
)
def test_broken_or_huge_images_are_refused(data: bytes) -> None:
    with pytest.raises(LogoError):
        raster_size(data)


def test_good_images_pass() -> None:
    assert raster_size(png(120, 40)) == (120, 40)
    assert raster_size(webp()) == (10, 10)


@pytest.mark.parametrize("name", ["logo.png", "logo.webp", "logo.svg"])
def test_a_broken_logo_is_a_check_error_and_never_a_traceback(tmp_path: Path, name: str) -> None:
    repo = make_repo(tmp_path)
    data = {"logo.png": png(4_000_000_000, 1), "logo.webp": webp(7), "logo.svg": SVG.format('viewBox="0 0 nan nan"').encode()}[name]
    (repo / "hubs" / "hamburg" / name).write_bytes(data)
    _change(repo, "hubs/hamburg/hub.yml", None, f"logo: {name}\n")
    for command in ("check", "build"):
        result = run_build_py(command, root=repo) if command == "check" else run_build_py(command, "--out", str(tmp_path / "s"), root=repo)
        assert result.returncode == 1 and "Traceback" not in result.stderr and "ValueError" not in result.stderr
        assert f"hubs/hamburg/{name}:1: error: logo rejected" in result.stderr, result.stderr


def test_former_slugs_may_not_name_the_sites_sections(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _change(repo, "hubs/hamburg/hub.yml", None, "former_slugs: [focus, state, old-hamburg]\n")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert result.stderr.count("is one of the site's own page or file names") == 2, result.stderr


def test_accepted_hostile_fixtures_build(tmp_path: Path) -> None:
    """Everything hostile that check accepts (quotes, LRM marks, edge dates and sizes) builds."""
    repo = make_repo(tmp_path)
    _change(
        repo,
        "hubs/hamburg/hub.yml",
        None,
        "events:\n  - title: 'Q\" x=''y'' \u200f'\n    start: 2099-12-31T23:59\n    city: Hamburg\n  - title: Early\n    start: 2000-01-01\n    city: Hamburg\n",
    )
    (repo / "hubs" / "hamburg" / "logo.png").write_bytes(png(10_000, 500))
    _change(repo, "hubs/hamburg/hub.yml", None, "logo: logo.png\nformer_slugs: [hamburg-old]\n")
    assert run_build_py("check", root=repo).returncode == 0
    result = run_build_py("build", "--lang", "en", "--out", str(tmp_path / "site"), root=repo)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("field", "value"), [("hubs", '["hamburg\\n"]'), ("city", '"Hamburg\\n"'), ("url", '"https://example.org/\\n"')])
def test_schema_patterns_match_the_whole_string(tmp_path: Path, field: str, value: str) -> None:
    repo = make_repo(tmp_path)
    event = {"hubs": "[hamburg]", "city": "Hamburg", "url": '"https://example.org/"'} | {field: value}
    (repo / "content" / "events").mkdir(parents=True)
    body = "title: Day\nstart: 2027-03-15\n" + "".join(f"{key}: {text}\n" for key, text in event.items())
    (repo / "content" / "events" / "day.yml").write_text(body, encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1 and "content/events/day.yml:" in result.stderr, result.stderr
