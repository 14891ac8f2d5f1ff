"""dehub/cache.py: `check` remembers only what it found clean, keyed by contents and code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUILD_EPOCH, ROOT, make_repo, run_build_py

NOT_CI = {"CI": "", "GITHUB_ACTIONS": ""}  # the cache is off in CI (and these tests run there too)


def test_a_warm_check_still_finds_a_new_error_and_a_fixed_one_passes_again(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = {"DEHUB_CACHE_DIR": str(tmp_path / "cache"), **NOT_CI}
    first = run_build_py("check", root=repo, env=env)
    assert first.returncode == 0, first.stderr
    assert any((tmp_path / "cache").rglob("*")), "a clean run leaves its verdicts"
    warm = run_build_py("check", root=repo, env=env)
    assert (warm.returncode, warm.stdout) == (0, first.stdout)

    hub = repo / "hubs" / "dortmund" / "hub.yml"
    good = hub.read_text(encoding="utf-8")
    hub.write_text(good.replace("lon: 7.468", "lon: 75.468"), encoding="utf-8")
    broken = run_build_py("check", root=repo, env=env)
    assert broken.returncode == 1
    assert "hubs/dortmund/hub.yml:" in broken.stderr and "outside Germany" in broken.stderr
    again = run_build_py("check", root=repo, env=env)  # an error is never remembered
    assert again.returncode == 1 and again.stderr == broken.stderr

    hub.write_text(good, encoding="utf-8")
    assert run_build_py("check", root=repo, env=env).returncode == 0


def test_a_broken_catalog_is_found_even_after_a_clean_run(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = {"DEHUB_CACHE_DIR": str(tmp_path / "cache"), **NOT_CI}
    assert run_build_py("check", root=repo, env=env).returncode == 0
    po = repo / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "', 'msgstr "%(oops)s ', 3), encoding="utf-8")
    result = run_build_py("check", root=repo, env=env)
    assert result.returncode == 1
    assert "translations/fr/LC_MESSAGES/messages.po:" in result.stderr


def test_check_imports_neither_validator_when_everything_was_clean(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = {"DEHUB_CACHE_DIR": str(tmp_path / "cache"), **NOT_CI}
    assert run_build_py("check", root=repo, env=env).returncode == 0
    probe = (
        "import sys\n"
        "from dehub.cli import main\n"
        "status = main(['--root', sys.argv[1], 'check'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'babel', 'mkdocs', 'jinja2'))\n"
        "print(status, heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(repo)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, **env},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0 []"


# Issue 25, class 6: a cache never decides.


def test_a_cache_in_the_checkout_is_never_read_or_written(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    planted = repo / ".cache" / "dehub"
    env = {"DEHUB_CACHE_DIR": str(planted), "XDG_CACHE_HOME": str(repo / ".cache"), **NOT_CI}
    assert run_build_py("check", root=repo, env=env).returncode == 0
    assert not planted.exists(), "a clean run leaves nothing a pull request could have added"
    po = repo / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "', 'msgstr "%(oops)s ', 3), encoding="utf-8")
    assert run_build_py("check", root=repo, env=env).returncode == 1


def test_keys_need_the_machines_secret_which_only_its_owner_can_read(tmp_path: Path, monkeypatch) -> None:
    from dehub.cache import CleanCache

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    repo = make_repo(tmp_path)
    paths = []
    for machine in ("one", "two"):
        monkeypatch.setenv("DEHUB_CACHE_DIR", str(tmp_path / machine))
        cache = CleanCache(repo)
        assert cache.folder is not None
        assert (tmp_path / machine / "secret").stat().st_mode & 0o777 == 0o600
        paths.append(cache._path("catalog", (b"fr", b"same bytes")).name)
    assert paths[0] != paths[1], "a key computed without the secret matches nothing"
    (tmp_path / "one" / "secret").chmod(0o644)  # readable by others: no longer a secret
    monkeypatch.setenv("DEHUB_CACHE_DIR", str(tmp_path / "one"))
    assert CleanCache(repo).folder is None


def test_release_and_ci_never_use_the_cache(tmp_path: Path, monkeypatch) -> None:
    from dehub.cache import CleanCache

    repo = make_repo(tmp_path)
    monkeypatch.setenv("DEHUB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert CleanCache(repo).folder is not None
    assert CleanCache(repo, release=True).folder is None
    for name in ("CI", "GITHUB_ACTIONS"):
        monkeypatch.setenv(name, "true")
        assert CleanCache(repo).folder is None
        monkeypatch.delenv(name)


def test_a_release_check_after_a_clean_run_still_finds_the_placeholder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "content" / "de").mkdir(parents=True)
    (repo / "content" / "de" / "impressum.md").write_text("---\ntitle: Impressum\n---\n\n[[TODO: Anschrift]]\n", encoding="utf-8")
    env = {"DEHUB_CACHE_DIR": str(tmp_path / "cache"), **NOT_CI}
    assert run_build_py("check", root=repo, env=env).returncode == 0
    release = run_build_py("check", "--release", root=repo, env=env)
    assert release.returncode == 1 and "content/de/impressum.md:5:1: error: placeholder" in release.stderr


def test_the_release_build_applies_the_release_gate_itself(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "content" / "de").mkdir(parents=True)
    (repo / "content" / "de" / "impressum.md").write_text("---\ntitle: Impressum\n---\n\n[[TODO: Anschrift]]\n", encoding="utf-8")
    out = tmp_path / "site"
    built = run_build_py("build", "--release", "--lang", "de", "--out", str(out), root=repo)
    assert built.returncode == 1 and "content/de/impressum.md:5:1: error: placeholder" in built.stderr and not out.exists()
    assert run_build_py("build", "--lang", "de", "--out", str(out), root=repo).returncode == 0  # a preview may hold them


def test_the_release_build_refuses_a_stale_pot_as_check_release_does(tmp_path: Path) -> None:
    from tests.commands.test_i18n import code_repo

    repo = code_repo(tmp_path)
    events = repo / "dehub" / "render" / "templates" / "events.html"
    events.write_text(events.read_text(encoding="utf-8") + '<p>{{ _("A brand-new string") }}</p>\n', encoding="utf-8")
    out = tmp_path / "site"
    checked = run_build_py("check", "--release", root=repo, env=NOT_CI)
    built = run_build_py("build", "--release", "--lang", "de", "--out", str(out), root=repo)
    for result in (checked, built):
        assert result.returncode == 1 and "translations/messages.pot:1: error: out of date" in result.stderr, result.stderr
    assert not out.exists()
