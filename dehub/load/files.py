"""Read hub folders, event files and prose from disk, safely, without interpreting them.

Threat: a pull request's files. A symlink must not lead out of the repository, a file must
not be huge or undecodable; each refusal is a diagnostic at the file, never an exception.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Report, shorten
from ..model import Prose
from ..urls import MAX_SLUG_LENGTH, SLUG_RE, slug_problem
from .safe_yaml import Document, load_yaml, read_file, split_front_matter
from .tree import SYMLINK, linked_part, refused_entry

PROSE_RE = re.compile(r"^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$")
MAX_PROSE_BYTES = 128 * 1024


@dataclass
class HubSource:
    slug: str
    folder: Path
    rel: str  # folder relative to the repo, with forward slashes
    document: Document | None = None
    prose: dict[str, Prose] = field(default_factory=dict)
    other_files: list[str] = field(default_factory=list)


def relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def inside(root: Path, path: Path) -> bool:
    """True when no part of `path` below `root` is a symlink (so it is the file it names)."""
    try:
        return linked_part(root, path) is None
    except (ValueError, OSError):
        return False


def safe_file(root: Path, file: Path, report: Report) -> bool:
    """A file the user named: no symlink on the way (loops included), a regular file, a showable name."""
    rel = relative(root, file)
    linked = linked_part(root, file)
    if linked is not None:
        report.error(linked, 0, 0, SYMLINK)
        return False
    if refused_entry(file, rel, report):
        return False
    if not file.is_file():
        report.error(rel, 1, 0, "not a regular file")
        return False
    return True


def read_prose(root: Path, file: Path, lang: str, report: Report) -> Prose | None:
    rel = relative(root, file)
    if not safe_file(root, file, report):
        return None
    text = read_file(file, rel, report, max_bytes=MAX_PROSE_BYTES)
    if text is None:
        return None
    parsed = split_front_matter(text, rel, report)
    if parsed is None:
        return None
    meta, body_line, body = parsed
    return Prose(lang=lang, path=rel, body=body, body_line=body_line, meta=meta)


def read_hub(root: Path, folder: Path, report: Report) -> HubSource:
    rel = relative(root, folder)
    source = HubSource(slug=folder.name, folder=folder, rel=rel)
    hub_file = folder / "hub.yml"
    if not hub_file.exists() and not hub_file.is_symlink():
        report.error(f"{rel}/hub.yml", 1, 0, "hub.yml is missing; run `python build.py new-hub SLUG` for a template")
    elif safe_file(root, hub_file, report):
        text = read_file(hub_file, f"{rel}/hub.yml", report)
        if text is not None:
            source.document = load_yaml(text, f"{rel}/hub.yml", report)
    for entry in sorted(os.listdir(folder)):
        match = PROSE_RE.match(entry)
        if match:
            prose = read_prose(root, folder / entry, match.group(1), report)
            if prose is not None:
                source.prose[prose.lang] = prose
        elif entry != "hub.yml":
            source.other_files.append(entry)
    return source


def read_hubs(root: Path, report: Report) -> list[HubSource]:
    hubs_dir = root / "hubs"
    if refused_entry(hubs_dir, "hubs", report):
        return []
    if not hubs_dir.is_dir():
        report.error("hubs", 0, 0, "the hubs/ folder is missing")
        return []
    sources = []
    for entry in sorted(os.listdir(hubs_dir)):
        folder = hubs_dir / entry
        if refused_entry(folder, f"hubs/{entry}", report) or entry.startswith(".") or not folder.is_dir():
            continue
        if not SLUG_RE.match(entry):
            suggestion = re.sub(r"[^a-z0-9]+", "-", entry.lower()).strip("-")[:MAX_SLUG_LENGTH].strip("-") or "my-hub"
            report.error(
                f"hubs/{entry}/hub.yml",
                1,
                0,
                f"folder name {shorten(entry)} is not a valid slug (lowercase letters, digits, single hyphens); rename it, e.g. to {suggestion!r}",
            )
            continue
        problem = slug_problem(entry)
        if problem:  # too long for the file system's names, or a name of the site's own pages
            report.error(f"hubs/{entry}/hub.yml", 1, 0, f"folder name {shorten(entry)} {problem}; rename the folder")
            continue
        sources.append(read_hub(root, folder, report))
    return sources


def read_event_files(root: Path, report: Report) -> list[Document]:
    events_dir = root / "content" / "events"
    documents = []
    if not events_dir.is_dir():
        return documents
    if refused_entry(events_dir, "content/events", report):
        return documents
    for file in sorted(events_dir.iterdir()):
        if file.name.startswith(".") or refused_entry(file, relative(root, file), report):
            continue
        if file.suffix not in {".yml", ".yaml"} or file.is_dir():
            wanted = f"did you mean {file.stem + '.yml'!r}? " if file.suffix.lower() in {".yml", ".yaml", ".txt", ""} else ""
            report.error(
                relative(root, file), 1, 0, f"{file.name!r} is not read by the build; {wanted}content/events/ holds one event per .yml file"
            )
            continue
        rel = relative(root, file)
        if not safe_file(root, file, report):
            continue
        text = read_file(file, rel, report)
        if text is not None:
            document = load_yaml(text, rel, report)
            if document is not None:
                documents.append(document)
    return documents
