"""`new-hub SLUG`: a hub folder that passes `check`, for the hub team to fill in."""

from __future__ import annotations

from pathlib import Path

from ..urls import SLUG_RE

HUB_TEMPLATE = """\
# yaml-language-server: $schema=../../schema/hub.schema.json
# The facts of your hub. Every key is explained in schema/hub.schema.json;
# editors with the YAML language server complete and check them as you type.
name: "de:hub {title}"
cities:
  - name: {title}
    state: {state}   # the federal state, e.g. Bayern, Hessen, Nordrhein-Westfalen
    lat: {lat}       # city centre, WGS84 degrees (3 decimals are enough)
    lon: {lon}
focus: [{focus}]   # see schema/hub.schema.json for the allowed keys
# website: https://...     optional, https only
# events:                  optional
#   - title: {{de: Hub-Abend, en: Hub evening}}
#     start: 2027-03-01T18:00
#     city: {title}
"""

PROSE_TEMPLATE = """\
## Schwerpunkt

Beschreiben Sie hier Ihren Hub: den Branchenfokus, was Gründerinnen und Gründer,
Investoren und Fachkräfte hier finden, und wie man Kontakt aufnimmt.
"""


def new_hub(root: Path, slug: str) -> tuple[int, str]:
    """Create hubs/SLUG/ with hub.yml and de.md; never touches an existing folder."""
    if not SLUG_RE.match(slug):
        return 1, f"error: {slug!r} is not a valid slug (lowercase letters, digits, single hyphens, e.g. 'bremen')"
    folder = root / "hubs" / slug
    if folder.exists() or folder.is_symlink():
        return 1, f"hubs/{slug}: error: already exists; nothing was changed (edit its files instead)"
    title = slug.replace("-", " ").title()
    folder.mkdir(parents=True)
    (folder / "hub.yml").write_text(
        HUB_TEMPLATE.format(title=title, state="Berlin", lat="52.520", lon="13.405", focus="iot"), encoding="utf-8"
    )
    (folder / "de.md").write_text(PROSE_TEMPLATE.format(title=title), encoding="utf-8")
    return 0, f"created hubs/{slug}/hub.yml and hubs/{slug}/de.md; edit them, then run `python build.py check`"
