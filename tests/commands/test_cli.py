"""`build.py check` and `build.py new-hub` as users run them, and the shipped hub data."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dehub.validate.schema import SCHEMA_DIR, event_file_schema, hub_schema, render
from tests.conftest import ROOT, make_repo, run_build_py

SLUGS = [
    "berlin",
    "dortmund",
    "dresden-leipzig",
    "frankfurt-darmstadt",
    "hamburg",
    "karlsruhe",
    "koeln",
    "mannheim-ludwigshafen",
    "muenchen",
    "nuernberg-erlangen",
    "potsdam",
    "stuttgart",
]
MODELINE = "# yaml-language-server: $schema=../../schema/hub.schema.json\n"
BROKEN_HUB = (
    MODELINE
    + """\
name: de:hub Dortmund
cities:
  - name: Dortmund
    state: Nordrhein-Westfalen
    lat: 51.514
    lon: 75.468
focus: [logistic]
"""
)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, with a hash of each file's bytes."""
    result = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        result[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "<dir>"
    return result


# --- check -------------------------------------------------------------------------------


def test_shipped_repo_passes_check():
    """The real repository (hubs and content pages). One summary line, nothing else."""
    result = run_build_py("check")
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("ok: 12 hubs")


def test_check_of_the_shipped_hubs_alone(tmp_path: Path):
    """The 12 hub folders without the (separately maintained) content pages."""
    repo = make_repo(tmp_path, hubs=tuple(SLUGS))
    result = run_build_py("check", root=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [result.stdout.strip()]
    assert result.stdout.startswith("ok: 12 hubs, ")


def test_text_format_errors_go_to_stderr(tmp_path: Path):
    repo = make_repo(tmp_path)
    (repo / "hubs" / "dortmund" / "hub.yml").write_text(BROKEN_HUB, encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "hubs/dortmund/hub.yml:7:10: error: longitude 75.468 is outside Germany; expected 5.8 to 15.1",
        "hubs/dortmund/hub.yml:8:9: error: unknown focus 'logistic'; did you mean 'logistics'? allowed: iot, fintech, logistics, "
        "smart-systems, smart-infrastructure, cybersecurity, artificial-intelligence, insurtech, chemistry, health, mobility, "
        "digital-health, mediatech, future-industries",
        "2 errors in 1 file (2 hubs, 0 events; hub dortmund skipped (it has errors))",
    ]


def test_github_format_prints_annotations(tmp_path: Path):
    repo = make_repo(tmp_path)
    (repo / "hubs" / "dortmund" / "hub.yml").write_text(BROKEN_HUB, encoding="utf-8")
    (repo / "hubs" / "hamburg" / "de.md").unlink()
    result = run_build_py("check", "--format", "github", root=repo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=hubs/dortmund/hub.yml,line=7,col=10::longitude 75.468 is outside Germany; expected 5.8 to 15.1",
        "::error file=hubs/dortmund/hub.yml,line=8,col=9::unknown focus 'logistic'; did you mean 'logistics'? allowed: iot, fintech, "
        "logistics, smart-systems, smart-infrastructure, cybersecurity, artificial-intelligence, insurtech, chemistry, health, "
        "mobility, digital-health, mediatech, future-industries",
        "::error file=hubs/hamburg/hub.yml,line=1::de.md (the prose in the source language) is missing; add hubs/hamburg/de.md",
    ]
    assert result.stderr.splitlines() == ["3 errors in 2 files (2 hubs, 0 events; hub dortmund skipped (it has errors))"]


def test_github_format_escapes_newlines_and_percent():
    from dehub.diagnostics import Diagnostic

    line = Diagnostic("hubs/x/hub.yml", 3, 2, "100% wrong\nsecond line").github()
    assert line == "::error file=hubs/x/hub.yml,line=3,col=2::100%25 wrong%0Asecond line"


def test_check_does_not_import_mkdocs(tmp_path: Path):
    """`check` is fast because it never loads the rendering stack."""
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['build.py', '--root', {str(ROOT)!r}, 'check']\n"
        "try:\n"
        f"    runpy.run_path({str(ROOT / 'build.py')!r}, run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    status = exit.code\n"
        # the rendering stack; jinja2 may come in as Babel's template extractor (the .pot check)
        "heavy = {'mkdocs', 'material', 'markdown', 'pagefind'}\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_check_does_not_import_mkdocs_per_importtime():
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "build.py"), "--root", str(ROOT), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]
    assert imported, "no -X importtime output"
    # jinja2 may come in as Babel's template extractor when the .pot check runs (no cache in CI)
    assert not [name for name in imported if name.split(".")[0] in {"mkdocs", "material", "markdown", "pagefind"}]
    assert "jinja2.environment" not in imported or "babel.messages.extract" in imported


def test_root_without_mkdocs_yml_exits_2(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(tmp_path), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {tmp_path.resolve()} has no mkdocs.yml; run this in the de:hub repository or pass --root\n"


# --- new-hub -----------------------------------------------------------------------------


FOCUS = [
    "iot",
    "fintech",
    "logistics",
    "smart-systems",
    "smart-infrastructure",
    "cybersecurity",
    "artificial-intelligence",
    "insurtech",
    "chemistry",
    "health",
    "mobility",
    "digital-health",
    "mediatech",
    "future-industries",
]
NEW_HUB_FACTS = ("--city", "Bremen", "--state", "HB", "--lat", "53,079", "--lon", "8.802", "--focus", "logistics,iot")


def test_new_hub_with_its_facts_passes_check_but_not_check_release(tmp_path: Path):
    repo = make_repo(tmp_path)
    result = run_build_py("new-hub", "bremen", *NEW_HUB_FACTS, root=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "created hubs/bremen/hub.yml and hubs/bremen/de.md; write the text in de.md, then run `python build.py check --release`"
    )
    assert sorted(p.name for p in (repo / "hubs" / "bremen").iterdir()) == ["de.md", "hub.yml"]
    hub_yml = (repo / "hubs" / "bremen" / "hub.yml").read_text(encoding="utf-8")
    assert hub_yml.startswith(MODELINE)
    assert "state: Bremen " in hub_yml and "lat: 53.079 " in hub_yml and "focus: [logistics, iot]" in hub_yml
    assert "Berlin" not in hub_yml and "52.52" not in hub_yml
    check = run_build_py("check", root=repo)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("ok: 3 hubs")
    release = run_build_py("check", "--release", root=repo)
    assert release.returncode == 1
    assert [line.split(": error: ")[0] for line in release.stderr.splitlines() if ": error: " in line] == ["hubs/bremen/de.md:3:1"]
    prose = repo / "hubs" / "bremen" / "de.md"
    prose.write_text("## Schwerpunkt\n\nLogistik in Bremen.\n", encoding="utf-8")
    assert run_build_py("check", "--release", root=repo).returncode == 0


def test_new_hub_without_facts_leaves_placeholders_not_defaults(tmp_path: Path):
    repo = make_repo(tmp_path)
    result = run_build_py("new-hub", "kiel-luebeck", root=repo)  # stdin is not a terminal: no questions
    assert result.returncode == 0, result.stderr
    assert "fill in the 6 [[TODO: ...]] in hub.yml" in result.stdout
    hub_yml = (repo / "hubs" / "kiel-luebeck" / "hub.yml").read_text(encoding="utf-8")
    assert "Berlin" not in hub_yml and "Kiel" not in hub_yml  # nothing guessed from the slug either
    release = run_build_py("check", "--release", root=repo)
    assert release.returncode == 1
    errors = [line for line in release.stderr.splitlines() if ": error: " in line]
    assert all(line.startswith("hubs/kiel-luebeck/") for line in errors)
    assert len(errors) == 7  # name, city, state, lat, lon, focus, and the prose; each once
    assert (
        "hubs/kiel-luebeck/hub.yml:8:12: error: 'state' is still a placeholder, '[[TODO: federal state]]'; fill in the real value" in errors
    )
    assert run_build_py("check", root=repo).returncode == 1  # no coordinates: it cannot be built either


def test_new_hub_refuses_wrong_facts(tmp_path: Path):
    repo = make_repo(tmp_path)
    result = run_build_py("new-hub", "bremen", "--state", "Bremerhaven", "--lat", "north", "--focus", "ai", root=repo)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: --state 'Bremerhaven' is not a German federal state; did you mean 'Bremen'? use its German name, e.g. Baden-Württemberg, Bayern, Berlin",
        "error: --lat 'north' is not a number of degrees like 51.514",
        "error: --focus 'ai' is not a focus key; allowed: " + ", ".join(FOCUS),
        "nothing was changed",
    ]
    assert not (repo / "hubs" / "bremen").exists()


def test_new_hub_asks_on_a_terminal(tmp_path: Path):
    from dehub.commands.new_hub import ask_missing, parse_facts

    answers = iter(["Bremen", "HB", "53.079", "", "logistics"])
    facts = ask_missing(parse_facts(None, None, None, None, None)[0], lambda prompt: next(answers), say=pytest.fail)
    assert (facts.city, facts.state, facts.lat, facts.lon, facts.focus) == ("Bremen", "Bremen", 53.079, None, ["logistics"])


def test_new_hub_asks_again_for_a_wrong_answer_and_keeps_the_others(tmp_path: Path):
    from dehub.commands.new_hub import Facts, ask_missing

    answers = iter(["Bremen", "Bremn", "hb", "north", "53,079", "99", "8.802", "logistik, IoT", "Logistics, Internet of Things"])
    prompts, said = [], []

    def ask(prompt: str) -> str:
        prompts.append(prompt.split(" (")[0])
        return next(answers)

    facts = ask_missing(Facts(), ask, say=said.append)
    assert (facts.city, facts.state, facts.lat, facts.lon, facts.focus) == ("Bremen", "Bremen", 53.079, 8.802, ["logistics", "iot"])
    assert prompts == [
        "City",
        "Federal state, German name",
        "Federal state, German name",  # asked again
        "Latitude of the city centre",
        "Latitude of the city centre",
        "Longitude of the city centre",
        "Longitude of the city centre",
        "Focus keys, comma-separated",
        "Focus keys, comma-separated",
    ]
    assert said[0].startswith("  'Bremn' is not a German federal state; did you mean 'Bremen'?")
    assert said[1] == "  'north' is not a number of degrees like 51.514; please try again (empty: fill in later)"
    assert said[2] == "  99.0 is outside Germany (5.8 to 15.1); please try again (empty: fill in later)"
    assert said[3].startswith("  'logistik' is not a focus key; did you mean 'logistics'?")
    assert len(said) == 4


def test_new_hub_on_a_terminal_end_of_input_changes_nothing(tmp_path: Path):
    """Ctrl-D in the middle of the questions: nothing is written (as before a wrong answer was)."""
    repo = make_repo(tmp_path)
    from dehub.commands.new_hub import Facts, new_hub

    answers = iter(["Bremen", "Bremn"])

    def ask(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    import builtins

    original, builtins.input = builtins.input, ask
    try:
        with pytest.raises(EOFError):
            new_hub(repo, "bremen", Facts(), interactive=True)
    finally:
        builtins.input = original
    assert not (repo / "hubs" / "bremen").exists()


def test_new_hub_errors_come_before_the_legal_pages_placeholders(tmp_path: Path):
    repo = make_repo(tmp_path, with_content=True)
    assert run_build_py("new-hub", "bremen", root=repo).returncode == 0
    release = run_build_py("check", "--release", root=repo)
    errors = [line for line in release.stderr.splitlines() if ": error: " in line]
    legal = [index for index, line in enumerate(errors) if line.startswith("content/")]
    hub = [index for index, line in enumerate(errors) if line.startswith("hubs/bremen/")]
    assert len(hub) == 7 and len(legal) > 50
    assert max(hub) < min(legal), "the hub team's own errors first, the operator's placeholders after them"


def test_placeholders_are_never_cut_mid_word(tmp_path: Path):
    repo = make_repo(tmp_path)
    words = "Name der verantwortlichen Stelle, bei juristischen Personen mit Rechtsform und vertretungsberechtigter Person"
    (repo / "hubs" / "dortmund" / "de.md").write_text(f"## Schwerpunkt\n\n[[TODO: {words}]]\n", encoding="utf-8")
    release = run_build_py("check", "--release", root=repo)
    line = next(line for line in release.stderr.splitlines() if line.startswith("hubs/dortmund/de.md:3:1: error: placeholder"))
    shown = line.split("placeholder [[TODO: ", 1)[1].split("]] must be filled in", 1)[0]
    assert shown.endswith("…") and len(shown) < len(words)
    assert words.startswith(shown[:-1]) and words[len(shown) - 1] in " ,", f"cut inside a word: {shown!r}"


def test_shortened_values_end_after_a_whole_word():
    from dehub.diagnostics import clip, shorten

    assert clip("short", 10) == "short"
    assert clip("Anschrift der verantwortlichen Stelle", 20) == "Anschrift der…"
    assert clip("x" * 30, 10) == "x" * 9 + "…", "no space: cut hard (hostile input stays bounded)"
    assert shorten("[[TODO: Kontaktdaten, falls bestellt, oder Hinweis, dass keine Bestellung erforderlich ist]]", 60).endswith("dass…")


def test_new_hub_refuses_an_existing_slug(tmp_path: Path):
    repo = make_repo(tmp_path)
    before = snapshot(repo)
    result = run_build_py("new-hub", "dortmund", root=repo)
    assert result.returncode == 1
    assert result.stderr.strip() == "hubs/dortmund: error: already exists; nothing was changed (edit its files instead)"
    assert snapshot(repo) == before


@pytest.mark.parametrize("slug", ["Bremen", "bremen_nord", "-bremen", "bremen-", "bre--men", "../bremen", "bremen/x", "", "über"])
def test_new_hub_refuses_an_invalid_slug(tmp_path: Path, slug: str):
    repo = make_repo(tmp_path)
    before = snapshot(repo)
    outside = snapshot(tmp_path)
    result = run_build_py("new-hub", "--", slug, root=repo)  # "--": "-bremen" is a slug, not an option
    assert result.returncode == 1
    assert result.stderr.strip() == (f"error: {slug!r} is not a valid slug (lowercase letters, digits, single hyphens, e.g. 'bremen')")
    assert snapshot(repo) == before
    assert snapshot(tmp_path) == outside


# --- the committed schema ----------------------------------------------------------------


@pytest.mark.parametrize(("name", "generate"), [("hub.schema.json", hub_schema), ("event.schema.json", event_file_schema)])
def test_committed_schema_is_current(name: str, generate):
    committed = (ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == render(generate()), f"{SCHEMA_DIR}/{name} is stale: run `make schema` and commit the result"


def test_schema_is_valid_json_schema():
    from jsonschema import Draft202012Validator

    for name in ("hub.schema.json", "event.schema.json"):
        Draft202012Validator.check_schema(json.loads((ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8")))


# --- the shipped hubs --------------------------------------------------------------------


def test_the_twelve_slugs_exist_exactly():
    folders = sorted(p.name for p in (ROOT / "hubs").iterdir() if p.is_dir())
    assert folders == SLUGS


@pytest.mark.parametrize("slug", SLUGS)
def test_shipped_hub_starts_with_the_modeline(slug: str):
    text = (ROOT / "hubs" / slug / "hub.yml").read_text(encoding="utf-8")
    assert text.startswith(MODELINE)


@pytest.mark.parametrize("slug", SLUGS)
def test_shipped_hub_has_german_and_english_prose(slug: str):
    folder = ROOT / "hubs" / slug
    for lang in ("de", "en"):
        prose = folder / f"{lang}.md"
        assert prose.is_file() and not prose.is_symlink(), f"hubs/{slug}/{lang}.md is missing"
        assert prose.read_text(encoding="utf-8").strip(), f"hubs/{slug}/{lang}.md is empty"


@pytest.mark.parametrize("slug", SLUGS)
def test_shipped_hub_is_valid_against_the_committed_schema(slug: str):
    """What editors see (schema/hub.schema.json) accepts what `check` accepts."""
    from jsonschema import Draft202012Validator

    from dehub.diagnostics import Report
    from dehub.load.safe_yaml import load_yaml

    schema = json.loads((ROOT / SCHEMA_DIR / "hub.schema.json").read_text(encoding="utf-8"))
    report = Report()
    doc = load_yaml((ROOT / "hubs" / slug / "hub.yml").read_text(encoding="utf-8"), slug, report)
    assert report.ok
    assert list(Draft202012Validator(schema).iter_errors(doc.data)) == []
