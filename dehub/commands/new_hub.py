"""`new-hub SLUG [--city ... --state ... --lat ... --lon ... --focus ...]`: a hub folder to fill in.

Nothing is made up: what the options (or, on a terminal, the answers) don't give is written as
a `[[TODO: ...]]` placeholder. On a terminal a wrong answer is asked again, with the reason
and a "did you mean"; an empty answer leaves the placeholder. `check` reports a placeholder in hub.yml as a value still to fill
in, and `check --release` also refuses the placeholder prose in de.md, so no scaffold goes live.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import did_you_mean
from ..localize.focus import FOCUS_KEYS, FOCUS_LABELS
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


def parse_state(raw: str) -> tuple[str | None, str | None]:
    """A federal state from its German name (any case) or abbreviation (HB, NRW): (name, problem)."""
    from ..validate.schema import STATE_ABBREVIATIONS, STATES

    text = raw.strip()
    by_case = {state.lower(): state for state in STATES}
    full = STATE_ABBREVIATIONS.get(text.upper()) or by_case.get(text.lower())
    if full:
        return full, None
    return (
        None,
        f"{text!r} is not a German federal state; {did_you_mean(text, list(STATES))}use its German name, e.g. {', '.join(STATES[:3])}",
    )


def parse_degrees(axis: str, raw: str) -> tuple[float | None, str | None]:
    """Latitude or longitude in degrees ("53,079" too), inside Germany: (value, problem)."""
    from ..validate.schema import GERMANY

    try:
        value = float(raw.strip().replace(",", "."))
    except ValueError:
        return None, f"{raw.strip()!r} is not a number of degrees like {'51.514' if axis == 'lat' else '7.468'}"
    low, high = GERMANY[axis]
    if not low <= value <= high:
        return None, f"{value} is outside Germany ({low} to {high})"
    return value, None


def parse_focus(raws: list[str]) -> tuple[list[str], list[str]]:
    """Focus keys, comma-separated or repeated, in any case, or their English labels
    ('Internet of Things' is iot): (keys, problems)."""
    by_label = {label.lower(): key for key, label in FOCUS_LABELS.items()}
    keys: list[str] = []
    problems = []
    for item in (key.strip() for raw in raws for key in raw.split(",")):
        key = by_label.get(item.lower(), item.lower())
        if item and key not in FOCUS_KEYS:
            problems.append(f"{item!r} is not a focus key; {did_you_mean(key, list(FOCUS_KEYS))}allowed: {', '.join(FOCUS_KEYS)}")
        elif item and key not in keys:
            keys.append(key)
    return keys, problems


def parse_facts(city: str | None, state: str | None, lat: str | None, lon: str | None, focus: list[str] | None) -> tuple[Facts, list[str]]:
    """The options as facts, and a message for each one that is not valid."""
    facts, problems = Facts(city=city.strip() if city and city.strip() else None), []
    if state and state.strip():
        facts.state, problem = parse_state(state)
        problems += [f"--state {problem}"] if problem else []
    for axis, raw in (("lat", lat), ("lon", lon)):
        if raw is not None and raw.strip():
            value, problem = parse_degrees(axis, raw)
            setattr(facts, axis, value)
            problems += [f"--{axis} {problem}"] if problem else []
    facts.focus, wrong = parse_focus(focus or [])
    problems += [f"--focus {problem}" for problem in wrong]
    return facts, problems


Parse = Callable[[str], tuple[object, str | None]]


def ask_until_valid(ask: Callable[[str], str], say: Callable[[str], None], prompt: str, parse: Parse) -> object:
    """Ask until the answer is valid or empty (None: a placeholder); a wrong one is said why."""
    while True:
        answer = ask(prompt).strip()
        if not answer:
            return None
        value, problem = parse(answer)
        if problem is None:
            return value
        say(f"  {problem}; please try again (empty: fill in later)")


def focus_answer(answer: str) -> tuple[list[str] | None, str | None]:
    keys, problems = parse_focus([answer])
    return (None, "; ".join(problems)) if problems else (keys, None)


def ask_missing(facts: Facts, ask: Callable[[str], str], say: Callable[[str], None] | None = None) -> Facts:
    """On a terminal: ask for what the options left out; an empty answer leaves a placeholder."""
    say = say or (lambda text: print(text, file=sys.stderr))
    if facts.city is None:
        facts.city = ask_until_valid(ask, say, "City (e.g. Bremen; empty: fill in later): ", lambda text: (text, None))  # type: ignore[assignment]
    if facts.state is None:
        facts.state = ask_until_valid(ask, say, "Federal state, German name (e.g. Bremen): ", parse_state)  # type: ignore[assignment]
    for axis, prompt in (("lat", "Latitude of the city centre (e.g. 53.079): "), ("lon", "Longitude of the city centre (e.g. 8.802): ")):
        if getattr(facts, axis) is None:
            setattr(facts, axis, ask_until_valid(ask, say, prompt, lambda text, axis=axis: parse_degrees(axis, text)))
    if not facts.focus:
        facts.focus = ask_until_valid(ask, say, f"Focus keys, comma-separated ({', '.join(FOCUS_KEYS)}): ", focus_answer) or []  # type: ignore[assignment]
    return facts


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
        facts = ask_missing(facts, input)
    folder.mkdir(parents=True)
    hub_yml = render_hub_yml(facts)
    (folder / "hub.yml").write_text(hub_yml, encoding="utf-8")
    (folder / "de.md").write_text(PROSE_TEMPLATE, encoding="utf-8")
    left = hub_yml.count("[[TODO:")
    what = f"fill in the {left} [[TODO: ...]] in hub.yml and the text in de.md" if left else "write the text in de.md"
    return 0, f"created hubs/{slug}/hub.yml and hubs/{slug}/de.md; {what}, then run `python build.py check --release`"
