"""Issue 17: one glossary (translations/glossary.csv), and `check` warnings for prose that uses a
forbidden term or names a focus by another word than its language's label."""

from __future__ import annotations

import csv
from pathlib import Path

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.localize.focus import FOCUS_KEYS
from dehub.localize.localizer import localizer
from dehub.validate.glossary import GLOSSARY, read_glossary
from tests.conftest import ROOT, make_repo, run_build_py


def add_line(repo: Path, path: str, text: str) -> int:
    """Append a paragraph to a prose file; returns its line number."""
    file = repo / path
    lines = file.read_text(encoding="utf-8").rstrip("\n").split("\n") + ["", text]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def test_the_glossary_has_a_column_per_language_and_the_catalogs_focus_labels() -> None:
    config = load_config(ROOT)
    with open(ROOT / GLOSSARY, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:2] == ["key", "kind"] and header[2:-1] == ["en", *[c for c in config.codes if c != "en"]] and header[-1] == "note"
    report = Report()
    glossary = read_glossary(ROOT, config, report)
    assert report.diagnostics == []
    labels = glossary.focus_labels()
    assert set(labels) == set(FOCUS_KEYS)
    for lang in config.codes:
        loc = localizer(ROOT, lang, config.fallback_chain(lang))
        assert {key: names[lang] for key, names in labels.items()} == {key: loc.focus_label(key) for key in FOCUS_KEYS}, lang
    for key in ("hub", "initiative", "hub-agency", "start-up", "skilled-workers"):
        assert set(glossary.terms[key]) == set(config.codes), key
    assert {(f.lang, f.word) for f in glossary.forbidden} >= {("de", "Cybersecurity"), ("zh", "地点")}


def test_the_shipped_prose_follows_the_glossary() -> None:
    result = run_build_py("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "glossary" not in result.stdout + result.stderr


def test_check_warns_with_file_and_line_for_a_forbidden_term_and_a_wrong_focus_name(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    forbidden = add_line(repo, "hubs/dortmund/de.md", "Auch Cybersecurity-Start-ups sind willkommen.")
    in_code = add_line(repo, "hubs/dortmund/de.md", "Der Schlüssel `cybersecurity` ist ein Code, kein Text.")
    wrong_focus = add_line(repo, "hubs/hamburg/fr.md", "Le hub s’intéresse aussi à la Logistics portuaire.")
    gloss = add_line(repo, "hubs/hamburg/fr.md", "La Logistique (en anglais : Logistics) est son point fort.")
    chinese = add_line(repo, "hubs/hamburg/zh.md", "汉堡是德国的一个数字地点。")
    result = run_build_py("check", root=repo)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out  # warnings, not errors
    assert f"hubs/dortmund/de.md:{forbidden}:6: warning: 'Cybersecurity': {GLOSSARY}:" in out
    assert "forbids it in de prose (The German label is Cybersicherheit); write 'Cybersicherheit'" in out
    assert f"hubs/dortmund/de.md:{in_code}:" not in out
    assert f"hubs/hamburg/fr.md:{wrong_focus}:31: warning: names the focus 'logistics' as 'Logistics'; its fr label is 'Logistique'" in out
    assert f"hubs/hamburg/fr.md:{gloss}:" not in out  # the label is on the line: a gloss
    assert f"hubs/hamburg/zh.md:{chinese}:11: warning: '地点'" in out and "write '中心'" in out
    github = run_build_py("check", "--format", "github", root=repo).stdout
    assert f"::warning file=hubs/dortmund/de.md,line={forbidden},col=6::" in github


def test_a_broken_glossary_is_an_error_with_its_line(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    path = repo / GLOSSARY
    path.write_text(path.read_text(encoding="utf-8") + "hub,preferred,,,,,,,,\n", encoding="utf-8")
    line = len(path.read_text(encoding="utf-8").splitlines())
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert f"{GLOSSARY}:{line}: error: kind 'preferred' is unknown; use one of: term, forbidden" in result.stdout + result.stderr
