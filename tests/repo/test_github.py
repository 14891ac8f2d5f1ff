"""The GitHub side: workflows (zizmor, schemas, pins), CODEOWNERS, issue forms, Dependabot, CONTRIBUTING."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(path for path in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml")
PINS_FILE = GITHUB / "action-pins.md"
SHARED_PINS = ROOT.parent / "shared" / "github-actions.md"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    assert path.is_file(), f"{name} is not installed next to {sys.executable}; run `make test` (pyproject's [test] extra)"
    return str(path)


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def hub_slugs() -> set[str]:
    return {path.name for path in (ROOT / "hubs").iterdir() if path.is_dir() and not path.name.startswith((".", "_"))}


def language_codes() -> list[str]:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        mkdocs = yaml.safe_load(handle)
    return [entry["code"] for entry in mkdocs["extra"]["dehub"]["languages"]]


def load_yaml(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key `on` as the boolean True
    value = workflow.get("on", workflow.get(True))
    return {value: None} if isinstance(value, str) else dict(value or {})


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def pin_table(path: Path) -> dict[tuple[str, str], str]:
    """(action, version) -> sha from a Markdown table `| action | pin | version | ... |`.

    An action may be listed at several versions; notes after the version are ignored."""
    rows = re.findall(r"^\|\s*([\w.-]+/[\w./-]+)\s*\|\s*([0-9a-f]{40})\s*\|\s*(v[\w.]+)[^|\n]*\|", path.read_text(encoding="utf-8"), re.M)
    return {(action, version): sha for action, sha, version in rows}


def workflow(name: str) -> dict[str, Any]:
    return load_yaml(GITHUB / "workflows" / name)


# --- workflows -------------------------------------------------------------------------------


def test_workflows_exist() -> None:
    assert {path.name for path in WORKFLOWS} >= {"pr.yml", "deploy.yml"}


def test_zizmor_reports_no_findings() -> None:
    # --no-ignores: a `# zizmor: ignore` comment must not hide a finding
    result = run(tool("zizmor"), "--offline", "--no-ignores", "--format", "json", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == [], result.stdout
    plain = run(tool("zizmor"), "--offline", ".github/workflows")
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "No findings to report" in plain.stdout, plain.stdout


def test_zizmor_pedantic_covers_dependabot_too() -> None:
    result = run(tool("zizmor"), "--offline", "--no-ignores", "--persona", "pedantic", "--format", "json", ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == [], result.stdout


@pytest.mark.parametrize(
    ("schema", "pattern"),
    [
        ("vendor.github-workflows", "workflows/*.yml"),
        ("custom.github-workflows-require-timeout", "workflows/*.yml"),
        ("vendor.dependabot", "dependabot.yml"),
        ("vendor.github-issue-forms", "ISSUE_TEMPLATE/[!c]*.yml"),
        ("vendor.github-issue-config", "ISSUE_TEMPLATE/config.yml"),
    ],
)
def test_schema(schema: str, pattern: str) -> None:
    files = sorted(str(path.relative_to(ROOT)) for path in GITHUB.glob(pattern))
    assert files, f"no files match .github/{pattern}"
    result = run(tool("check-jsonschema"), "--builtin-schema", schema, *files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_pin_table_copy_matches_shared_notes() -> None:
    copy = pin_table(PINS_FILE)
    assert len(copy) >= 11, "the pin table in .github/action-pins.md is missing or unreadable"
    if not SHARED_PINS.is_file():
        pytest.skip(f"{SHARED_PINS} is not here (a fresh clone); .github/action-pins.md is the reference")
    shared = pin_table(SHARED_PINS)
    assert len(shared) >= 11, "../shared/github-actions.md could not be read"
    assert shared.items() <= copy.items(), "copy the verified pins from ../shared/github-actions.md"


def test_every_action_is_pinned_to_a_verified_sha() -> None:
    pins = pin_table(PINS_FILE)
    seen = 0
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
            if not match:
                continue
            where = f"{path.name}:{number}"
            ref, comment = match.groups()
            if ref.startswith("./.github/workflows/"):  # a workflow of this repository, at this commit
                assert (ROOT / ref).is_file(), f"{where}: {ref} does not exist"
                continue
            seen += 1
            action, _, sha = ref.partition("@")
            assert re.fullmatch(r"[0-9a-f]{40}", sha), f"{where}: {ref} is not pinned to a full commit SHA"
            version = re.fullmatch(r"\s*#\s*(v[\w.]+)\s*", comment)
            assert version, f"{where}: needs the version as a comment, e.g. # v7.0.1"
            key = (action, version.group(1))
            assert key in pins, f"{where}: {action} {version.group(1)} has no verified pin in .github/action-pins.md"
            assert sha == pins[key], f"{where}: {action}@{sha} is not the verified pin of {version.group(1)}, {pins[key]}"
    assert seen >= 12


def test_actions_run_on_node_24() -> None:
    """Pins come from the table's Node 24 section; only configure-pages has no Node 24 release."""
    text = PINS_FILE.read_text(encoding="utf-8")
    current = text.split("## Earlier", 1)[0]
    runtime_of = {
        sha: runtime
        for _action, sha, runtime in re.findall(r"^\|\s*([\w.-]+/[\w./-]+)\s*\|\s*([0-9a-f]{40})\s*\|[^|]*\|\s*(\w+)\s*\|", current, re.M)
    }
    assert len(runtime_of) >= 11
    for path in WORKFLOWS:
        for action, sha in re.findall(r"uses:\s*([\w.-]+/[\w.-]+)@([0-9a-f]{40})", path.read_text(encoding="utf-8")):
            assert sha in runtime_of, f"{path.name}: {action}@{sha} is not one of the current (Node 24) pins"
            if action != "actions/configure-pages":
                assert runtime_of[sha] in {"node24", "composite"}, f"{path.name}: {action} runs on {runtime_of[sha]}"
        for version in re.findall(r"node-version:\s*\"?(\d+)", path.read_text(encoding="utf-8")):
            assert int(version) >= 24 and int(version) % 2 == 0, f"{path.name}: Node {version} is not a maintained LTS"


def test_workflow_hardening() -> None:
    for path in WORKFLOWS:
        workflow = load_yaml(path)
        assert "pull_request_target" not in triggers(workflow), path.name
        assert workflow.get("permissions") in ({}, {"contents": "read"}), f"{path.name}: top-level permissions must be {{}}"
        for name, job in workflow["jobs"].items():
            if "uses" in job:  # a called workflow: its own jobs carry the timeouts
                assert str(job["uses"]).startswith("./.github/workflows/"), f"{path.name}: job {name} calls a foreign workflow"
                continue
            assert isinstance(job.get("timeout-minutes"), int), f"{path.name}: job {name} has no timeout-minutes"
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: checkout must not persist credentials"
                assert "${{" not in str(step.get("run", "")), f"{path.name}: pass expressions to `run:` through `env:`"


def test_pr_workflow() -> None:
    workflow = load_yaml(GITHUB / "workflows" / "pr.yml")
    assert set(triggers(workflow)) == {"pull_request"}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    all_steps = steps(workflow)
    uses = {str(step.get("uses", "")).split("@")[0]: step for step in all_steps}
    python = uses["actions/setup-python"]["with"]
    assert (str(python["python-version"]), python["cache"], python["cache-dependency-path"]) == ("3.11", "pip", "requirements.lock.txt")
    node = uses["actions/setup-node"]["with"]
    assert (str(node["node-version"]), node["cache"]) == ("24", "npm")
    artifacts = {
        step["with"]["name"]: step["with"]["path"] for step in all_steps if str(step.get("uses", "")).startswith("actions/upload-artifact@")
    }
    assert artifacts == {"preview": "preview", "screenshots": "screenshots"}  # the preview, and make screenshots' PNGs (issue 27)
    runs = "\n".join(str(step.get("run", "")) for step in all_steps)
    assert "python build.py check --format github" in runs
    assert re.search(r"^make test$", runs, re.M)
    assert re.search(r"^make screenshots$", runs, re.M)
    assert "fonts-noto-cjk fonts-noto-core" in runs  # real glyphs for the layout gates and screenshots
    assert job["env"]["DEHUB_CHROMIUM"] == "/usr/bin/google-chrome"
    assert 'python build.py i18n status --format markdown >> "$GITHUB_STEP_SUMMARY"' in runs
    assert "python build.py build --offline --out preview" in runs
    assert re.search(r'python -m dehub\.changes --base "\$\w+" >> "\$GITHUB_STEP_SUMMARY"', runs)
    # the changed-files list needs the base commit
    checkout = uses["actions/checkout"]["with"]
    assert checkout["fetch-depth"] == 0


def test_deploy_workflow() -> None:
    workflow = load_yaml(GITHUB / "workflows" / "deploy.yml")
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in on, "daily.yml starts this workflow"
    assert "schedule" not in on, "the schedule lives in daily.yml, so GitHub disabling it never stops the deploy"
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    for job in (build, deploy):
        assert job["if"] == "github.ref == 'refs/heads/main'", "only main is ever published"
    assert "write" not in build["permissions"].values()
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["steps"][0]["id"] == "deployment"
    by_action = {str(step.get("uses", "")).split("@")[0]: step for step in build["steps"]}
    assert by_action["actions/configure-pages"]["id"] == "pages"
    assert by_action["actions/upload-pages-artifact"]["with"] == {"path": "site"}, "hidden files (the build marker) stay out"
    commands = {step["run"].strip(): step for step in build["steps"] if "run" in step}
    check = next(step for command, step in commands.items() if command.endswith("build.py check --release"))
    site = next(step for command, step in commands.items() if command.endswith("build.py build --release"))
    for step in (check, site):
        assert step["env"]["DEHUB_SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    # a publishing workflow restores no cache that a pull request could have written
    text = (GITHUB / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert not re.search(r"^\s*cache(-dependency-path)?:", text, re.M)
    assert "actions/cache" not in text


def test_daily_rebuild_is_a_workflow_of_its_own_that_starts_the_deploy() -> None:
    daily = workflow("daily.yml")
    assert set(triggers(daily)) == {"schedule"}
    (job,) = daily["jobs"].values()
    assert job["permissions"] == {"actions": "write"}
    (step,) = job["steps"]
    assert step["run"].strip() == "gh workflow run deploy.yml --ref main"
    assert step["env"] == {"GH_TOKEN": "${{ github.token }}", "GH_REPO": "${{ github.repository }}"}
    assert "workflow_dispatch" in triggers(workflow("deploy.yml"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "daily.yml" in readme and "Enable workflow" in readme, "the README tells maintainers how to re-enable the schedule"


def test_every_workflow_but_the_canary_installs_from_the_lock() -> None:
    for path in WORKFLOWS:
        runs = "\n".join(str(step.get("run", "")) for step in steps(load_yaml(path)) if "jobs" in load_yaml(path))
        if path.name == "canary.yml":
            assert "make .venv/.installed" not in runs and "--upgrade" in runs
        elif "pip install" in runs or "build.py" in runs:
            assert "make .venv/.installed" in runs and "pip install" not in runs, f"{path.name} must install from the lock"


def test_canary_tries_the_newest_releases_and_reports_what_moved() -> None:
    canary = workflow("canary.yml")
    on = triggers(canary)
    assert "schedule" in on and "workflow_dispatch" in on and "push" not in on and "pull_request" not in on
    assert set(canary["jobs"]) == {"newest", "zensical"}
    job = canary["jobs"]["newest"]
    assert job["permissions"] == {"contents": "read"}
    runs = [str(step.get("run", "")) for step in job["steps"]]
    joined = "\n".join(runs)
    assert "--require-hashes" not in joined and "pip install --upgrade --upgrade-strategy eager -e '.[test]'" in joined
    assert 'tools/lock_diff.py requirements.lock.txt >> "$GITHUB_STEP_SUMMARY"' in joined
    for command in ("build.py check", "build.py build", "-m pytest"):
        assert command in joined, command


def test_lock_diff_reports_packages_that_moved() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import lock_diff
    finally:
        sys.path.pop(0)
    lines = lock_diff.report({"babel": "2.19.0", "nh3": "0.3.0"}, {"babel": "2.20.0", "nh3": "0.3.0", "new-dep": "1.0"})
    assert "| babel | 2.19.0 | 2.20.0 |" in lines and "| new-dep | - | 1.0 |" in lines
    assert not any("nh3" in line for line in lines)
    assert "Nothing moved" in "\n".join(lock_diff.report({"babel": "2.19.0"}, {"babel": "2.19.0"}))


# --- CODEOWNERS ------------------------------------------------------------------------------


def codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def test_codeowners_default_owner_comes_first() -> None:
    rules = codeowners()
    assert rules[0][0] == "*" and len(rules[0][1]) == 1
    assert re.fullmatch(r"@[\w-]+/hub-agency", rules[0][1][0])
    header = (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "placeholder" in header and "hub-<slug>" in header and "translators-<lang>" in header


def test_codeowners_in_sync_with_hubs_and_languages() -> None:
    rules = codeowners()
    org = rules[0][1][0].split("/")[0]
    hubs, langs = hub_slugs(), language_codes()
    owners = dict(rules)
    for slug in hubs:
        assert owners.get(f"/hubs/{slug}/") == [f"{org}/hub-{slug}"], f"CODEOWNERS needs: /hubs/{slug}/ {org}/hub-{slug}"
    for lang in langs:
        for folder in ("translations", "content"):
            line = f"/{folder}/{lang}/ {org}/translators-{lang}"
            assert owners.get(f"/{folder}/{lang}/") == [f"{org}/translators-{lang}"], f"CODEOWNERS needs: {line}"
    for pattern, names in rules:
        for owner in names:
            assert owner.startswith(f"{org}/"), f"{owner}: all teams belong to {org}"
            team = owner.split("/", 1)[1]
            if team == "hub-agency":
                continue
            if team.startswith("hub-"):
                assert team.removeprefix("hub-") in hubs, f"CODEOWNERS names {owner}, but hubs/{team.removeprefix('hub-')}/ does not exist"
            elif team.startswith("translators-"):
                assert team.removeprefix("translators-") in langs, f"CODEOWNERS names {owner}, but mkdocs.yml has no such language"
            else:
                pytest.fail(f"CODEOWNERS: {owner} does not follow the naming convention")
        match = re.fullmatch(r"/(hubs|translations|content)/([^/]+)/", pattern)
        if pattern != "*":
            assert match, f"CODEOWNERS: unexpected pattern {pattern}"
            kind, name = match.groups()
            assert name in (hubs if kind == "hubs" else langs), f"CODEOWNERS names {pattern}, which is no hub or configured language"
    assert "agency" not in hubs, "the slug 'agency' clashes with the team hub-agency"


# --- issue forms, PR template, Dependabot ------------------------------------------------------


def test_issue_forms() -> None:
    names = {load_yaml(path)["name"] for path in ISSUE_FORMS}
    for wanted in ("update our hub profile", "submit an event", "report a translation error", "report an accessibility barrier"):
        assert any(wanted in name.lower() for name in names), f"no issue form for {wanted!r}: {names}"
    assert load_yaml(GITHUB / "ISSUE_TEMPLATE" / "config.yml")["blank_issues_enabled"] is False


def test_issue_form_choices_match_hubs_and_languages() -> None:
    dropdowns = {
        (path.name, item["id"]): item["attributes"]["options"]
        for path in ISSUE_FORMS
        for item in load_yaml(path)["body"]
        if item["type"] == "dropdown"
    }
    hub_lists = [options for (_, field), options in dropdowns.items() if field in ("hub", "organiser")]
    assert len(hub_lists) == 2
    for options in hub_lists:
        assert hub_slugs() == {option for option in options if re.fullmatch(r"[a-z0-9-]+", option)}
    (languages,) = [options for (name, field), options in dropdowns.items() if field == "language" and "translation" in name]
    assert [option.split()[0] for option in languages] == language_codes()


def test_accessibility_form_is_the_bitv_feedback_channel() -> None:
    (form,) = [load_yaml(path) for path in ISSUE_FORMS if "accessibility" in path.name]
    text = json.dumps(form, ensure_ascii=False)
    assert "BITV" in text and "accessibility statement" in text and "Erklärung zur Barrierefreiheit" in text
    assert "public" in text  # warns that the report is public


def test_pull_request_template() -> None:
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) >= 3
    joined = " ".join(boxes)
    assert "check" in joined and "preview" in joined and "public source" in joined


def test_dependabot() -> None:
    config = load_yaml(GITHUB / "dependabot.yml")
    updates = {entry["package-ecosystem"]: entry for entry in config["updates"]}
    assert set(updates) == {"pip", "npm", "github-actions"}
    assert all(entry["schedule"]["interval"] == "weekly" for entry in updates.values())
    pip = updates["pip"]
    assert pip["versioning-strategy"] == "lockfile-only" and pip["allow"] == [{"dependency-type": "all"}]
    (group,) = pip["groups"].values()
    assert group["update-types"] == ["minor", "patch"]
    assert {"babel", "mkdocs*", "playwright", "zizmor", "check-jsonschema"} <= set(group["exclude-patterns"])
    npm = updates["npm"]
    assert npm["directories"] == ["/", "/tools/audit"]
    assert {"dependency-name": "lighthouse", "update-types": ["version-update:semver-major"]} in npm["ignore"]
    assert updates["github-actions"]["groups"]


# --- CONTRIBUTING ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "CONTRIBUTING.de.md"])
def test_contributing(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    for needle in (
        "Edit this file",
        "Fork",
        "hubs/<slug>/",
        "hub.yml",
        "de.md",
        "en.md",
        "check --format github",
        "Artifacts",
        "index.html",
        "translations/README.md",
        "make site",
        "make test",
        ".github/CODEOWNERS",
    ):
        assert needle in text, f"{name} should mention {needle!r}"
    other = "CONTRIBUTING.de.md" if name == "CONTRIBUTING.md" else "CONTRIBUTING.md"
    assert f"]({other})" in text


# --- what GitHub Pages receives ---------------------------------------------------------------


@pytest.mark.slow
def test_the_pages_artifact_leaves_out_the_build_marker(built_site) -> None:
    """upload-pages-artifact v5 leaves out hidden files: the marker stays behind, every page goes."""
    files = [path.relative_to(built_site.root) for path in built_site.root.rglob("*") if path.is_file()]
    uploaded = {path for path in files if not any(part.startswith(".") for part in path.parts)}
    assert sorted(set(files) - uploaded) == [Path(".dehub-site")], "only the build marker may be a hidden file"
    for needed in ("index.html", "404.html", "sitemap.xml", "en/index.html", "api/hubs.json"):
        assert Path(needed) in uploaded, needed
    assert "include-hidden-files" not in (GITHUB / "workflows" / "deploy.yml").read_text(encoding="utf-8")


def test_canary_re_runs_the_zensical_reproductions_into_the_job_summary() -> None:
    job = workflow("canary.yml")["jobs"]["zensical"]
    assert job["permissions"] == {"contents": "read"}
    runs = "\n".join(str(step.get("run", "")) for step in job["steps"])
    assert "pip install --upgrade zensical 'mkdocs>=1.6,<2'" in runs
    assert 'tools/zensical_canary.py docs/zensical-repro --python .venv-zensical/bin/python >> "$GITHUB_STEP_SUMMARY"' in runs
    assert len(list((ROOT / "docs" / "zensical-repro").glob("*/check.sh"))) == 6


def test_mkdocs_is_pinned_below_2() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'"mkdocs>=[0-9.]+,<2"', text), "MkDocs 2 drops plugins and themes: pyproject.toml pins mkdocs below 2"


def zensical_canary():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import zensical_canary as module
    finally:
        sys.path.pop(0)
    return module


def test_zensical_canary_reports_a_new_release_and_each_check_as_text(tmp_path: Path) -> None:
    canary = zensical_canary()
    (tmp_path / "README.md").write_text("<!-- checked-with: 0.1.2 -->\n", encoding="utf-8")
    for name, body in (("fixed", "echo 'now <b>fine</b>'\n"), ("broken", "printf 'still ```\\033[31m broken'\nexit 3\n")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "check.sh").write_text(body, encoding="utf-8")
    fake = tmp_path / "bin" / "python"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 0.1.10\n", encoding="utf-8")
    fake.chmod(0o755)
    text = "\n".join(canary.report(tmp_path, fake))
    assert "zensical 0.1.10: **a new release** against 0.1.2" in text
    assert "### broken: exit status 3" in text and "### fixed: exit status 0" in text
    assert "    now <b>fine</b>" in text  # an indented code block: shown as text
    assert "\x1b" not in text and "    still ```?[31m broken" in text


def test_zensical_canary_says_when_nothing_is_new_and_when_zensical_is_missing(tmp_path: Path) -> None:
    canary = zensical_canary()
    (tmp_path / "README.md").write_text("<!-- checked-with: 0.1.2 -->\n", encoding="utf-8")
    fake = tmp_path / "python"
    fake.write_text("#!/bin/sh\necho 0.1.2\n", encoding="utf-8")
    fake.chmod(0o755)
    assert "zensical 0.1.2: the version against 0.1.2" in "\n".join(canary.report(tmp_path, fake))
    fake.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    assert "nothing was run" in "\n".join(canary.report(tmp_path, fake))
