"""The per-language MkDocs config, derived from the maintainers' mkdocs.yml."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from markupsafe import escape
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from ..config import Config


def translated_palette(palette: object, gettext: Callable[[str], str]) -> object:
    """mkdocs.yml's palette with each toggle's label (a msgid, see localize/pot.py) in the page's language."""
    palette = copy.deepcopy(palette)
    for option in palette if isinstance(palette, list) else [palette]:
        toggle = option.get("toggle") if isinstance(option, dict) else None
        if isinstance(toggle, dict) and toggle.get("name"):
            # escaped here: Material prints the label into an attribute and MkDocs doesn't autoescape
            toggle["name"] = str(escape(gettext(str(toggle["name"]))))
    return palette


def mkdocs_config(config: Config, lang: str, docs_dir: Path, site_dir: Path, nav: list[dict], gettext: Callable[[str], str] = str) -> dict:
    """Material for MkDocs, in `lang`, our theme overrides, no plugin of MkDocs' own (ours is added;
    the search is Pagefind over the built site, write/search.py, not Material's search plugin)."""
    base = copy.deepcopy(config.mkdocs)  # MkDocs consumes parts of it (markdown_extensions); serve builds in one process
    theme = dict(base.get("theme", {}))
    theme.update(language=lang, custom_dir=str(config.root / theme.get("custom_dir", "theme")), font=False)
    if "palette" in theme:
        theme["palette"] = translated_palette(theme["palette"], gettext)
    if base.get("site_description"):  # a msgid (localize/pot.py); theme/main.html escapes it
        base["site_description"] = gettext(str(base["site_description"]))
    extra = {key: value for key, value in base.get("extra", {}).items() if key != "dehub"}
    return {
        **{key: value for key, value in base.items() if key not in {"extra", "theme", "nav", "plugins"}},
        "site_url": config.url(f"{lang}/"),
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": theme,
        "extra": extra,
        "extra_css": ["assets/stylesheets/dehub.css", *base.get("extra_css", [])],
        "extra_javascript": ["assets/javascripts/dehub.js", *base.get("extra_javascript", [])],
        "nav": nav,
        "plugins": [],
        "validation": {
            "nav": {"omitted_files": "ignore", "absolute_links": "ignore"},
            # links to shelled pages (engine/shells.py) are not MkDocs files: DehubPlugin resolves
            # them; `check` already validates every prose link against urls.language_pages
            "links": {"anchors": "info", "unrecognized_links": "info", "not_found": "info"},
        },
    }


def load_mkdocs(config: Config, settings: dict) -> MkDocsConfig:
    """MkDocs' validated config: the maintainers' mkdocs.yml with every key overridden by
    `settings` as keyword overrides (no YAML round trip). MkDocs consumes what it is given
    (it pops the entries of markdown_extensions), so it gets a copy: the shared Config stays
    intact for the next language built in the same process (serve, a single core)."""
    return load_config(config_file=str(config.root / "mkdocs.yml"), **copy.deepcopy(settings))
