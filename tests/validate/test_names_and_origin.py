"""Issue 25: no request leaves the site's origin (class 2), names the file system and the routes
accept (class 5), and single-line names without markup or control characters (class 1), in
every channel where each can occur, at `check` and at `build` (which applies the same rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dehub.commands.build import describe_failure
from dehub.render.sanitize import clean_html, render_markdown
from dehub.urls import MAX_SLUG_LENGTH, reserved_slugs, slug_problem
from tests.conftest import make_repo, run_build_py

FOREIGN = "https://evil.test/x.png"


def refused(repo: Path, *expected: str) -> str:
    """`check` and `build` both fail, each naming every expected `path:line` (or `path:line:col`)."""
    out = repo.parent / "site"
    for result in (run_build_py("check", root=repo), run_build_py("build", "--lang", "en", "--out", str(out), root=repo)):
        assert result.returncode == 1, result.stdout
        assert "Traceback" not in result.stderr
        for text in expected:
            assert text in result.stderr, result.stderr
    assert not out.exists(), "nothing was built"
    return result.stderr


def add(repo: Path, name: str, text: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((path.read_text(encoding="utf-8") if path.is_file() else "") + text, encoding="utf-8")


# class 2: every channel


def test_a_foreign_image_in_hub_prose_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    lines = (repo / "hubs" / "dortmund" / "en.md").read_text(encoding="utf-8").count("\n")
    add(repo, "hubs/dortmund/en.md", f"\n![logo]({FOREIGN})\n\n![b][far]\n\n[far]: //evil.test/y.png\n")
    refused(repo, f"hubs/dortmund/en.md:{lines + 2}:1: error: image 'https://evil.test/x.png'", f"hubs/dortmund/en.md:{lines + 6}:")


RAW = [
    '<img src="//evil.test/a.png" alt="a">',
    '<img src="&#47;&#47;evil.test/a.png" alt="a">',
    '<a href="//evil.test/">x</a>',
    '<img srcset="a.png 1x, https://evil.test/b.png 2x" alt="b">',
    '<video poster="https://evil.test/p.png"></video>',
    '<span style="background: url(https://evil.test/s.png)">s</span>',
    '<svg><image href="https://evil.test/i.png"/></svg>',
    '<svg><use xlink:href="https://evil.test/u.svg#a"/></svg>',
]


@pytest.mark.parametrize("html", RAW)
@pytest.mark.parametrize("channel", ["content/en/test-page.md", "content/en/news/2027-01-05-post.md"])
def test_raw_html_that_loads_from_another_site_is_refused_in_pages_and_news(tmp_path: Path, channel: str, html: str) -> None:
    repo = make_repo(tmp_path)
    meta = "title: Post\ndate: 2027-01-05\nsummary: A post.\n" if "news" in channel else "title: Test\n"
    add(repo, channel, f"---\n{meta}---\n\n{html}\n")
    if "news" in channel:
        add(repo, "content/de/news/2027-01-05-post.md", "---\ntitle: Beitrag\ndate: 2027-01-05\nsummary: Ein Beitrag.\n---\n\nText\n")
    line = 4 + meta.count("\n")
    refused(repo, f"{channel}:{line}:")


def test_the_same_markup_in_code_is_text(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    add(repo, "content/en/test-page.md", f"---\ntitle: Test\n---\n\n`{RAW[0]}`\n\n```\n{RAW[6]}\n```\n")
    assert run_build_py("check", root=repo).returncode == 0


def test_event_and_hub_urls_are_links_and_logos_reference_only_themselves(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    add(
        repo,
        "hubs/dortmund/hub.yml",
        "website: //evil.test/\nevents:\n  - title: x\n    start: 2027-03-01\n    city: Dortmund\n    url: http://evil.test/\n",
    )
    stderr = refused(repo, "hubs/dortmund/hub.yml:")
    assert "'website'" in stderr and "'url'" in stderr


@pytest.mark.parametrize("html", RAW + [f'<img src="{FOREIGN}" alt="x">', '<img src="\\\\evil.test\\a.png" alt="x">'])
def test_the_sanitiser_drops_every_foreign_request_too(html: str) -> None:
    cleaned = clean_html(html, extended=True)
    assert "evil.test" not in cleaned, cleaned
    assert "evil.test" not in render_markdown(f"![x]({FOREIGN}) [y](//evil.test/)")


def test_the_sanitiser_keeps_the_sites_own_images_and_https_links() -> None:
    cleaned = clean_html('<img src="logo.png" alt="x"><a href="https://example.org/">y</a><a href="#top">z</a>')
    assert 'src="logo.png"' in cleaned and 'href="https://example.org/"' in cleaned and 'href="#top"' in cleaned


# class 5: names


def test_reserved_slugs_come_from_the_url_registry() -> None:
    assert {"focus", "state", "events", "news", "api", "calendar", "assets", "search", "404", "all"} <= reserved_slugs()
    assert slug_problem("berlin") is None and slug_problem("a" * MAX_SLUG_LENGTH) is None
    assert slug_problem("a" * (MAX_SLUG_LENGTH + 1)) and slug_problem("focus") and slug_problem("Berlin")


@pytest.mark.parametrize("folder", ["a" * 252, "focus", "calendar", "all"])
def test_a_hub_folder_too_long_or_named_like_a_route_is_refused(tmp_path: Path, folder: str) -> None:
    repo = make_repo(tmp_path)
    (repo / "hubs" / "dortmund").rename(repo / "hubs" / folder)
    stderr = refused(repo, f"hubs/{folder}/hub.yml:1: error: folder name")
    assert "OSError" not in stderr and "Errno" not in stderr


@pytest.mark.parametrize("old", ["a" * 65, "events", "api"])
def test_former_slugs_follow_the_same_rules(tmp_path: Path, old: str) -> None:
    repo = make_repo(tmp_path)
    add(repo, "hubs/dortmund/hub.yml", f"former_slugs: [{old}]\n")
    refused(repo, "hubs/dortmund/hub.yml:")


def test_an_os_error_while_writing_names_the_input_it_came_from(tmp_path: Path) -> None:
    staging = tmp_path / "staging"
    error = OSError(36, "File name too long", str(staging / "calendar" / "x.ics"))
    assert (
        describe_failure(tmp_path, error, staging)
        == "hubs/x/hub.yml: error: cannot write calendar/x.ics (File name too long); rename the input it comes from"
    )
    error = OSError(36, "File name too long", str(staging / "en" / "news" / "long" / "index.html"))
    assert describe_failure(tmp_path, error, staging).startswith("content/en/news/*-long.md: error: cannot write en/news/long/index.html")


# class 1: names are single-line text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("  - name: Dortmund", '  - name: "Dort<b>mund"'),
        ("  - name: Dortmund", '  - name: "Dort\\x85mund"'),
        ("  en: de:hub Dortmund · Logistics", '  en: "a\\r\\nb"'),
    ],
)
def test_names_and_cities_refuse_markup_and_control_characters(tmp_path: Path, field: str, value: str) -> None:
    repo = make_repo(tmp_path)
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace(field, value, 1), encoding="utf-8")
    refused(repo, "hubs/dortmund/hub.yml:")


@pytest.mark.parametrize("slug", ["focus", "a" * 65])
def test_new_hub_refuses_a_slug_that_check_would_refuse(tmp_path: Path, slug: str) -> None:
    repo = make_repo(tmp_path)
    result = run_build_py(
        "new-hub", slug, "--city", "Bremen", "--state", "HB", "--lat", "53.079", "--lon", "8.802", "--focus", "logistics", root=repo
    )
    assert result.returncode == 1 and "nothing was changed" in result.stderr
    assert not (repo / "hubs" / slug).exists()
