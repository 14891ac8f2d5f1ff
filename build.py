#!/usr/bin/env python3
"""de:hub site generator. Run `python build.py --help`; the code lives in dehub/."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dehub.cli import main  # noqa: E402

if __name__ == "__main__":
    try:
        sys.exit(main(default_root=Path(__file__).resolve().parent))
    except KeyboardInterrupt:
        sys.exit(130)
