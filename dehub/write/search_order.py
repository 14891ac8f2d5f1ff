"""Pagefind's filter files in a fixed order, so that two builds of the same pages are byte-identical.

Pagefind (1.5) writes each language's filters from a hash map with a per-process random seed:
the same values in another order, so other file names (a digest of the content) and another
`pagefind.<lang>_<digest>.pf_meta`, which lists them. This rewrites them canonically: each
filter's values sorted, the files named by a digest of the sorted content, the meta file's
list of filters sorted by name and pointing at the new names, the meta file renamed by its
own digest and `pagefind-entry.json` pointed at it. Pagefind's files are gzip of
`pagefind_dcd` + CBOR; the small CBOR codec here covers what they hold (unsigned and negative
integers, byte and text strings, arrays, maps, booleans and null), in the shortest encoding.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path

PREFIX = b"pagefind_dcd"


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for extra, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if value < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | extra]) + struct.pack(fmt, value)
    raise ValueError("integer too large for CBOR")


def encode(value: object) -> bytes:
    if value is True or value is False or value is None:
        return bytes([0xF5 if value is True else 0xF4 if value is False else 0xF6])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise TypeError(f"no CBOR encoding for {type(value).__name__}")


def decode(data: bytes) -> object:
    value, end = _decode(data, 0)
    if end != len(data):
        raise ValueError("trailing bytes after CBOR value")
    return value


def _decode(data: bytes, at: int) -> tuple[object, int]:
    first = data[at]
    major, info = first >> 5, first & 0x1F
    at += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info not in simple:
            raise ValueError(f"unsupported CBOR simple value {info}")
        return simple[info], at
    if info < 24:
        arg = info
    elif info <= 27:
        size = 1 << (info - 24)
        arg = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise ValueError("indefinite-length CBOR is not supported")
    if major == 0:
        return arg, at
    if major == 1:
        return -1 - arg, at
    if major in (2, 3):
        raw = data[at : at + arg]
        return (raw if major == 2 else raw.decode("utf-8")), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(arg):
            key, at = _decode(data, at)
            mapping[key], at = _decode(data, at)
        return mapping, at
    raise ValueError(f"unsupported CBOR major type {major}")


def read(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(PREFIX):
        raise ValueError(f"{path.name}: not a Pagefind file")
    return decode(data[len(PREFIX) :])


def write(value: object) -> bytes:
    return gzip.compress(PREFIX + encode(value), compresslevel=9, mtime=0)


def digest(data: bytes, length: int) -> str:
    return hashlib.sha256(data).hexdigest()[:length]


def canonical_filters(bundle: Path) -> None:
    """Rewrite every language's filter files and meta file in a fixed order (see the module)."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in sorted(entry.get("languages", {}).items()):
        meta_path = bundle / f"pagefind.{info.get('hash')}.pf_meta"
        if not meta_path.is_file():
            continue
        meta = read(meta_path)
        filters = meta[3] if isinstance(meta, list) and len(meta) > 3 and isinstance(meta[3], list) else None
        if not filters:
            continue
        renamed = []
        for name, old in filters:
            path = bundle / "filter" / f"{old}.pf_filter"
            content = read(path)
            if isinstance(content, list) and len(content) == 2 and isinstance(content[1], list):
                content = [content[0], sorted(content[1], key=lambda pair: encode(pair[0]))]
            data = write(content)
            new = f"{lang}_{digest(data, 7)}"
            path.unlink()
            (bundle / "filter" / f"{new}.pf_filter").write_bytes(data)
            renamed.append([name, new])
        meta[3] = sorted(renamed, key=lambda pair: pair[0])
        data = write(meta)
        info["hash"] = f"{lang}_{digest(data, 10)}"
        meta_path.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
