#!/usr/bin/env python3
"""de:hub site generator. Run `python build.py --help`; the code lives in dehub/.

Run by an interpreter that is not a virtual environment (`python build.py ...` with the
system's Python), it re-runs itself with the project's `.venv/bin/python` (`make site`
creates it), so every command the README shows works as written.
"""

import os
import sys
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
NEEDED = ("babel", "jinja2", "mkdocs", "yaml")  # a few of pyproject.toml's dependencies, as a probe


def ensure_interpreter() -> None:
    """Re-exec with .venv/bin/python from another interpreter (unless it is a virtual
    environment that has the packages, e.g. the canary's); one line if nothing can run."""
    again = os.environ.pop("DEHUB_REEXEC", None)  # set by the re-exec: never a second time
    missing = [name for name in NEEDED if find_spec(name) is None]
    in_project_venv = Path(sys.prefix).resolve() == VENV_PYTHON.parent.parent.resolve()
    in_a_venv = sys.prefix != sys.base_prefix
    usable = VENV_PYTHON.is_file() and os.access(VENV_PYTHON, os.X_OK)
    if usable and not in_project_venv and (missing or not in_a_venv) and not again:
        os.environ["DEHUB_REEXEC"] = "1"  # once only, even if .venv is broken
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]])  # noqa: S606 - argv list, no shell
    if missing:
        where = ".venv/ lacks them" if usable else "there is no .venv/"
        print(
            f"error: {sys.executable} cannot import {', '.join(missing)} and {where}; "
            "run `make site` first (it installs the project's packages into .venv/ from the lock), then this command again",
            file=sys.stderr,
        )
        sys.exit(2)


if __name__ == "__main__":
    ensure_interpreter()
    sys.path.insert(0, str(ROOT))
    from dehub.cli import main

    try:
        sys.exit(main(default_root=ROOT))
    except KeyboardInterrupt:
        sys.exit(130)
