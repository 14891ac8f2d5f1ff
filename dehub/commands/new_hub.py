"""`new-hub SLUG [--city ... --state ... --lat ... --lon ... --focus ...]`: a hub folder to fill in.

Nothing is made up: what the options (or, on a terminal, the answers) don't give is written as
a `[[TODO: ...]]` placeholder. `check` reports a placeholder in hub.yml as a value still to fill
in, and `check --release` also refuses the placeholder prose in de.md, so no scaffold goes live.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..localize.focus import FOCUS_KEYS
from ..urls import SLUG_RE, slug_problem

HUB_TEMPLATE = """\
# yaml-language-server: $schema=../../schema/hub.schema.json
# The facts of your hub. Every key is explained in schema/hub.schema.json;
# editors with the YAML language server complete and check them as you type.
# Replace every TODO placeholder; `python build.py check --release` lists what is left.
name: {name}
cities:
  - name: {city}
    state: {state}   # the federal state's German name, e.g. Bayern, Hessen, Nordrhein-Westfalen
    lat: {lat}       # city centre, WGS84 degrees with a point (3 decimals are enough)
    lon: {lon}
focus: [{focus}]   # allowed keys: {focus_keys}
# website: https://...     optional, https only
# events:                  optional
#   - title: {{de: Hub-Abend, en: Hub evening}}
#     start: 2027-03-01T18:00
#     city: {city_hint}
"""

PROSE_TEMPLATE = """\
## Schwerpunkt

[[TODO: Beschreiben Sie hier Ihren Hub: den Branchenfokus, was Gründerinnen und Gründer, Investoren und Fachkräfte hier finden, und wie man Kontakt aufnimmt.]]
"""


def todo(what: str) -> str:
    return f'"[[TODO: {what}]]"'


@dataclass
class Facts:
    """What the hub team told us; None is unknown (a placeholder)."""

    city: str | None = None
    state: str | None = None
    lat: float | None = None
    lon: float | None = None
    focus: list[str] = field(default_factory=list)


def parse_facts(city: str | None, state: str | None, lat: str | None, lon: str | None, focus: list[str] | None) -> tuple[Facts, list[str]]:
    """The options as facts, and a message for each one that is not valid."""
    from ..validate.schema import GERMANY, STATE_ABBREVIATIONS, STATES

    facts, problems = Facts(city=city.strip() if city and city.strip() else None), []
    if state:
        full = STATE_ABBREVIATIONS.get(state.strip().upper(), state.strip())
        if full in STATES:
            facts.state = full
        else:
            problems.append(f"--state {state!r} is not a German federal state; use its German name, e.g. {', '.join(STATES[:3])}")
    for axis, raw in (("lat", lat), ("lon", lon)):
        if raw is None or not raw.strip():
            continue
        try:
            value = float(raw.strip().replace(",", "."))
        except ValueError:
            problems.append(f"--{axis} {raw!r} is not a number of degrees like 51.514")
            continue
        low, high = GERMANY[axis]
        if not low <= value <= high:
            problems.append(f"--{axis} {value} is outside Germany ({low} to {high})")
        setattr(facts, axis, value)
    for item in (key.strip() for raw in focus or [] for key in raw.split(",")):
        if item and item not in FOCUS_KEYS:
            problems.append(f"--focus {item!r} is not a focus key; allowed: {', '.join(FOCUS_KEYS)}")
        elif item and item not in facts.focus:
            facts.focus.append(item)
    return facts, problems


def ask_missing(facts: Facts, ask: Callable[[str], str]) -> tuple[Facts, list[str]]:
    """On a terminal: ask for what the options left out (an empty answer leaves a placeholder)."""
    answers = {
        "city": facts.city or ask("City (e.g. Bremen; empty: fill in later): "),
        "state": facts.state or ask("Federal state, German name (e.g. Bremen): "),
        "lat": str(facts.lat) if facts.lat is not None else ask("Latitude of the city centre (e.g. 53.079): "),
        "lon": str(facts.lon) if facts.lon is not None else ask("Longitude of the city centre (e.g. 8.802): "),
        "focus": ",".join(facts.focus) or ask(f"Focus keys, comma-separated ({', '.join(FOCUS_KEYS)}): "),
    }
    return parse_facts(answers["city"], answers["state"] or None, answers["lat"] or None, answers["lon"] or None, [answers["focus"]])


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (the city name is user input)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_hub_yml(facts: Facts) -> str:
    return HUB_TEMPLATE.format(
        name=quoted(f"de:hub {facts.city}") if facts.city else todo("the hub's name, e.g. de:hub Bremen · Logistics"),
        city=quoted(facts.city) if facts.city else todo("city"),
        city_hint=facts.city or "the city",
        state=facts.state or todo("federal state"),
        lat=f"{facts.lat:.3f}" if facts.lat is not None else todo("latitude, e.g. 53.079"),
        lon=f"{facts.lon:.3f}" if facts.lon is not None else todo("longitude, e.g. 8.802"),
        focus=", ".join(facts.focus) if facts.focus else todo("focus keys"),
        focus_keys=", ".join(FOCUS_KEYS),
    )


def new_hub(root: Path, slug: str, facts: Facts | None = None, interactive: bool | None = None) -> tuple[int, str]:
    """Create hubs/SLUG/ with hub.yml and de.md; never touches an existing folder."""
    if not SLUG_RE.match(slug):
        return 1, f"error: {slug!r} is not a valid slug (lowercase letters, digits, single hyphens, e.g. 'bremen')"
    if problem := slug_problem(slug):  # too long, or one of the site's own names: `check` would refuse the folder
        return 1, f"error: {slug[:80]!r} {problem}; nothing was changed"
    folder = root / "hubs" / slug
    if folder.exists() or folder.is_symlink():
        return 1, f"hubs/{slug}: error: already exists; nothing was changed (edit its files instead)"
    facts = facts or Facts()
    if interactive if interactive is not None else sys.stdin.isatty():
        facts, problems = ask_missing(facts, input)
        if problems:
            return 1, "\n".join(f"error: {problem}" for problem in problems) + "\nnothing was changed"
    folder.mkdir(parents=True)
    hub_yml = render_hub_yml(facts)
    (folder / "hub.yml").write_text(hub_yml, encoding="utf-8")
    (folder / "de.md").write_text(PROSE_TEMPLATE, encoding="utf-8")
    left = hub_yml.count("[[TODO:")
    what = f"fill in the {left} [[TODO: ...]] in hub.yml and the text in de.md" if left else "write the text in de.md"
    return 0, f"created hubs/{slug}/hub.yml and hubs/{slug}/de.md; {what}, then run `python build.py check --release`"
