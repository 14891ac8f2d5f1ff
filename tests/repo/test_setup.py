"""A fresh machine: `make test` installs what it lacks (as root) or stops at once with one line
naming the missing Debian packages and the command that installs them; `python build.py ...`
works with the system's Python once `make site` has made .venv/.

The machines are faked: a folder of stub programs is the whole PATH (or its front), `id` says
who we are, and `DEHUB_CHROMIUM` / `DEFAULT_CHROMIUM` point at a browser that is there or not.
`-o` keeps make from touching .venv/ and node_modules/, and `PY` is a stub, so no real test
suite can start from here.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_repo

MAKE = shutil.which("make")
pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def stub(folder: Path, name: str, script: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def machine(tmp_path: Path, *, uid: int, tools: tuple[str, ...] = ()) -> Path:
    """A PATH folder with `id` (saying `uid`), `grep`, and stubs for the tools named."""
    folder = tmp_path / "bin"
    folder.mkdir()
    stub(folder, "id", f"echo {uid}")
    os.symlink(shutil.which("grep") or "/bin/grep", folder / "grep")
    for tool in tools:
        stub(folder, tool, "echo 'Noto Sans CJK JP'" if tool == "fc-list" else "exit 0")
    return folder


def make(*args: str, path: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "DEHUB_CHROMIUM"}}
    return subprocess.run(
        [MAKE, "--no-print-directory", "-o", ".venv/.installed", "-o", "node_modules/.installed", *args],
        cwd=ROOT,
        env={**clean, "PATH": path, **(env or {})},
        stdin=subprocess.DEVNULL,  # CI: nobody answers a question
        capture_output=True,
        text=True,
        timeout=30,  # "stops at once": well inside the 30 s
    )


def test_without_a_browser_make_test_stops_with_one_line_naming_the_package(tmp_path: Path) -> None:
    folder = machine(tmp_path, uid=1000, tools=("java", "npm", "fc-list"))
    result = make("test", "PY=/bin/false", f"DEFAULT_CHROMIUM={tmp_path}/no-chromium", path=str(folder))
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "make test needs the Debian package chromium; as root run: apt-get update && apt-get install -y chromium" in result.stderr
    assert "DEHUB_CHROMIUM" in result.stderr  # the other way: a Chrome elsewhere


def test_without_java_and_npm_one_line_names_them_all(tmp_path: Path) -> None:
    folder = machine(tmp_path, uid=1000)  # nothing but id and grep: no java, npm or fonts
    browser = stub(folder, "chromium", "exit 0")
    result = make("test", "PY=/bin/false", path=str(folder), env={"DEHUB_CHROMIUM": str(browser)})
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    wanted = "default-jre-headless npm fonts-noto-cjk fonts-noto-core"
    assert (
        f"needs the Debian packages default-jre-headless, npm, fonts-noto-cjk, fonts-noto-core; as root run: apt-get update && apt-get install -y {wanted}"
        in result.stderr
    )


def test_a_dehub_chromium_that_is_not_there_is_named_not_installed_over(tmp_path: Path) -> None:
    """GitHub's runners have Chrome elsewhere: a wrong DEHUB_CHROMIUM is the user's to fix, also as root."""
    folder = machine(tmp_path, uid=0, tools=("java", "npm", "fc-list", "apt-get"))
    result = make("test", "PY=/bin/false", path=str(folder), env={"DEHUB_CHROMIUM": "/nowhere/google-chrome"})
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert "DEHUB_CHROMIUM=/nowhere/google-chrome is not an executable file" in result.stderr


def test_as_root_make_test_installs_what_is_missing_without_questions(tmp_path: Path) -> None:
    folder = machine(tmp_path, uid=0, tools=("npm",))  # no browser, no java, no fonts
    browser, log = tmp_path / "chromium", tmp_path / "apt.log"
    installed = "\n".join(  # what Debian's packages would provide, as far as make can tell
        [
            f"cp {folder}/npm {browser}",
            f"cp {folder}/npm {folder}/java",
            f"printf '#!/bin/sh\\necho Noto\\n' > {folder}/fc-list",
            f"/bin/chmod +x {folder}/fc-list",
        ]
    )
    stub(folder, "apt-get", f'echo "$DEBIAN_FRONTEND $*" >> {log}\nif [ "$1" = install ]; then\n{installed}\nfi')
    os.symlink(shutil.which("cp") or "/bin/cp", folder / "cp")
    result = make("browsers", f"DEFAULT_CHROMIUM={browser}", path=str(folder))
    assert result.returncode == 0, result.stderr
    wanted = "chromium default-jre-headless fonts-noto-cjk fonts-noto-core"  # what is missing, not npm
    assert log.read_text(encoding="utf-8").splitlines() == ["noninteractive update -qq", f"noninteractive install -y -qq {wanted}"]
    assert f"installing {wanted} with apt-get" in result.stdout


def test_as_root_an_install_that_did_not_help_is_an_error(tmp_path: Path) -> None:
    folder = machine(tmp_path, uid=0, tools=("java", "npm", "fc-list", "apt-get"))  # apt-get does nothing
    result = make("browsers", f"DEFAULT_CHROMIUM={tmp_path}/no-chromium", path=f"{folder}:/usr/bin:/bin")
    assert result.returncode != 0
    assert "apt-get did not provide chromium; install it by hand: apt-get update && apt-get install -y chromium" in result.stderr


def test_with_everything_there_make_browsers_says_nothing(tmp_path: Path) -> None:
    folder = machine(tmp_path, uid=1000, tools=("java", "npm", "fc-list"))
    browser = stub(folder, "google-chrome", "exit 0")
    result = make("browsers", path=str(folder), env={"DEHUB_CHROMIUM": str(browser)})
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_missing_fonts_alone_are_a_warning_for_a_user(tmp_path: Path) -> None:
    folder = machine(tmp_path, uid=1000, tools=("java", "npm"))  # no fc-list: no fonts known
    browser = stub(folder, "chromium", "exit 0")
    result = make("browsers", path=str(folder), env={"DEHUB_CHROMIUM": str(browser)})
    assert result.returncode == 0
    assert "tested without their fonts" in result.stderr and "apt-get install -y fonts-noto-cjk fonts-noto-core" in result.stderr


# --- exit status 5 is never green ------------------------------------------------------------


def test_make_test_fails_when_pytest_ran_no_test(tmp_path: Path) -> None:
    folder = machine(tmp_path, uid=1000, tools=("java", "npm", "fc-list"))
    browser = stub(folder, "chromium", "exit 0")
    no_tests = stub(folder, "python", "exit 5")  # pytest's "no tests collected"
    result = make("test", f"PY={no_tests}", path=str(folder), env={"DEHUB_CHROMIUM": str(browser)})
    assert result.returncode != 0
    assert "error: pytest ran no test (exit status 5); that is not a pass" in result.stderr


def test_a_run_whose_every_test_was_skipped_exits_5(tmp_path: Path) -> None:
    (tmp_path / "test_skipped.py").write_text(
        "import pytest\n\n\n@pytest.mark.skip(reason='x')\ndef test_x():\n    pass\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider", "-q", str(tmp_path / "test_skipped.py")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 5, result.stdout
    assert "no test passed" in result.stdout


# --- build.py with the system's Python -------------------------------------------------------


def system_python() -> str:
    """The interpreter the venv was made from: what `python` is on a machine after `make site`."""
    found = Path(sys.base_prefix) / "bin" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    return str(found)


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "python").is_file(), reason="no .venv/ (make site makes it)")
def test_build_py_run_by_the_system_python_uses_the_project_venv(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)  # a repository without a check cache: the validators (Babel, ...) must load
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "DEHUB_REEXEC"}}
    probe = subprocess.run(
        [system_python(), "-c", "import sys; print(sys.prefix == sys.base_prefix)"], capture_output=True, text=True, env=env
    )
    assert probe.stdout.strip() == "True", "the base interpreter is not a virtual environment"
    result = subprocess.run(
        [system_python(), str(ROOT / "build.py"), "--root", str(repo), "check"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert "Traceback" not in result.stderr and "ModuleNotFoundError" not in result.stderr, result.stderr
    assert (result.returncode, result.stdout) == (0, "ok: 2 hubs, 0 events, no errors\n"), result.stderr


def test_build_py_without_venv_or_packages_says_run_make_site(tmp_path: Path) -> None:
    shutil.copy(ROOT / "build.py", tmp_path / "build.py")  # a fresh clone before `make site`: no .venv/
    result = subprocess.run(  # -I -S: no site-packages, as on a machine that has only Python itself
        [system_python(), "-I", "-S", str(tmp_path / "build.py"), "check"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "there is no .venv/; run `make site` first" in result.stderr
