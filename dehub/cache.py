"""`check`'s memory of inputs it has already found clean, so an unchanged file skips the big imports.

A key is the SHA-256 of what was checked (the file's bytes, and whatever else the verdict
depends on, such as the schema) together with the project's fingerprint: its version and
the bytes of its own code and schemas, so a changed validator never trusts an old verdict.
Only "clean" is remembered; a file with problems is checked in full every time, so the
cache can make `check` faster, never different. An unwritable folder just means no cache.

Threat: a pull request that adds cache files, so that `check` accepts what it would refuse.
So the cache never lives in the checkout: it is in the user's cache folder
(`$XDG_CACHE_HOME/dehub/`, or `$DEHUB_CACHE_DIR` when that is outside the checkout), one
folder per checkout, and every key is keyed with a per-machine secret (32 random bytes in
`secret`, created 0600, refused if anyone else may read or write it), so no one who can't
read that file can compute a key. `check --release` (the deploy's gate) and CI (`CI`,
`GITHUB_ACTIONS`) never read or write it, and `build` does not use it at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import stat
from functools import cache
from pathlib import Path

from . import PACKAGE_DIR

VERSION = "0.1.0"  # pyproject.toml's version (importlib.metadata alone costs more than a warm check saves)


@cache
def fingerprint() -> bytes:
    """The project's version and code: a new validator invalidates every remembered verdict."""
    digest = hashlib.sha256(VERSION.encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):  # the JSON Schemas are made in code (validate/schema.py)
        digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


SECRET_BYTES = 32


def in_ci() -> bool:
    """A CI run (GitHub Actions sets both): it starts from a fresh checkout and must decide alone."""
    return os.environ.get("GITHUB_ACTIONS", "").lower() == "true" or os.environ.get("CI", "").lower() not in {"", "0", "false"}


def user_cache_dir(root: Path) -> Path | None:
    """The cache folder of the user (never inside the checkout `root`), or None."""
    configured = os.environ.get("DEHUB_CACHE_DIR")
    base = Path(configured) if configured else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dehub"
    try:
        resolved, checkout = base.resolve(), root.resolve()
    except (OSError, RuntimeError):
        return None
    if resolved == checkout or resolved.is_relative_to(checkout) or not resolved.is_absolute():
        return None  # a cache a pull request could add is no cache
    return resolved


def machine_secret(base: Path) -> bytes | None:
    """The random key in `base/secret` (made on first use, 0600); None if it is not only ours."""
    path = base / "secret"
    with contextlib.suppress(OSError):
        base.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(FileExistsError):
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(os.urandom(SECRET_BYTES))
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077 or info.st_uid != os.getuid():
            return None
        data = path.read_bytes()
        return data if len(data) == SECRET_BYTES else None
    return None


class CleanCache:
    """`root`: the checkout (None: no cache); `release`: the deploy's gate, which decides alone."""

    def __init__(self, root: Path | None, release: bool = False) -> None:
        self.folder: Path | None = None
        self.secret = b""
        if root is None or release or in_ci():
            return
        base = user_cache_dir(root)
        secret = machine_secret(base) if base is not None else None
        if base is None or secret is None:
            return
        self.secret = secret
        checkout = hashlib.sha256(os.fsencode(str(root.resolve()))).hexdigest()[:16]
        self.folder = base / checkout / "clean"

    def _path(self, kind: str, parts: tuple[bytes, ...]) -> Path:
        assert self.folder is not None
        digest = hmac.new(self.secret, fingerprint() + kind.encode(), hashlib.sha256)
        for part in parts:
            digest.update(len(part).to_bytes(8, "big") + part)
        return self.folder / digest.hexdigest()

    def is_clean(self, kind: str, *parts: bytes) -> bool:
        return self.folder is not None and self._path(kind, parts).is_file()

    def remember_clean(self, kind: str, *parts: bytes, output: str = "") -> None:
        if self.folder is None:
            return
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            self._path(kind, parts).write_text(output, encoding="utf-8")

    def output(self, kind: str, *parts: bytes) -> str | None:
        """What a clean run printed, if these inputs were found clean before."""
        if self.folder is None:
            return None
        try:
            return self._path(kind, parts).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None


INPUTS = ("hubs", "content", "translations", "schema")  # what `check` reads, besides the .pot's sources
# the environment the config reads (dehub/config.py: the site URL, the repository, the build date)
ENVIRONMENT = ("DEHUB_", "GITHUB_REPOSITORY", "SOURCE_DATE_EPOCH")
NOT_ENVIRONMENT = ("DEHUB_CACHE_DIR", "DEHUB_DEBUG")


def inputs_digest(root: Path, source_tops: list[str]) -> bytes:
    """Every file `check` can read (type, link target or bytes), the environment it reads and today."""
    import datetime

    digest = hashlib.sha256(datetime.date.today().isoformat().encode())
    for name, value in sorted(os.environ.items()):
        if name.startswith(ENVIRONMENT) and name not in NOT_ENVIRONMENT:
            digest.update(f"{name}={value}\0".encode())
    for name in ("mkdocs.yml", "babel.cfg"):
        digest.update(_entry(root, root / name))
    for top in sorted({*INPUTS, *source_tops}):
        folder = root / top
        if folder.is_dir() and not folder.is_symlink():
            for path in sorted(folder.rglob("*")):
                if "__pycache__" not in path.parts:
                    digest.update(_entry(root, path))
        else:
            digest.update(_entry(root, folder))
    return digest.digest()


def _entry(root: Path, path: Path) -> bytes:
    rel = os.fsencode(path.relative_to(root).as_posix()) + b"\0"  # names that are not UTF-8 too
    try:
        if path.is_symlink():
            return rel + b"link:" + os.fsencode(os.readlink(path)) + b"\0"
        if path.is_file():
            data = path.read_bytes()
            return rel + b"file:" + len(data).to_bytes(8, "big") + data
        return rel + (b"dir\0" if path.is_dir() else b"missing\0")
    except OSError as exc:
        return rel + f"error:{exc.errno}".encode()


_active = CleanCache(None)  # no cache until `check` turns it on for its repository


def use_cache(root: Path | None, release: bool = False) -> None:
    global _active
    _active = CleanCache(root, release)


def clean_cache() -> CleanCache:
    return _active
