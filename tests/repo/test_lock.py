"""The hashed lock: it agrees with pyproject.toml, names only the public index, and is what installs."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lock.txt"
PIP_LOCK = ROOT / "requirements.pip.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})*)", re.M)
FORBIDDEN = re.compile(r"^\s*(?:--find-links|--index-url|--extra-index-url|--trusted-host|-f\s|-i\s)|\bfile:/|/opt/", re.M)


def pins(text: str) -> dict[str, tuple[Version, int]]:
    """name -> (version, number of hashes) for every `name==version` entry of a pip-compile lock."""
    return {canonicalize_name(name): (Version(version), hashes.count("--hash=")) for name, version, hashes in PIN.findall(text)}


def declared(pyproject: dict) -> list[Requirement]:
    project = pyproject["project"]
    texts = [*project["dependencies"], *pyproject["build-system"]["requires"]]
    texts += [text for extra in project.get("optional-dependencies", {}).values() for text in extra]
    return [Requirement(text) for text in texts]


def lock_problems(pyproject: dict, lock_text: str) -> list[str]:
    locked = pins(lock_text)
    problems = []
    for requirement in declared(pyproject):
        name = canonicalize_name(requirement.name)
        if name not in locked:
            problems.append(f"{requirement} is in pyproject.toml but not in the lock: run `make lock`")
        elif not requirement.specifier.contains(locked[name][0], prereleases=True):
            problems.append(f"{requirement}: the lock has {locked[name][0]}: run `make lock`")
    return problems


def test_lock_agrees_with_pyproject() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert lock_problems(pyproject, LOCK.read_text(encoding="utf-8")) == []


def test_a_dependency_added_without_relocking_fails() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pyproject["project"]["dependencies"].append("django>=5")
    pyproject["project"]["optional-dependencies"]["test"].append("pytest>=999")
    problems = lock_problems(pyproject, LOCK.read_text(encoding="utf-8"))
    assert len(problems) == 2
    assert "django>=5 is in pyproject.toml but not in the lock" in problems[0]
    assert "pytest>=999: the lock has" in problems[1]


def test_every_pin_is_hashed_and_the_build_backend_is_locked() -> None:
    locked = pins(LOCK.read_text(encoding="utf-8"))
    assert len(locked) >= 40
    assert all(hashes >= 1 for _version, hashes in locked.values()), [name for name, (_, h) in locked.items() if not h]
    for name in ("setuptools", "mkdocs", "mkdocs-material", "babel", "nh3", "pytest", "playwright"):
        assert name in locked, name
    assert locked["babel"][0] >= Version("2.19")
    requirement_lines = [line for line in LOCK.read_text(encoding="utf-8").splitlines() if line and not line.startswith((" ", "#"))]
    assert all("==" in line for line in requirement_lines), requirement_lines


def test_pip_itself_is_pinned_with_hashes() -> None:
    locked = pins(PIP_LOCK.read_text(encoding="utf-8"))
    assert set(locked) == {"pip"} and locked["pip"][1] >= 1


def test_locks_name_no_local_package_locations_or_hosts() -> None:
    for path in (LOCK, PIP_LOCK):
        text = path.read_text(encoding="utf-8")
        found = FORBIDDEN.findall(text)
        assert not found, f"{path.name}: {found}"
        assert not re.search(r"https?://", text), f"{path.name} names a host"


def test_the_lock_installs_with_hashes_required() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^PIP_INSTALL := .*--require-hashes --no-deps$", makefile, re.M)
    assert "$(PIP_INSTALL) -r $(PIP_LOCK)" in makefile and "$(PIP_INSTALL) -r $(LOCK)" in makefile
    assert "--no-deps --no-build-isolation -e ." in makefile and "pip check" in makefile
    assert "--upgrade pip" not in makefile


# The oldest Python the README promises: Debian 12's python3.11 (CI's and pyenv's are newer).
OLDEST_PYTHON = "3.11.2"


def too_new(pinned: dict[str, tuple[Version, int]], requires_python: dict[str, str | None]) -> list[str]:
    from packaging.specifiers import SpecifierSet

    return sorted(
        f"{name}=={pinned[name][0]} needs Python {spec}"
        for name, spec in requires_python.items()
        if name in pinned and spec and not SpecifierSet(spec).contains(OLDEST_PYTHON)
    )


def test_every_locked_package_installs_on_debians_python() -> None:
    from importlib.metadata import distributions

    installed = {canonicalize_name(d.metadata["Name"]): d.metadata.get("Requires-Python") for d in distributions()}
    pinned = pins(LOCK.read_text(encoding="utf-8"))
    assert {name: str(pinned[name][0]) for name in pinned if name in installed} and not too_new(pinned, installed)


def test_a_package_that_needs_a_newer_python_is_named() -> None:
    pinned = pins("pymdown-extensions==13.1.2 \\\n    --hash=sha256:0\n")
    assert too_new(pinned, {"pymdown-extensions": ">=3.11.5"}) == ["pymdown-extensions==13.1.2 needs Python >=3.11.5"]
    assert too_new(pinned, {"pymdown-extensions": ">=3.9"}) == []
