"""The safe YAML reader: plain data with positions, or one clear error with a position."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dehub.diagnostics import Report
from dehub.load.safe_yaml import MAX_BYTES, MAX_DEPTH, decode_text, load_yaml, read_file, split_front_matter


def load(text: str, first_line: int = 1):
    report = Report()
    doc = load_yaml(text, "f.yml", report, first_line=first_line)
    return doc, report


def only_error(text: str) -> str:
    """The single error line a bad text produces (the reader stops at the first problem)."""
    doc, report = load(text)
    assert doc is None, f"expected a rejection, got {doc.data!r}"
    lines = report.lines()
    assert len(lines) == 1, lines
    return lines[0]


# --- plain data and positions ------------------------------------------------------------


def test_positions_of_values_and_keys_are_1_based():
    doc, report = load("name: X\ncities:\n  - name: Dortmund\n    lat: 51.5\nfocus: [iot, fintech]\n")
    assert report.ok
    assert doc.data == {"name": "X", "cities": [{"name": "Dortmund", "lat": 51.5}], "focus": ["iot", "fintech"]}
    assert doc.where(()) == (1, 1)
    assert doc.where(("name",)) == (1, 7)
    assert doc.where(("name",), of_key=True) == (1, 1)
    assert doc.where(("cities", 0)) == (3, 5)
    assert doc.where(("cities", 0, "lat")) == (4, 10)
    assert doc.where(("cities", 0, "lat"), of_key=True) == (4, 5)
    assert doc.where(("focus", 1)) == (5, 14)


def test_where_falls_back_to_the_nearest_parent():
    doc, _ = load("cities:\n  - name: A\n")
    assert doc.where(("cities", 0, "state")) == doc.where(("cities", 0)) == (2, 5)
    assert doc.where(("nothing", "here")) == (1, 1)


def test_first_line_offsets_positions_for_front_matter():
    doc, _ = load("title: T\ndescription: D\n", first_line=2)
    assert doc.where(("description",)) == (3, 14)


def test_dates_stay_text_so_impossible_dates_can_be_reported():
    doc, _ = load("start: 2027-02-30\nat: 2027-03-01T18:00\n")
    assert doc.data == {"start": "2027-02-30", "at": "2027-03-01T18:00"}


def test_scalars_resolve_like_yaml_1_1_core_types():
    doc, _ = load("a: 1\nb: 1.5\nc: true\nd: null\ne: '1'\nf: text\n")
    assert doc.data == {"a": 1, "b": 1.5, "c": True, "d": None, "e": "1", "f": "text"}


def test_keys_are_always_text():
    doc, _ = load("1: a\ntrue: b\n~: c\n")
    assert doc.data == {"1": "a", "true": "b", "~": "c"}


def test_crlf_line_endings_give_the_same_data_and_lines():
    raw = b"name: X\r\nfocus:\r\n  - iot\r\n"
    text = decode_text(raw, "f.yml", Report())
    assert "\r" not in text
    doc, report = load(text)
    assert report.ok and doc.data == {"name": "X", "focus": ["iot"]}
    assert doc.where(("focus", 0)) == (3, 5)


def test_lone_cr_line_endings_are_folded_too():
    assert decode_text(b"a: 1\rb: 2\r", "f", Report()) == "a: 1\nb: 2\n"


def test_byte_order_mark_is_accepted(tmp_path: Path):
    file = tmp_path / "hub.yml"
    file.write_bytes(b"\xef\xbb\xbfname: X\r\n")
    report = Report()
    text = read_file(file, "hub.yml", report)
    assert report.ok and text == "name: X\n"
    doc, report = load(text)
    assert doc.data == {"name": "X"} and doc.where(("name",)) == (1, 7)


def test_comments_anywhere():
    text = (
        "# head\nname: X # after a value\n# between\nfocus: [iot, # inside a flow list\n  fintech]\ncities:\n  # in a block\n  - a\n# tail"
    )
    doc, report = load(text)
    assert report.ok
    assert doc.data == {"name": "X", "focus": ["iot", "fintech"], "cities": ["a"]}
    assert doc.where(("name",)) == (2, 7)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n\n", "---\n", "---\n...\n"])
def test_empty_file_is_none_not_an_error(text):
    doc, report = load(text)
    assert report.ok
    assert doc is not None and doc.data is None


def test_one_document_with_explicit_start_marker_is_fine():
    doc, report = load("---\na: 1\n")
    assert report.ok and doc.data == {"a": 1}


def test_multiple_documents_are_rejected():
    assert only_error("a: 1\n---\nb: 2\n") == "f.yml:2:1: error: more than one YAML document; remove the '---' separator"


# --- things the reader refuses ------------------------------------------------------------


def test_alias_is_rejected():
    assert only_error("a: 1\nb: *x\n") == "f.yml:2:4: error: YAML aliases (*name) are not allowed; write the value out"


def test_anchor_is_rejected_before_any_alias_expands():
    assert only_error("a: &x 1\nb: *x\n") == "f.yml:1:4: error: YAML anchors (&name) are not allowed; write the value out"


def test_anchor_on_a_key_is_rejected():
    assert only_error("&k a: 1\n") == "f.yml:1:1: error: YAML anchors (&name) are not allowed; write the value out"


def test_billion_laughs_is_refused_quickly():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        prev, name = chr(ord("a") + level - 1), chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    started = time.perf_counter()
    error = only_error("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1
    assert "anchors (&name) are not allowed" in error


def test_merge_key_is_rejected():
    text = "base: {b: 1}\nhub:\n  <<: {b: 1}\n"
    assert only_error(text) == "f.yml:3:3: error: YAML merge keys (<<) are not allowed; write the keys out"


def test_quoted_merge_key_is_a_plain_key():
    doc, report = load("'<<': 1\n")
    assert report.ok and doc.data == {"<<": 1}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a: !!python/object/apply:os.system ['echo hi']\n", "'!!python/object/apply:os.system'"),
        ("a: !!python/name:os.system\n", "'!!python/name:os.system'"),
        ("!!python/object:dehub.model.City {name: x}\n", "'!!python/object:dehub.model.City'"),
        ("a: !custom 1\n", "'!custom'"),
        ("a: !custom {b: 1}\n", "'!custom'"),
        ("a: !!str 1\n", "'!!str'"),
        ("a: !!binary aGVsbG8=\n", "'!!binary'"),
        ("!!set {a, b}\n", "'!!set'"),
        ("a: !<tag:example.org,2000:x> 1\n", "'tag:example.org,2000:x'"),
    ],
)
def test_explicit_tags_are_rejected(text, shown):
    error = only_error(text)
    assert error.startswith("f.yml:1:")
    assert f"YAML tags such as {shown} are not allowed; remove the tag" in error


@pytest.mark.parametrize(
    "template",
    [
        "a: !!python/object/apply:os.system ['touch {marker}']\n",
        "!!python/object/apply:os.system\nargs: ['touch {marker}']\n",
        "a: !!python/object/new:subprocess.call [['touch', '{marker}']]\n",
        "- !!python/object/apply:builtins.exec [\"open('{marker}', 'w').close()\"]\n",
    ],
)
def test_python_tags_never_execute(tmp_path: Path, template):
    marker = tmp_path / "pwned"
    doc, report = load(template.format(marker=marker))
    assert doc is None and not report.ok
    assert not marker.exists()


def test_python_tag_in_a_hub_file_never_executes(tmp_path: Path):
    from tests.conftest import make_repo, run_build_py

    repo = make_repo(tmp_path, hubs=("dortmund",))
    marker = tmp_path / "pwned-by-check"
    (repo / "hubs" / "dortmund" / "hub.yml").write_text(f"name: !!python/object/apply:os.system ['touch {marker}']\n")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert not marker.exists()
    assert "YAML tags such as '!!python/object/apply:os.system' are not allowed" in result.stderr


def kept_with_error(text: str) -> tuple[object, str]:
    """A duplicate key is reported, but the document stays readable (the first value kept)."""
    doc, report = load(text)
    assert doc is not None
    lines = report.lines()
    assert len(lines) == 1, lines
    return doc.data, lines[0]


def test_duplicate_key_names_both_lines_and_keeps_reading():
    data, error = kept_with_error("a: 1\nb: 2\na: 3\nc: 4\n")
    assert error == "f.yml:3:1: error: duplicate key 'a' (first at line 1); keep only one"
    assert data == {"a": 1, "b": 2, "c": 4}


def test_duplicate_key_keeps_the_first_values_position():
    doc, _ = load("a: 1\nb:\n  x: 1\nb:\n  y: 2\n")
    assert doc.data == {"a": 1, "b": {"x": 1}}
    assert doc.where(("b", "x")) == (3, 6) and ("b", "y") not in doc.positions


def test_duplicate_key_in_a_nested_mapping():
    data, error = kept_with_error("cities:\n  - name: A\n    name: B\n")
    assert error == "f.yml:3:5: error: duplicate key 'name' (first at line 2); keep only one"
    assert data == {"cities": [{"name": "A"}]}


def test_duplicate_key_then_a_syntax_error_reports_both():
    doc, report = load("a: 1\na: 2\nb: [1\n")
    assert doc is None
    assert [line.split(": error: ")[0] for line in report.lines()] == [
        "f.yml:2:1",
        "f.yml:3:6",
    ]  # the missing "]" belongs at the end of line 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "cities:\n  - name: Dortmund\n     state: NRW\n",
            "f.yml:3:11: error: line 3 is indented wrongly: 'state: NRW' starts in column 6, but keys at this level start in "
            "column 5 (like 'name:' on line 2); write it as '    state: NRW' (spaces, not tabs)",
        ),
        (
            "cities:\n  - name: Dortmund\n   state: NRW\n",
            "f.yml:3:4: error: line 3 is indented wrongly: 'state: NRW' starts in column 4, but keys at this level start in "
            "column 5 (like 'name:' on line 2); write it as '    state: NRW' (spaces, not tabs)",
        ),
        (
            "name: X\n  focus: [iot]\n",
            "f.yml:2:8: error: line 2 is indented wrongly: 'focus: [iot]' starts in column 3, but keys at this level start in "
            "column 1 (like 'name:' on line 1); write it as 'focus: [iot]' (spaces, not tabs)",
        ),
        ("title: Hub: Abend\n", "f.yml:1:11: error: the value of 'title:' contains ': '; put it in quotes: 'title: \"Hub: Abend\"'"),
    ],
)
def test_indentation_mistakes_are_explained_in_plain_words(text: str, expected: str):
    assert only_error(text) == expected
    assert "mapping values" not in expected and "block end" not in expected


def test_complex_key_is_rejected():
    assert only_error("? [a, b]\n: 1\n") == "f.yml:1:3: error: a key must be plain text, not a list or mapping"


@pytest.mark.parametrize(
    ("text", "line"),
    [("a:\n\tb: 1\n", 2), ("a:\n  b: 1\n\tc: 2\n", 3), ("cities:\n\t- name: A\n", 2)],
)
def test_tab_indentation_has_its_own_message(text, line):
    error = only_error(text)
    assert error.startswith(f"f.yml:{line}:")
    assert error.endswith("tab character in indentation; YAML needs spaces (use 2 spaces per level)")


def test_nesting_at_the_limit_is_fine():
    doc, report = load("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n")
    assert report.ok


def test_deep_nesting_is_rejected():
    assert only_error("a: " + "[" * 30 + "]" * 30 + "\n") == f"f.yml:1:16: error: nesting deeper than {MAX_DEPTH} levels"


def test_deep_block_nesting_is_rejected():
    text = "".join("  " * i + f"k{i}:\n" for i in range(20)) + "  " * 20 + "v\n"
    error = only_error(text)
    assert error.startswith("f.yml:14:") and error.endswith(f"nesting deeper than {MAX_DEPTH} levels")


@pytest.mark.parametrize("text", ["[" * 200_000, "{" * 100_000, "a:\n" + "- " * 100_000 + "x\n"])
def test_pathological_nesting_fails_fast(text):
    started = time.perf_counter()
    doc, report = load(text)
    assert doc is None and not report.ok
    assert time.perf_counter() - started < 2


def test_oversized_text_is_rejected():
    assert only_error("a: '" + "x" * MAX_BYTES + "'\n") == f"f.yml:1: error: YAML is larger than {MAX_BYTES // 1024} KiB"


def test_oversized_file_is_refused_before_reading(tmp_path: Path):
    file = tmp_path / "hub.yml"
    file.write_bytes(b"#" * (MAX_BYTES + 1))
    report = Report()
    assert read_file(file, "hubs/x/hub.yml", report) is None
    assert report.lines() == [f"hubs/x/hub.yml:1: error: file is {(MAX_BYTES + 1) // 1024} KiB; the limit is {MAX_BYTES // 1024} KiB"]


@pytest.mark.parametrize(
    ("raw", "line", "col"),
    [
        (b"a: 1\nb: \xff\n", 2, 4),
        (b"\xff", 1, 1),
        (b"a: caf\xc3", 1, 7),  # truncated sequence at the end
        (b"name: M\xc3\xbcnchen \xe9\n", 1, 15),  # column in characters: the valid \xc3\xbc is one
        (b"a: 1\r\nb: 2\r\nc: \x80\r\n", 3, 4),
    ],
)
def test_invalid_utf8_names_line_and_column_of_the_bad_byte(raw, line, col):
    report = Report()
    assert decode_text(raw, "f.yml", report) is None
    assert report.lines() == [f"f.yml:{line}:{col}: error: file is not valid UTF-8; save it with UTF-8 encoding"]


def test_control_character_is_named_with_position():
    assert only_error("a: 1\nb: x\x07y\n") == "f.yml:2:5: error: invisible control character U+0007 is not allowed; delete it"


def test_syntax_error_has_position_and_no_python_internals():
    error = only_error("a: [1, 2\nb: 3\n")
    assert error == "f.yml:1:9: error: the list opened at line 1 col 4 is not closed with ']'; add ']' where it ends: 'a: [1, 2]'"
    assert "Traceback" not in error and "<unicode string>" not in error


def test_huge_integer_is_an_error_not_an_exception():
    error = only_error("a: " + "9" * 5000 + "\n")
    assert error.startswith("f.yml:1:4: error: value '999")
    assert error.endswith("cannot be read; put it in quotes if it is text")
    assert len(error) < 200


def test_error_messages_are_bounded_for_huge_keys():
    key = "k" * 100_000
    text = f"? {key}\n: 1\n? {key}\n: 2\n"
    _, error = kept_with_error(text)
    assert error.startswith("f.yml:3:3: error: duplicate key 'kkk")
    assert key not in error
    assert len(error) < 300


def test_error_messages_are_bounded_for_huge_tags():
    error = only_error("a: !" + "t" * 100_000 + " 1\n")
    assert "t" * 1000 not in error
    assert len(error) < 300


def test_error_messages_are_bounded_for_huge_plain_keys():
    error = only_error("k" * 100_000 + ": 1\n")
    assert "k" * 1000 not in error and len(error) < 300


# --- front matter -------------------------------------------------------------------------


def test_front_matter_positions_count_from_the_file_start():
    report = Report()
    meta, body_line, body = split_front_matter("---\ntitle: T\ndescription: D\n---\n\n# Body\n", "x.md", report)
    assert report.ok
    assert meta == {"title": "T", "description": "D"}
    assert body_line == 5 and body == "\n# Body\n"


def test_front_matter_errors_count_from_the_file_start():
    report = Report()
    assert split_front_matter("---\ntitle: T\ntitle: U\n---\nbody\n", "x.md", report) == ({"title": "T"}, 5, "body\n")
    assert report.lines() == ["x.md:3:1: error: duplicate key 'title' (first at line 2); keep only one"]


def test_unclosed_front_matter():
    report = Report()
    assert split_front_matter("---\ntitle: T\n\nbody\n", "x.md", report) is None
    assert report.lines() == ["x.md:1:1: error: front matter starts with '---' but has no closing '---' line"]


def test_front_matter_must_be_a_mapping():
    report = Report()
    assert split_front_matter("---\n- a\n---\nbody\n", "x.md", report) is None
    assert report.lines() == ["x.md:2:1: error: front matter must be a mapping of 'key: value' lines"]


def test_no_front_matter_is_fine():
    report = Report()
    assert split_front_matter("# Title\n", "x.md", report) == ({}, 1, "# Title\n")


# --- what is missing, in words, at the line where it is missing ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "cities:\n  - name: Dortmund\n    state Nordrhein-Westfalen\n    lat: 51.5\n",
            "f.yml:3:10: error: missing ':' after the key 'state'; write it as 'state: Nordrhein-Westfalen'",
        ),
        ("name: x\nwebsite https://x.de\n", "f.yml:2:8: error: missing ':' after the key 'website'; write it as 'website: https://x.de'"),
        (
            "cities:\n  - name Dortmund\n    state: Berlin\n",
            "f.yml:2:9: error: missing ':' after the key 'name'; write it as 'name: Dortmund'",
        ),
        (
            "focus: [iot, logistics\nwebsite: https://x.de\n",
            "f.yml:1:23: error: the list opened at line 1 col 8 is not closed with ']'; add ']' where it ends: 'focus: [iot, logistics]'",
        ),
        (
            "focus: [iot,\n  logistics   # two\n\nwebsite: https://x.de\n",
            "f.yml:2:12: error: the list opened at line 1 col 8 is not closed with ']'; add ']' where it ends: 'logistics]'",
        ),
        (
            "name: {de: x, en: y\nfocus: [iot]\n",
            "f.yml:1:20: error: the mapping opened at line 1 col 7 is not closed with '}'; add '}' where it ends: 'name: {de: x, en: y}'",
        ),
        (
            'title: "Hub-Abend\nstart: 2027-03-01\n',
            'f.yml:1:18: error: the quote opened at line 1 col 8 is not closed; end the text with " on the same line',
        ),
    ],
)
def test_what_is_missing_is_named_at_its_own_line(text: str, expected: str) -> None:
    assert only_error(text) == expected


def test_front_matter_positions_count_the_opening_line() -> None:
    report = Report()
    assert split_front_matter("---\ntitle Über uns\n---\nText\n", "content/de/about.md", report) is None
    assert report.lines() == ["content/de/about.md:2:6: error: missing ':' after the key 'title'; write it as 'title: Über uns'"]
