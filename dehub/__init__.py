"""de:hub site generator: load -> validate -> localize -> render -> write."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
