"""Print, as Markdown, which installed packages differ from the lock: the canary's job summary.

python tools/lock_diff.py requirements.lock.txt
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.M)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(path: Path) -> dict[str, str]:
    return {canonical(name): version for name, version in PIN.findall(path.read_text(encoding="utf-8"))}


def installed() -> dict[str, str]:
    return {canonical(dist.metadata["Name"]): dist.version for dist in metadata.distributions() if dist.metadata["Name"]}


def report(lock: dict[str, str], now: dict[str, str]) -> list[str]:
    rows = [(name, lock.get(name, "-"), now.get(name, "-")) for name in sorted(set(lock) | set(now)) if lock.get(name) != now.get(name)]
    rows = [row for row in rows if row[0] not in {"dehub-site", "pip"}]
    if not rows:
        return ["### Newest releases against the lock", "", "Nothing moved: the lock has the newest release of every package."]
    lines = ["### Newest releases against the lock", "", f"{len(rows)} packages differ from requirements.lock.txt:", ""]
    lines += ["| package | lock | newest |", "|---|---|---|"]
    lines += [f"| {name} | {old} | {new} |" for name, old, new in rows]
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print("\n".join(report(locked(Path(argv[0])), installed())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
