"""dehub/write/search_order.py: Pagefind's filters rewritten in one order, whatever order it wrote them in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dehub.write import search_order as order


@pytest.mark.parametrize(
    "value", [0, 23, 24, 255, 256, 65536, 2**32, -1, -500, "", "München", b"\x00\x01", [], [1, [2, "x"]], {"a": 1}, True, False, None]
)
def test_cbor_round_trips_in_the_shortest_encoding(value: object) -> None:
    assert order.decode(order.encode(value)) == value
    assert order.encode(order.decode(order.encode(value))) == order.encode(value)


def test_cbor_refuses_what_it_does_not_know() -> None:
    with pytest.raises(ValueError):
        order.decode(b"\x9f\xff")  # indefinite-length array
    with pytest.raises(ValueError):
        order.decode(order.encode(1) + b"\x00")


def bundle(tmp_path: Path, values: list[list]) -> Path:
    (tmp_path / "filter").mkdir(parents=True, exist_ok=True)
    (tmp_path / "filter" / "de_aaaaaaa.pf_filter").write_bytes(order.write(["focus", values]))
    (tmp_path / "pagefind.de_0000000000.pf_meta").write_bytes(
        order.write(["1.5.2", [["de_p", 3]], [], [["focus", "de_aaaaaaa"]], [], ["title"]])
    )
    (tmp_path / "pagefind-entry.json").write_text(
        json.dumps({"languages": {"de": {"hash": "de_0000000000", "page_count": 3}}}), encoding="utf-8"
    )
    return tmp_path


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_filters_in_any_order_give_the_same_bytes(tmp_path: Path) -> None:
    one = bundle(tmp_path / "one", [["Mobilität", [1]], ["Chemie", [0, 2]]])
    two = bundle(tmp_path / "two", [["Chemie", [0, 2]], ["Mobilität", [1]]])
    assert files(one) != files(two)
    order.canonical_filters(one)
    order.canonical_filters(two)
    assert files(one) == files(two)
    entry = json.loads((one / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = order.read(one / f"pagefind.{entry['languages']['de']['hash']}.pf_meta")
    ((name, filter_hash),) = meta[3]
    assert name == "focus" and order.read(one / "filter" / f"{filter_hash}.pf_filter") == [
        "focus",
        [["Chemie", [0, 2]], ["Mobilität", [1]]],
    ]
