"""Every problem in one run, the real one first, no knock-on errors (issue 19, items 1 and 2).

The full content is copied, so 21 pages link to hubs/dortmund.md: a hub with errors must still
exist for those links, and they must not be reported as broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_repo, run_build_py

MANY_MISTAKES = """\
# yaml-language-server: $schema=../../schema/hub.schema.json
name: de:hub Dortmund · Logistics
cities:
  - name: Dortmund
    state: NRW
    lat: 51,514
    lon: 7.468
focus: [logistic]
websit: https://example.org/
logo: logo.svg
name: Duplicate
events:
  - title: Hub-Abend
    start: 2027-03-05
    end: 2027-03-01
    city: Dortmnd
  - title: Zweiter
    start: 2027-02-30
    city: Dortmund
"""

FOCUS_KEYS = (
    "iot, fintech, logistics, smart-systems, smart-infrastructure, cybersecurity, artificial-intelligence, "
    "insurtech, chemistry, health, mobility, digital-health, mediatech, future-industries"
)

EXPECTED = [
    "hubs/dortmund/hub.yml:5:12: error: unknown state 'NRW'; write the full German name: state: Nordrhein-Westfalen",
    "hubs/dortmund/hub.yml:6:10: error: latitude 51,514 has a decimal comma; write a point: lat: 51.514",
    f"hubs/dortmund/hub.yml:8:9: error: unknown focus 'logistic'; did you mean 'logistics'? allowed: {FOCUS_KEYS}",
    "hubs/dortmund/hub.yml:9:1: error: unknown key 'websit'; did you mean 'website'? allowed: name, cities, focus, website, logo, former_slugs, events",
    "hubs/dortmund/hub.yml:10:7: error: logo file 'logo.svg' is missing from hubs/dortmund/ (or is a symlink)",
    "hubs/dortmund/hub.yml:11:1: error: duplicate key 'name' (first at line 2); keep only one",
    "hubs/dortmund/hub.yml:15:10: error: event ends (2027-03-01) before it starts (2027-03-05)",
    "hubs/dortmund/hub.yml:16:11: error: event city 'Dortmnd' is not one of this hub's cities; did you mean 'Dortmund'? allowed: Dortmund",
    "hubs/dortmund/hub.yml:18:12: error: '2027-02-30' is not a real date or time",
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = make_repo(tmp_path_factory.mktemp("one-run"), with_content=True)
    (repo / "hubs" / "dortmund" / "hub.yml").write_text(MANY_MISTAKES, encoding="utf-8")
    return repo


def test_every_mistake_of_one_hub_yml_in_one_run_without_knock_on_errors(repo: Path):
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert lines[: len(EXPECTED)] == EXPECTED
    # the 21 pages that link to the hub: one note, no errors
    assert lines[len(EXPECTED)] == "note: 21 links to hubs/dortmund were not checked (a hub with errors is not built)"
    assert not any(line.startswith("content/") for line in lines)
    assert lines[-1] == "9 errors in 1 file (12 hubs, 0 events; hub dortmund skipped (it has errors))"
    assert len(lines) == len(EXPECTED) + 2


def test_fixing_the_hub_leaves_no_errors_and_no_note(tmp_path: Path):
    repo = make_repo(tmp_path, with_content=True)
    result = run_build_py("check", root=repo)
    assert result.returncode == 0, result.stderr
    assert "note:" not in result.stdout + result.stderr
    assert "skipped" not in result.stdout


def test_a_files_own_errors_come_before_cross_file_errors(repo: Path, tmp_path: Path):
    other = make_repo(tmp_path, with_content=True)
    (other / "content" / "de" / "about.md").write_text("---\ntitle: Über\n---\n\n[x](nirgends.md)\n", encoding="utf-8")
    (other / "hubs" / "hamburg" / "hub.yml").write_text(
        (other / "hubs" / "hamburg" / "hub.yml").read_text(encoding="utf-8").replace("focus:", "fokus:"), encoding="utf-8"
    )
    result = run_build_py("check", root=other)
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors[0].startswith("hubs/hamburg/hub.yml:")  # its own error, though content/ sorts first
    assert errors[-1].startswith("content/de/about.md:5:1: error: link to 'nirgends.md' leads nowhere")


def test_an_agency_event_naming_a_hub_with_errors_gets_no_knock_on_error(repo: Path, tmp_path: Path):
    other = make_repo(tmp_path, hubs=("dortmund", "hamburg"))
    (other / "hubs" / "dortmund" / "hub.yml").write_text(MANY_MISTAKES, encoding="utf-8")
    (other / "content" / "events").mkdir(parents=True)
    (other / "content" / "events" / "meetup.yml").write_text(
        "title: Meetup\nstart: 2027-05-01\ncity: Dortmund\nhubs: [dortmund]\n", encoding="utf-8"
    )
    result = run_build_py("check", root=other)
    assert not any(line.startswith("content/events/") for line in result.stderr.splitlines())
