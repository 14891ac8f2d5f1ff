"""Reference-style links and images and other-origin targets (issue 16, class 8): one rule for
every link, inline or by reference, in hub prose, content pages and news posts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_repo, run_build_py

CHANNELS = {
    "hub prose": ("hubs/hamburg/en.md", None),
    "content page": ("content/en/payload.md", "---\ntitle: Payload\n---\n\n"),
    "news post": ("content/en/news/2027-01-05-payload.md", "---\ntitle: Payload\ndate: 2027-01-05\nsummary: A post.\n---\n\n"),
}
REFUSED = [
    ("[x][evil]\n\n[evil]: javascript:alert(1)", 2, 9, "only https:// and mailto: links are allowed"),
    ("[x][e]\n\n[e]: data:text/html;base64,PHNjcmlwdD4=", 2, 6, "only https:// and mailto:"),
    ("[x][e]\n\n[e]: //evil.example/", 2, 6, "write a full https:// address"),
    ("![logo][e]\n\n[e]: //evil.example/pixel.png", 2, 6, "write a full https:// address"),
    ("[x][e]\n\n[e]: \\\\evil.example\\share", 2, 6, "write a full https:// address"),
    ("[x][e]\n\n  [E]: /\\evil.example", 2, 8, "write a full https:// address"),
    ("[x][e]\n\n[e]: missing-page.md", 2, 6, "leads nowhere"),
    ("[x][e]\n\n[e]: notes.txt", 2, 6, "link other pages by their Markdown file"),
    ("[x](//evil.example/)", 0, 1, "write a full https:// address"),
    ("![pixel](//evil.example/p.png)", 0, 1, "write a full https:// address"),
    ("[x](/\\evil.example/)", 0, 1, "write a full https:// address"),
    ("[x](&#47;&#47;evil.example)", 0, 1, "character references"),
]


def _write(repo: Path, channel: str, text: str) -> tuple[str, int]:
    rel, head = CHANNELS[channel]
    target = repo / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    before = target.read_text(encoding="utf-8").rstrip("\n") + "\n\n" if head is None else head
    target.write_text(before + text + "\n", encoding="utf-8")
    return rel, before.count("\n") + 1


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize(("text", "offset", "column", "expected"), REFUSED)
def test_every_link_goes_through_the_same_rules(tmp_path: Path, channel: str, text: str, offset: int, column: int, expected: str) -> None:
    repo = make_repo(tmp_path)
    rel, line = _write(repo, channel, text)
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert f"{rel}:{line + offset}:{column}: " in result.stderr and expected in result.stderr, result.stderr


def test_a_good_reference_link_passes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    _write(repo, "hub prose", 'See [the agency][a] and [GTAI][g].\n\n[a]: https://www.de-hub.de/\n[g]: https://www.gtai.de/ "GTAI"')
    assert run_build_py("check", root=repo).returncode == 0
