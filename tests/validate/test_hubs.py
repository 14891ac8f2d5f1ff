"""One test per validation rule: a bad fixture and the exact line `build.py check` prints.

Each hub.yml is written inline, so the expected line and column can be read off the text.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from tests.conftest import make_repo, run_build_py

HEADER = "# yaml-language-server: $schema=../../schema/hub.schema.json\n"
FOCUS_KEYS = (
    "iot, fintech, logistics, smart-systems, smart-infrastructure, cybersecurity, artificial-intelligence, "
    "insurtech, chemistry, health, mobility, digital-health, mediatech, future-industries"
)
LANGS = "de, en, fr, es, zh, ja, ar"
STATES = "Baden-Württemberg, Bayern, Berlin, Brandenburg, Bremen, Hamburg, Hessen, Mecklenburg-Vorpommern, Niedersachsen, Nordrhein-Westfalen, Rheinland-Pfalz, Saarland, Sachsen, Sachsen-Anhalt, Schleswig-Holstein, Thüringen"


def hub_yml(body: str) -> str:
    """The modeline (line 1) plus `body`, dedented: body line N is file line N + 1."""
    return HEADER + textwrap.dedent(body).lstrip("\n")


VALID = """
name: de:hub Dortmund · Logistics
cities:
  - name: Dortmund
    state: Nordrhein-Westfalen
    lat: 51.514
    lon: 7.468
focus: [logistics]
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path, hubs=("dortmund", "hamburg"))


def write(repo: Path, rel: str, text: str) -> None:
    target = repo / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def check(repo: Path, *args: str) -> tuple[int, list[str], str]:
    """Exit status, the error lines, and the summary line of `build.py check`."""
    result = run_build_py("check", *args, root=repo)
    assert "Traceback" not in result.stderr + result.stdout
    lines = (result.stdout + result.stderr).splitlines()
    errors = [line for line in lines if ": error: " in line]
    summary = lines[-1] if lines else ""
    return result.returncode, errors, summary


def expect(repo: Path, *expected: str) -> None:
    status, errors, summary = check(repo)
    assert errors == list(expected)
    assert status == 1
    count = len(expected)
    assert summary.startswith(f"{count} error{'s' if count != 1 else ''} in ")


def test_fixture_is_valid(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID))
    status, errors, summary = check(repo)
    assert (status, errors) == (0, [])
    assert summary == "ok: 2 hubs, 0 events, no errors"


# --- schema rules ------------------------------------------------------------------------


def test_unknown_key_suggests_the_right_one(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID + "websit: https://example.org/\n"))
    expect(
        repo,
        "hubs/dortmund/hub.yml:9:1: error: unknown key 'websit'; did you mean 'website'? "
        "allowed: name, cities, focus, website, logo, former_slugs, events",
    )


def test_unknown_key_inside_a_city(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("    lon: 7.468\n", "    lon: 7.468\n    lng: 7.468\n")))
    expect(repo, "hubs/dortmund/hub.yml:8:5: error: unknown key 'lng'; did you mean 'lon'? allowed: name, state, lat, lon, focus")


def test_misspelled_focus_suggests_and_lists_allowed_values(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("focus: [logistics]", "focus: [logistic]")))
    expect(
        repo,
        f"hubs/dortmund/hub.yml:8:9: error: unknown focus 'logistic'; did you mean 'logistics'? allowed: {FOCUS_KEYS}",
    )


def test_unknown_state_lists_the_states(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("Nordrhein-Westfalen", "Ruhr")))
    status, errors, _ = check(repo)
    assert status == 1
    assert len(errors) == 1
    assert errors[0].startswith("hubs/dortmund/hub.yml:5:12: error: unknown state 'Ruhr'; allowed: Baden-Württemberg, Bayern, ")


@pytest.mark.parametrize(
    ("written", "state"),
    [("NRW", "Nordrhein-Westfalen"), ("NW", "Nordrhein-Westfalen"), ("by", "Bayern"), ("BW", "Baden-Württemberg")]
    + [("MV", "Mecklenburg-Vorpommern"), ("ST", "Sachsen-Anhalt"), ("SN", "Sachsen"), ("TH", "Thüringen"), ("HB", "Bremen")],
)
def test_state_abbreviation_suggests_the_full_name(repo: Path, written: str, state: str):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("Nordrhein-Westfalen", written)))
    expect(repo, f"hubs/dortmund/hub.yml:5:12: error: unknown state {written!r}; write the full German name: state: {state}")


def test_all_sixteen_states_have_an_abbreviation():
    from dehub.validate.schema import STATE_ABBREVIATIONS, STATES

    assert set(STATE_ABBREVIATIONS.values()) == set(STATES)


def test_decimal_comma_says_to_use_a_point(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("lat: 51.514", "lat: 51,514")))
    expect(repo, "hubs/dortmund/hub.yml:6:10: error: latitude 51,514 has a decimal comma; write a point: lat: 51.514")


def test_wrong_types(repo: Path):
    body = VALID.replace("lat: 51.514", 'lat: "north"').replace("focus: [logistics]", "focus: logistics")
    write(repo, "hubs/dortmund/hub.yml", hub_yml(body))
    expect(
        repo,
        "hubs/dortmund/hub.yml:6:10: error: 'lat' must be a number, not a text",
        "hubs/dortmund/hub.yml:8:8: error: 'focus' must be a list, not a text",
    )


def test_cities_must_be_a_list_of_mappings(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml("name: X\ncities: [Dortmund]\nfocus: [logistics]\n"))
    expect(repo, "hubs/dortmund/hub.yml:3:10: error: 'cities' must be a mapping of keys, not a text")


def test_missing_required_key(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("focus: [logistics]\n", "")))
    expect(repo, f"hubs/dortmund/hub.yml:2:1: error: missing required key 'focus'; add 'focus:' with one of: {FOCUS_KEYS}")


def test_missing_required_key_in_a_city(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("    state: Nordrhein-Westfalen\n", "")))
    expect(repo, f"hubs/dortmund/hub.yml:4:5: error: missing required key 'state' in 'cities'; add 'state:' with one of: {STATES}")


def test_zero_cities(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml("name: X\ncities: []\nfocus: [logistics]\n"))
    expect(repo, "hubs/dortmund/hub.yml:3:9: error: 'cities' needs 1 to 3 entries, has 0")


def test_four_cities(repo: Path):
    cities = "".join(f"  - name: City{i}\n    state: Berlin\n    lat: 52.5\n    lon: 13.4\n" for i in range(4))
    write(repo, "hubs/dortmund/hub.yml", hub_yml(f"name: X\ncities:\n{cities}focus: [logistics]\n"))
    expect(repo, "hubs/dortmund/hub.yml:4:3: error: 'cities' needs 1 to 3 entries, has 4")


def test_coordinates_outside_germany(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("lat: 51.514", "lat: 48.857").replace("lon: 7.468", "lon: 2.352")))
    expect(repo, "hubs/dortmund/hub.yml:7:10: error: longitude 2.352 is outside Germany; expected 5.8 to 15.1")


def test_latitude_outside_germany(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("lat: 51.514", "lat: 7.468")))
    expect(repo, "hubs/dortmund/hub.yml:6:10: error: latitude 7.468 is outside Germany; expected 47.2 to 55.1")


def test_coordinate_that_is_not_a_number(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("lat: 51.514", "lat: .nan")))
    expect(repo, "hubs/dortmund/hub.yml:6:10: error: latitude must be a number of degrees like 51.514, not nan")


def test_city_focus_must_be_part_of_the_hub_focus(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("    lon: 7.468\n", "    lon: 7.468\n    focus: [fintech]\n")))
    expect(
        repo,
        "hubs/dortmund/hub.yml:8:12: error: city focus 'fintech' is not in the hub's focus; add it to 'focus' or choose from: logistics",
    )


@pytest.mark.parametrize("url", ["http://example.org/", "javascript:alert(1)", "data:text/html,hi"])
def test_website_must_be_https(repo: Path, url: str):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID + f"website: {url}\n"))
    expect(repo, f"hubs/dortmund/hub.yml:9:10: error: 'website': {url!r} is not allowed; use a full https:// address")


def test_https_url_needs_a_real_host(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID + "website: https://localhost/\n"))
    expect(repo, "hubs/dortmund/hub.yml:9:10: error: 'https://localhost/' is not a valid https:// address")


# --- events ------------------------------------------------------------------------------

EVENT = (
    VALID
    + """\
events:
  - title: {de: Hub-Abend, en: Hub evening}
    start: 2027-03-02
    city: Dortmund
"""
)


def test_valid_event(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(EVENT))
    status, errors, summary = check(repo)
    assert (status, errors, summary) == (0, [], "ok: 2 hubs, 1 events, no errors")


def test_impossible_date(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(EVENT.replace("2027-03-02", "2027-02-30")))
    expect(repo, "hubs/dortmund/hub.yml:11:12: error: '2027-02-30' is not a real date or time")


def test_impossible_time(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(EVENT.replace("2027-03-02", "2027-03-02T25:00")))
    expect(repo, "hubs/dortmund/hub.yml:11:12: error: '2027-03-02T25:00' is not a real date or time")


def test_date_in_another_format(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(EVENT.replace("2027-03-02", "02.03.2027")))
    expect(repo, "hubs/dortmund/hub.yml:11:12: error: 'start': '02.03.2027' is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)")


def test_event_ends_before_it_starts(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(EVENT.replace("    city:", "    end: 2027-03-01T18:00\n    city:")))
    expect(repo, "hubs/dortmund/hub.yml:12:10: error: event ends (2027-03-01T18:00) before it starts (2027-03-02)")


def test_event_city_must_be_a_hub_city(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(EVENT.replace("city: Dortmund", "city: Dortmnd")))
    expect(
        repo,
        "hubs/dortmund/hub.yml:12:11: error: event city 'Dortmnd' is not one of this hub's cities; did you mean 'Dortmund'? allowed: Dortmund",
    )


def test_event_url_must_be_https(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(EVENT + "    url: http://example.org/event\n"))
    expect(repo, "hubs/dortmund/hub.yml:13:10: error: 'url': 'http://example.org/event' is not allowed; use a full https:// address")


# --- languages and prose -----------------------------------------------------------------


def test_name_language_must_be_configured(repo: Path):
    write(
        repo,
        "hubs/dortmund/hub.yml",
        hub_yml(VALID.replace("name: de:hub Dortmund · Logistics", "name:\n  de: de:hub Dortmund\n  deu: de:hub Dortmund")),
    )
    expect(repo, f"hubs/dortmund/hub.yml:4:3: error: 'deu' is not a configured language; did you mean 'de'? allowed: {LANGS}")


def test_name_language_key_must_look_like_a_language_code(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("name: de:hub Dortmund · Logistics", "name:\n  Deutsch: de:hub Dortmund")))
    expect(repo, "hubs/dortmund/hub.yml:3:3: error: 'Deutsch' is not a language code; use codes like de, en, fr")


def test_event_title_language_must_be_configured(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(EVENT.replace("en: Hub evening", "xx: Hub evening")))
    expect(repo, f"hubs/dortmund/hub.yml:10:28: error: 'xx' is not a configured language; allowed: {LANGS}")


def test_prose_for_an_unconfigured_language(repo: Path):
    write(repo, "hubs/dortmund/it.md", "Ciao.\n")
    expect(
        repo,
        "hubs/dortmund/it.md:1: error: 'it' is not a configured language; rename to one of: de.md, en.md, fr.md, es.md, zh.md, ja.md, ar.md",
    )


def test_missing_german_prose(repo: Path):
    (repo / "hubs" / "dortmund" / "de.md").unlink()
    expect(repo, "hubs/dortmund/hub.yml:1: error: de.md (the prose in the source language) is missing; add hubs/dortmund/de.md")


def test_raw_html_in_prose_names_the_line_of_the_tag(repo: Path):
    write(repo, "hubs/dortmund/de.md", "## Dortmund\n\nErster Absatz.\n\nSiehe <img src=x onerror=alert(1)> hier.\n")
    expect(repo, "hubs/dortmund/de.md:5:7: error: raw HTML is not allowed in hub prose; use Markdown (e.g. **bold**, [link](https://...))")


def test_raw_html_line_counts_the_front_matter(repo: Path):
    write(repo, "hubs/dortmund/en.md", "---\ndescription: Logistics hub.\n---\n\nText.\n\n<script>alert(1)</script>\n")
    expect(repo, "hubs/dortmund/en.md:7:1: error: raw HTML is not allowed in hub prose; use Markdown (e.g. **bold**, [link](https://...))")


def test_autolinks_and_code_are_not_raw_html(repo: Path):
    text = "## Dortmund\n\nMail <info@example.org>, web <https://example.org/>, code `<div>`, 3 < 4.\n\n```\n<div>example</div>\n```\n"
    write(repo, "hubs/dortmund/de.md", text)
    status, errors, _ = check(repo)
    assert (status, errors) == (0, [])


def test_unknown_front_matter_key(repo: Path):
    write(repo, "hubs/dortmund/en.md", "---\ndescription: Logistics hub.\ntitel: Dortmund\n---\n\nText.\n")
    expect(repo, "hubs/dortmund/en.md:2:1: error: unknown front matter key 'titel'; allowed: description, source_hash")


# --- folders, files, slugs ---------------------------------------------------------------


def test_folder_name_must_be_a_slug(repo: Path):
    write(repo, "hubs/Bad_Name/hub.yml", hub_yml(VALID))
    write(repo, "hubs/Bad_Name/de.md", "Text.\n")
    expect(
        repo,
        "hubs/Bad_Name/hub.yml:1: error: folder name 'Bad_Name' is not a valid slug (lowercase letters, digits, single hyphens); "
        "rename it, e.g. to 'bad-name'",
    )


def test_missing_hub_yml(repo: Path):
    (repo / "hubs" / "dortmund" / "hub.yml").unlink()
    expect(repo, "hubs/dortmund/hub.yml:1: error: hub.yml is missing; run `python build.py new-hub SLUG` for a template")


def test_hub_yml_symlink_outside_the_repo(repo: Path, tmp_path: Path):
    secret = tmp_path / "secret.yml"
    secret.write_text(hub_yml(VALID), encoding="utf-8")
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    hub.unlink()
    os.symlink(secret, hub)
    expect(
        repo,
        "hubs/dortmund/hub.yml: error: is a symlink; commit the file itself (symlinks could publish files from outside the site's sources)",
    )


def test_prose_symlink_outside_the_repo(repo: Path):
    prose = repo / "hubs" / "dortmund" / "en.md"
    prose.unlink()
    os.symlink("/etc/passwd", prose)
    expect(
        repo,
        "hubs/dortmund/en.md: error: is a symlink; commit the file itself (symlinks could publish files from outside the site's sources)",
    )


def test_former_slug_of_an_existing_hub(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID + "former_slugs: [ruhr, hamburg]\n"))
    expect(repo, "hubs/dortmund/hub.yml:9:22: error: former slug 'hamburg' is the folder of an existing hub; remove it from former_slugs")


def test_former_slug_claimed_twice(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID + "former_slugs: [north]\n"))
    hamburg = (repo / "hubs" / "hamburg" / "hub.yml").read_text(encoding="utf-8")
    write(repo, "hubs/hamburg/hub.yml", hamburg + "former_slugs:\n  - north\n")
    lines = hamburg.count("\n")
    expect(
        repo, f"hubs/hamburg/hub.yml:{lines + 2}:5: error: former slug 'north' is also claimed by hub 'dortmund'; keep it in one hub only"
    )


def test_html_in_name(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("name: de:hub Dortmund · Logistics", "name: <script>alert(1)</script>")))
    expect(repo, "hubs/dortmund/hub.yml:2:7: error: 'name' must be plain text on one line, without '<', '>' or control characters")


def test_html_in_a_translated_name(repo: Path):
    write(
        repo,
        "hubs/dortmund/hub.yml",
        hub_yml(VALID.replace("name: de:hub Dortmund · Logistics", "name:\n  de: Dortmund\n  en: <b>Dortmund</b>")),
    )
    expect(repo, "hubs/dortmund/hub.yml:4:7: error: 'name' (en) must be plain text on one line, without '<', '>' or control characters")


def test_empty_name(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("name: de:hub Dortmund · Logistics", 'name: ""')))
    expect(repo, "hubs/dortmund/hub.yml:2:7: error: 'name' is empty; write a text")


def test_name_of_the_wrong_type(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("name: de:hub Dortmund · Logistics", "name: [a, b]")))
    expect(repo, "hubs/dortmund/hub.yml:2:7: error: 'name' must be a text, or one text per language like {de: ..., en: ...}")


@pytest.mark.parametrize(
    ("text", "what"),
    [("- name: X\n- focus: [iot]\n", "a list at the top level"), ("just a sentence\n", "a text at the top level"), ("", "empty")],
)
def test_top_level_must_be_a_mapping(repo: Path, text: str, what: str):
    write(repo, "hubs/dortmund/hub.yml", text)
    expect(repo, f"hubs/dortmund/hub.yml:1:1: error: hub.yml is {what}; it must be a mapping of keys like 'name:', 'cities:', 'focus:'")


def test_yaml_syntax_error_in_a_hub(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("focus: [logistics]", "focus: [logistics")))
    status, errors, _ = check(repo)
    assert status == 1 and len(errors) == 1
    assert errors == [  # at the line where ']' is missing, not where PyYAML gave up (line 9)
        "hubs/dortmund/hub.yml:8:18: error: the list opened at line 8 col 8 is not closed with ']'; add ']' where it ends: 'focus: [logistics]'"
    ]


# --- Agency events -----------------------------------------------------------------------


def test_agency_event_naming_an_unknown_hub(repo: Path):
    write(repo, "content/events/meetup.yml", "title: Meetup\nstart: 2027-05-01\ncity: Dortmund\nhubs: [dortmund, hambrg]\n")
    expect(repo, "content/events/meetup.yml:4:18: error: unknown hub 'hambrg'; did you mean 'hamburg'? see the folders in hubs/")


def test_agency_event_city_must_belong_to_a_named_hub(repo: Path):
    write(repo, "content/events/meetup.yml", "title: Meetup\nstart: 2027-05-01\ncity: Paris\nhubs: [dortmund]\n")
    expect(
        repo, "content/events/meetup.yml:3:7: error: event city 'Paris' is not one of the cities of the hubs it names; allowed: Dortmund"
    )


def test_agency_event_missing_key(repo: Path):
    write(repo, "content/events/meetup.yml", "title: Meetup\nstart: 2027-05-01\ncity: Dortmund\n")
    expect(repo, "content/events/meetup.yml:1:1: error: missing required key 'hubs'")


def test_agency_event_valid(repo: Path):
    write(
        repo,
        "content/events/meetup.yml",
        "title: {de: Treffen, en: Meetup}\nstart: 2027-05-01T18:00\ncity: Hamburg\nhubs: [dortmund, hamburg]\n",
    )
    status, errors, summary = check(repo)
    assert (status, errors, summary) == (0, [], "ok: 2 hubs, 1 events, no errors")


# --- all problems in one run -------------------------------------------------------------


def test_every_problem_is_reported_in_one_run(repo: Path):
    """5 different errors in 2 hubs: schema errors in one, rule errors in the other; one run, sorted."""
    dortmund = VALID.replace("focus: [logistics]", "focus: [logistic]") + "websit: https://example.org/\n"
    write(repo, "hubs/dortmund/hub.yml", hub_yml(dortmund))
    hamburg = EVENT.replace("Dortmund", "Hamburg").replace("Nordrhein-Westfalen", "Hamburg")
    hamburg = hamburg.replace("2027-03-02", "2027-02-30").replace("    city: Hamburg\n", "    city: Altona\n")
    write(repo, "hubs/hamburg/hub.yml", hub_yml(hamburg + "former_slugs: [dortmund]\n"))
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    expected = [
        f"hubs/dortmund/hub.yml:8:9: error: unknown focus 'logistic'; did you mean 'logistics'? allowed: {FOCUS_KEYS}",
        "hubs/dortmund/hub.yml:9:1: error: unknown key 'websit'; did you mean 'website'? "
        "allowed: name, cities, focus, website, logo, former_slugs, events",
        "hubs/hamburg/hub.yml:11:12: error: '2027-02-30' is not a real date or time",
        "hubs/hamburg/hub.yml:12:11: error: event city 'Altona' is not one of this hub's cities; allowed: Hamburg",
        "hubs/hamburg/hub.yml:13:16: error: former slug 'dortmund' is the folder of an existing hub; remove it from former_slugs",
    ]
    assert lines[:-1] == sorted(expected) == expected
    assert lines[-1].startswith("5 errors in 2 files (")
    assert lines[-1] == "5 errors in 2 files (2 hubs, 0 events; hub dortmund skipped (it has errors))"
    assert result.stdout == ""


def test_problems_in_hub_yml_prose_and_event_files_in_one_run(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(EVENT.replace("en: Hub evening", "xx: Hub evening") + "website: https://localhost/\n"))
    write(repo, "hubs/dortmund/de.md", "Text.\n\n<b>fett</b>\n")
    write(repo, "hubs/hamburg/it.md", "Ciao.\n")
    write(repo, "content/events/meetup.yml", "title: Meetup\nstart: 2027-05-01\nend: 2027-04-01\ncity: Hamburg\nhubs: [hamburg]\n")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.splitlines() == [
        "content/events/meetup.yml:3:6: error: event ends (2027-04-01) before it starts (2027-05-01)",
        "hubs/dortmund/de.md:3:1: error: raw HTML is not allowed in hub prose; use Markdown (e.g. **bold**, [link](https://...))",
        f"hubs/dortmund/hub.yml:10:28: error: 'xx' is not a configured language; allowed: {LANGS}",
        "hubs/dortmund/hub.yml:13:10: error: 'https://localhost/' is not a valid https:// address",
        "hubs/hamburg/it.md:1: error: 'it' is not a configured language; rename to one of: de.md, en.md, fr.md, es.md, zh.md, ja.md, ar.md",
        "5 errors in 4 files (2 hubs, 2 events)",
    ]


# --- plain-words hints: focus by label, a space in a URL, every YAML channel ---------------------


def test_a_focus_written_as_its_label_in_any_case_or_language_suggests_its_key(repo: Path):
    write(
        repo,
        "hubs/dortmund/hub.yml",
        hub_yml(VALID.replace("focus: [logistics]", "focus: [IoT, Internet of Things, Internet der Dinge, LOGISTICS]")),
    )
    expect(
        repo,
        f"hubs/dortmund/hub.yml:8:9: error: unknown focus 'IoT'; did you mean 'iot'? allowed: {FOCUS_KEYS}",
        f"hubs/dortmund/hub.yml:8:14: error: unknown focus 'Internet of Things'; did you mean 'iot'? allowed: {FOCUS_KEYS}",
        f"hubs/dortmund/hub.yml:8:34: error: unknown focus 'Internet der Dinge'; did you mean 'iot'? allowed: {FOCUS_KEYS}",
        f"hubs/dortmund/hub.yml:8:54: error: unknown focus 'LOGISTICS'; did you mean 'logistics'? allowed: {FOCUS_KEYS}",
    )


def test_a_url_with_a_space_says_so(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID + "website: https://example.org/hub dortmund\n"))
    expect(
        repo,
        "hubs/dortmund/hub.yml:9:10: error: 'website': 'https://example.org/hub dortmund' contains a space; "
        "a web address has none: write %20 ('https://example.org/hub%20dortmund')",
    )


def test_a_missing_colon_in_every_yaml_channel(repo: Path):
    write(repo, "hubs/dortmund/hub.yml", hub_yml(VALID.replace("    lat: 51.514", "    lat 51.514")))
    write(repo, "content/events/summit.yml", "title: Summit\nstart 2027-03-01\ncity: Dortmund\nhubs: [dortmund]\n")
    write(repo, "hubs/hamburg/en.md", "---\nsource_hash abc\n---\nText\n")
    write(repo, "content/en/news/2027-03-01-launch.md", "---\ntitle: Launch\ndate: 2027-03-01\nsummary [a, b\n---\nText\n")
    status, errors, _ = check(repo)
    assert status == 1
    assert errors == [
        "content/en/news/2027-03-01-launch.md:4:8: error: missing ':' after the key 'summary'; write it as 'summary: [a, b'",
        "content/events/summit.yml:2:6: error: missing ':' after the key 'start'; write it as 'start: 2027-03-01'",
        "hubs/dortmund/hub.yml:6:8: error: missing ':' after the key 'lat'; write it as 'lat: 51.514'",
        "hubs/hamburg/en.md:2:12: error: missing ':' after the key 'source_hash'; write it as 'source_hash: abc'",
    ]
