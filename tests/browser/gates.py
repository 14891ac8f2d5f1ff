"""The quality gates themselves, as plain functions.

The tests of the shipped site and the tests that prove every gate can fail (a fixture repo
with a deliberate defect, built by the real `build.py`) call the very same functions here,
so a gate that passes on the shipped site is known to be able to say no.

Browser gates record, per page load: axe-core WCAG 2.1 A/AA violations, every request
(foreign origins are aborted before they leave the machine), failed requests, console errors
and uncaught exceptions, cookies, writes to Web Storage, the first element in tab order,
CSS motion under `prefers-reduced-motion: reduce` and the page width at 320 CSS px.

Static gates: one Nu Html Checker run over every built `.html` file, and a link check of
every internal href/src (anchors included) with bs4; external links are only listed.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import subprocess
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The same axe run also reports axe's "best-practice" rules (Lighthouse's accessibility score
# counts several of them, e.g. aria-dialog-name); they are a separate test, split by tag.
AXE_TAGS = [*WCAG_TAGS, "best-practice"]

# Web Storage keys Material for MkDocs itself writes, always as `<scope>.<name>`, where the
# scope is `__md_scope.pathname`, i.e. the language root of the site such as `/de/`
# (material/templates/base.html: `__md_set(key, value, storage, scope)`; names from the
# `__md_get`/`__md_set` calls in assets/javascripts/bundle.*.min.js of Material 9.x):
#   localStorage   __palette  the colour scheme, written on every page load by the palette toggle
#                  __consent  cookie-consent choice (only with extra.consent; the site has none)
#                  __tabs     linked content tabs (content.tabs.link; not enabled)
#                  __announce dismissed announcement bar (announce.dismiss; not enabled)
#   sessionStorage __source   cached repository facts (repo_url; not set)
#                  __outdated dismissed version warning (mike; not used)
# Nothing else may be written: no cookies at all, no other key, no IndexedDB.
MATERIAL_STORAGE_KEYS = {
    "localStorage": {"__palette", "__consent", "__tabs", "__announce"},
    "sessionStorage": {"__source", "__outdated"},
}
MATERIAL_KEY = re.compile(r"^/(?:[^/\s]+/)*\.(__[a-z]+)$")

# Seeds Material's palette exactly as its toggle stores it, and records every Web Storage and
# document.cookie write the page makes afterwards (the seeding itself is not recorded).
INIT_SCRIPT = r"""
(() => {
  const seed = %(seed)s;
  if (seed) {
    for (const [key, value] of Object.entries(seed)) {
      try { localStorage.setItem(key, value); } catch (e) {}
    }
  }
  const writes = [];
  Object.defineProperty(window, "__dehubStorageWrites", { value: writes });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    writes.push([this === window.sessionStorage ? "sessionStorage" : "localStorage", String(key)]);
    return setItem.apply(this, arguments);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  if (cookie) {
    Object.defineProperty(Document.prototype, "cookie", {
      configurable: true,
      get() { return cookie.get.call(this); },
      set(value) { writes.push(["cookie", String(value).split("=")[0]]); return cookie.set.call(this, value); },
    });
  }
})();
"""

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
    nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html, summary: n.failureSummary || ""})),
  }));
}"""

# Elements that make the browser contact an origin just by being in the page, even when no
# request event is ever emitted (preconnect, dns-prefetch).
FOREIGN_REFERENCES = """(origin) => {
  const selector = "link[href], script[src], img[src], img[srcset], source[src], source[srcset], iframe[src], "
    + "video[src], video[poster], audio[src], embed[src], object[data], track[src], image[href], use[href]";
  const found = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.tagName === "LINK" && /(^|\\s)(alternate|canonical)(\\s|$)/i.test(el.getAttribute("rel") || "")) continue;
    for (const attr of ["href", "src", "srcset", "poster", "data"]) {
      const value = el.getAttribute(attr);
      if (!value) continue;
      for (const part of value.split(",")) {
        const raw = part.trim().split(/\\s+/)[0];
        if (!raw) continue;
        let url;
        try { url = new URL(raw, document.baseURI); } catch (e) { continue; }
        if (["data:", "blob:", "about:"].includes(url.protocol)) continue;
        if (url.origin !== origin) found.push(`<${el.tagName.toLowerCase()} ${attr}="${raw}">`);
      }
    }
  }
  return found;
}"""

FIRST_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const href = el.getAttribute("href") || "";
  let target = null;
  if (href.startsWith("#") && href.length > 1) target = document.getElementById(decodeURIComponent(href.slice(1)));
  return {
    html: el.outerHTML.slice(0, 200),
    skip: el.matches("a.md-skip, a[href^='#'].dehub-skip"),
    href: href,
    target: target ? target.outerHTML.slice(0, 120) : null,
    targetInContent: !!(target && (target.closest(".md-content, main") || target.nextElementSibling?.matches(".md-content"))),
    text: (el.textContent || "").trim(),
  };
}"""

# Every running or pending CSS transition/animation longer than 10 ms, on elements and their
# ::before/::after, plus smooth scrolling; under prefers-reduced-motion: reduce this must be empty.
MOTION = """() => {
  const seconds = (list) => list.split(",").map(s => s.trim()).map(s => s.endsWith("ms") ? parseFloat(s) / 1000 : parseFloat(s) || 0);
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const pseudo of [null, "::before", "::after"]) {
      const cs = getComputedStyle(el, pseudo);
      if (pseudo && cs.content === "none") continue;
      if (cs.transitionProperty !== "none") {
        const durations = seconds(cs.transitionDuration);
        const longest = Math.max(...durations);
        if (longest > 0.01) found.push(`${describe(el)}${pseudo || ""}: transition ${cs.transitionProperty} ${cs.transitionDuration}`);
      }
      if (cs.animationName !== "none") {
        const longest = Math.max(...seconds(cs.animationDuration));
        if (longest > 0.01) found.push(`${describe(el)}${pseudo || ""}: animation ${cs.animationName} ${cs.animationDuration}`);
      }
    }
  }
  const smooth = getComputedStyle(document.documentElement).scrollBehavior;
  if (smooth === "smooth") found.push("html: scroll-behavior smooth");
  return found;
}"""


# --------------------------------------------------------------------------- configuration


def site_config(root: Path = ROOT) -> dict:
    return yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))


def languages(root: Path = ROOT) -> list[str]:
    return [entry["code"] for entry in site_config(root)["extra"]["dehub"]["languages"]]


def dark_palette_seed(langs: list[str], root: Path = ROOT) -> dict[str, str]:
    """What Material's palette toggle stores after a click on "dark", for every language scope.

    Material keeps the choice under `<scope>.__palette` (scope = the language root, e.g. `/de/`)
    as `{"index": i, "color": {media, scheme, primary, accent}}`; its inline script at the top
    of <body> applies it before the first paint. Seeding it is the same as having clicked the
    toggle, without the transition that a click mid-test would start.
    """
    palettes = site_config(root)["theme"]["palette"]
    index = next(i for i, p in enumerate(palettes) if p.get("scheme") == "slate")
    chosen = palettes[index]
    value = json.dumps(
        {
            "index": index,
            "color": {
                "media": chosen.get("media", ""),
                "scheme": "slate",
                "primary": chosen.get("primary", "indigo"),
                "accent": chosen.get("accent", "indigo"),
            },
        },
        separators=(",", ":"),
    )
    return {f"/{lang}/.__palette": value for lang in langs}


# --------------------------------------------------------------------------- one page load


@dataclass
class PageAudit:
    url: str
    status: int | None = None
    final_url: str = ""
    violations: list[dict] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    foreign_references: list[str] = field(default_factory=list)
    storage_writes: list[tuple[str, str]] = field(default_factory=list)
    storage_keys: list[tuple[str, str]] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)
    scheme: str | None = None
    first_focus: dict | None = None
    motion: list[str] | None = None
    width_320: int | None = None

    def foreign_requests(self, origin: str) -> list[str]:
        return [url for url in self.requests if urlsplit(url).scheme not in {"data", "blob", "about"} and origin_of(url) != origin]

    def storage_problems(self) -> list[str]:
        problems = [f"cookie set: {name}" for name in self.cookies]
        for kind, key in sorted(set(self.storage_writes) | set(self.storage_keys)):
            if kind == "cookie":
                problems.append(f"document.cookie written: {key}")
                continue
            match = MATERIAL_KEY.match(key)
            if not match or match.group(1) not in MATERIAL_STORAGE_KEYS.get(kind, set()):
                problems.append(f"{kind} key not on Material's allow-list: {key!r}")
        return problems


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class AuditSession:
    """One browser context and one tab that audit page after page.

    Reusing the tab saves a renderer start per page; between pages the tab goes to
    about:blank and Web Storage and cookies are cleared, so each load starts clean. Routing
    is on (foreign requests are aborted), which also disables the HTTP cache: every load
    fetches, and so records, all of its resources.
    """

    def __init__(
        self,
        browser,
        origin: str,
        *,
        scheme: str = "light",
        reduced_motion: str = "no-preference",
        locale: str = "en-US",
        seed: dict[str, str] | None = None,
        **options,
    ) -> None:
        self.origin = origin
        self.reduced_motion = reduced_motion
        self.seed = seed or {}
        self.current: PageAudit | None = None
        self.expect_status = 200
        self.context = browser.new_context(
            color_scheme=scheme, reduced_motion=reduced_motion, locale=locale, viewport={"width": 1280, "height": 800}, **options
        )
        self.context.add_init_script(INIT_SCRIPT % {"seed": json.dumps(self.seed)})
        # Nothing may leave the machine: foreign requests are recorded, then aborted (a regex,
        # so that Chromium only pauses the requests that match, not every request).
        self.context.route(re.compile(rf"^(?!{re.escape(origin)}/)(https?|wss?)://"), lambda route: route.abort())
        self.inflight: set = set()
        self.context.on("request", self._on_request)
        self.context.on("requestfailed", self._on_failed)
        self.context.on("requestfinished", lambda request: self.inflight.discard(request))
        self.context.on("response", self._on_response)
        self.page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", self._on_pageerror)

    # -- recorders (they write into the audit of the page being loaded)

    def _expected_main(self, url: str, status: int | None = None) -> bool:
        return (
            self.current is not None
            and self.expect_status >= 400
            and url.split("#")[0] == self.current.url.split("#")[0]
            and status in {None, self.expect_status}
        )

    def _on_request(self, request) -> None:
        self.inflight.add(request)
        if self.current is not None:
            self.current.requests.append(request.url)

    def _on_failed(self, request) -> None:
        self.inflight.discard(request)
        if self.current is not None:
            self.current.failed.append(f"{request.url}: {request.failure}")

    def _on_response(self, response) -> None:
        if self.current is not None and response.status >= 400 and not self._expected_main(response.url, response.status):
            self.current.failed.append(f"{response.url}: HTTP {response.status}")

    def _on_console(self, message) -> None:
        if self.current is None or message.type != "error":
            return
        location = message.location or {}
        if message.text.startswith("Failed to load resource") and self._expected_main(location.get("url", "")):
            return  # the browser's note about the 404 status of the not-found page we asked for
        self.current.console_errors.append(f"console.error: {message.text} ({location.get('url', '')}:{location.get('lineNumber', '')})")

    def _on_pageerror(self, error) -> None:
        if self.current is not None:
            self.current.console_errors.append(f"uncaught exception: {error}")

    # -- one page

    def audit(self, url: str, *, expect_status: int = 200, axe: bool = True, keyboard: bool = False, reflow: bool = False) -> PageAudit:
        page = self.page
        self.reset()
        result = self.current = PageAudit(url)
        self.expect_status = expect_status
        try:
            response = page.goto(url, wait_until="load")
            result.status = response.status if response else None
            settle(page)
            self.wait_for_requests()
            result.final_url = page.url
            result.scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
            if axe:
                result.violations = run_axe(page)
            result.foreign_references = page.evaluate(FOREIGN_REFERENCES, self.origin)
            if keyboard:
                page.evaluate(
                    "() => { document.activeElement && document.activeElement.blur && document.activeElement.blur(); window.scrollTo(0, 0); }"
                )
                page.keyboard.press("Tab")
                result.first_focus = page.evaluate(FIRST_FOCUS)
            if self.reduced_motion == "reduce":
                result.motion = page.evaluate(MOTION)
            if reflow:
                page.set_viewport_size({"width": 320, "height": 640})
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                result.width_320 = page.evaluate("() => document.scrollingElement.scrollWidth")
            result.storage_writes = [tuple(item) for item in page.evaluate("() => window.__dehubStorageWrites || []")]
            keys = page.evaluate(
                "() => [...Object.keys(localStorage).map(k => ['localStorage', k]), ...Object.keys(sessionStorage).map(k => ['sessionStorage', k])]"
            )
            # The seeded palette is ours; what the page itself writes is in storage_writes.
            result.storage_keys = [tuple(item) for item in keys if not (item[0] == "localStorage" and item[1] in self.seed)]
            result.cookies = [cookie["name"] for cookie in self.context.cookies()]
        finally:
            self.current = None
        return result

    def wait_for_requests(self, timeout: float = 3.0) -> None:
        """Until every request the page started has finished (favicons come after load)."""
        deadline = time.monotonic() + timeout
        while self.inflight and time.monotonic() < deadline:
            self.page.wait_for_timeout(20)

    def reset(self) -> None:
        page = self.page
        if page.url.startswith(self.origin):
            page.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }")
        page.goto("about:blank")
        self.inflight.clear()
        self.context.clear_cookies()
        page.set_viewport_size({"width": 1280, "height": 800})

    def close(self) -> None:
        self.context.close()


def audit_page(
    browser,
    url: str,
    *,
    scheme: str = "light",
    reduced_motion: str = "no-preference",
    locale: str = "en-US",
    seed: dict[str, str] | None = None,
    **checks,
) -> PageAudit:
    """Load `url` once in a fresh context and run the requested gates on it."""
    session = AuditSession(browser, origin_of(url), scheme=scheme, reduced_motion=reduced_motion, locale=locale, seed=seed)
    try:
        return session.audit(url, **checks)
    finally:
        session.close()


def settle(page) -> None:
    """Wait two frames so that layout and colours are final. The search loads nothing before
    use (theme/partials/search.html), so there is nothing of it to wait for."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def run_axe(page, tags: list[str] = AXE_TAGS) -> list[dict]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(AXE_RUN, tags)


def wcag_violations(violations: list[dict]) -> list[dict]:
    """The violations of WCAG 2.0/2.1 A and AA success criteria."""
    return [v for v in violations if set(v.get("tags", WCAG_TAGS)) & set(WCAG_TAGS)]


def best_practice_violations(violations: list[dict]) -> list[dict]:
    return [v for v in violations if not set(v.get("tags", WCAG_TAGS)) & set(WCAG_TAGS)]


def format_violations(violations: list[dict], limit: int = 8) -> str:
    """axe results as lines a human can act on: rule, impact, where, what."""
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} ({len(violation['nodes'])} element(s); {violation['helpUrl']})"
        )
        for node in violation["nodes"][:limit]:
            html = re.sub(r"\s+", " ", node["html"]).strip()
            lines.append(f"    at {' > '.join(node['target'])}")
            lines.append(f"       {html[:220]}")
            summary = re.sub(r"\s+", " ", node["summary"]).strip()
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > limit:
            lines.append(f"    ... and {len(violation['nodes']) - limit} more")
    return "\n".join(lines)


# --------------------------------------------------------------------------- keyboard helpers

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const visible = (node) => {
    const cs = getComputedStyle(node);
    const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow && cs.boxShadow !== "none";
    return {outline, shadow, style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`};
  };
  // A visually hidden control (Material's palette radio) shows its focus on its label.
  let shown = el;
  const hiddenControl = el.matches("input") && parseFloat(getComputedStyle(el).opacity) === 0;
  if (hiddenControl) shown = el.nextElementSibling && el.nextElementSibling.matches("label") ? el.nextElementSibling : (el.labels && el.labels[0]) || el;
  const style = visible(shown);
  const box = shown.getBoundingClientRect();
  return {
    html: el.outerHTML.slice(0, 160),
    tag: el.tagName.toLowerCase(),
    focusVisible: el.matches(":focus-visible"),
    indicator: style.outline || style.shadow,
    style: style.style,
    size: [Math.round(box.width), Math.round(box.height)],
  };
}"""


def tab_through(page, limit: int = 400) -> list[dict]:
    """Press Tab until focus wraps around; return what each focused element looked like."""
    seen = []
    first = None
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUS_STYLE)
        if info is None:
            break
        if first is None:
            first = info["html"]
        elif info["html"] == first:
            break
        seen.append(info)
    return seen


def focus_problems(seen: list[dict]) -> list[str]:
    problems = []
    for info in seen:
        if info["size"][0] == 0 or info["size"][1] == 0:
            continue  # nothing on screen to outline (e.g. a collapsed region); reported by axe if it matters
        if not info["indicator"]:
            problems.append(f"{info['html']}  ({info['style']})")
    return problems


# --------------------------------------------------------------------------- Nu Html Checker


def vnu_jar() -> Path:
    """The jar the `vnu-jar` npm package ships (its main export is the jar's path)."""
    node = shutil.which("node")
    if node:
        found = subprocess.run(
            [node, "-e", "process.stdout.write(String(require('vnu-jar')))"], capture_output=True, text=True, cwd=ROOT, timeout=60
        )
        if found.returncode == 0 and found.stdout.strip():
            return Path(found.stdout.strip())
    return ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


# Known Material for MkDocs patterns that the Nu checker reports, each matched on the message
# AND the markup it points at, so the same mistake in our own templates is still an error.
VNU_KNOWN = [
    (
        # base.html: <input class="md-toggle" type="checkbox" ... autocomplete="off"> for the
        # drawer and search toggles. Material sets autocomplete=off so Firefox does not restore
        # a checked toggle (an open drawer or search) on back/forward navigation; HTML allows
        # autocomplete only on text-like inputs. Harmless, and not ours to change.
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is "),
        re.compile(r'class="md-toggle"|class="md-nav__toggle md-toggle'),
    ),
]


def vnu_errors(files: list[Path]) -> list[dict]:
    """One Nu Html Checker run over `files`; the errors left after the documented filters."""
    if not files:
        return []
    java = shutil.which("java")
    if java is None:  # `make test` checks this first (make browsers); a bare pytest run says it here
        pytest.fail("no java on PATH for the Nu Html Checker: apt-get install -y default-jre-headless (or run `make test`)", pytrace=False)
    args = [java, "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)]
    run = subprocess.run(args, capture_output=True, text=True, timeout=900)
    text = run.stderr.strip() or run.stdout.strip()
    try:
        messages = json.loads(text)["messages"]
    except (ValueError, KeyError) as exc:
        raise AssertionError(f"the Nu checker gave no JSON (exit {run.returncode}): {text[:2000]}") from exc
    errors = []
    for message in messages:
        if message.get("type") not in {"error", "non-document-error"} and message.get("subType") != "fatal":
            continue
        extract = message.get("extract", "")
        if any(pattern.search(message.get("message", "")) and markup.search(extract) for pattern, markup in VNU_KNOWN):
            continue
        errors.append(message)
    return errors


def format_vnu(errors: list[dict], root: Path, limit: int = 60) -> str:
    lines = []
    for message in errors[:limit]:
        path = message.get("url", "").removeprefix("file:")
        with contextlib.suppress(ValueError):
            path = Path(path).relative_to(root).as_posix()
        extract = re.sub(r"\s+", " ", message.get("extract", "")).strip()
        lines.append(
            f"{path}:{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}: {message.get('message')}\n    {extract[:200]}"
        )
    if len(errors) > limit:
        lines.append(f"... and {len(errors) - limit} more")
    return "\n".join(lines)


# --------------------------------------------------------------------------- links

LINK_ATTRS = ("href", "src", "srcset", "poster", "action", "data", "xlink:href")


@dataclass
class LinkReport:
    broken: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    checked: int = 0
    pages: int = 0


def page_url(root: Path, file: Path, site_url: str) -> str:
    rel = file.relative_to(root).as_posix()
    if rel.endswith("/index.html") or rel == "index.html":
        rel = rel[: -len("index.html")]
    return urljoin(site_url, rel)


def target_file(root: Path, path: str) -> Path | None:
    """The built file a site path is served from: directories by their index.html."""
    candidate = root / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_links(root: Path, site_url: str) -> LinkReport:
    """Every internal reference in every built HTML file must resolve, fragments included."""
    report = LinkReport()
    base = urlsplit(site_url)
    ids: dict[Path, set[str]] = {}
    pending: list[tuple[str, str, Path, str]] = []  # (source page, raw ref, target file, fragment)

    def anchors(file: Path) -> set[str]:
        if file not in ids:
            doc = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
            ids[file] = {el["id"] for el in doc.find_all(id=True)} | {el["name"] for el in doc.find_all("a", attrs={"name": True})}
        return ids[file]

    files = sorted(root.rglob("*.html"))
    report.pages = len(files)
    for file in files:
        rel = file.relative_to(root).as_posix()
        doc = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        ids[file] = {el["id"] for el in doc.find_all(id=True)} | {el["name"] for el in doc.find_all("a", attrs={"name": True})}
        here = page_url(root, file, site_url)
        refs: list[str] = []
        for el in doc.find_all(True):
            for attr in LINK_ATTRS:
                value = el.get(attr)
                if not value:
                    continue
                if attr == "srcset":
                    refs.extend(part.strip().split()[0] for part in value.split(",") if part.strip())
                else:
                    refs.append(value.strip())
            if el.name == "meta" and el.get("property") in {"og:url", "og:image"} and el.get("content"):
                refs.append(el["content"].strip())
            if el.name == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
                match = re.search(r"url=(.+)$", el.get("content", ""), re.IGNORECASE)
                if match:
                    refs.append(match.group(1).strip())
        for ref in refs:
            report.checked += 1
            if rel.endswith("404.html") and not ref.startswith(("#", "/", "http:", "https:", "mailto:", "tel:", "data:")):
                # Hosts serve a 404 page at any missing URL, so a relative reference breaks.
                report.broken.append(f"{rel}: relative reference {ref!r} in a not-found page")
                continue
            absolute = urljoin(here, ref)
            parts = urlsplit(absolute)
            if parts.scheme in {"data", "javascript"}:
                if parts.scheme == "javascript":
                    report.broken.append(f"{rel}: javascript: URL {ref!r}")
                continue
            # webcal:// is the calendar-subscription spelling of the site's own https:// URL.
            if parts.scheme not in {"http", "https", "webcal"} or parts.netloc != base.netloc or not parts.path.startswith(base.path):
                report.external[absolute].add(rel)
                continue
            target = target_file(root, parts.path[len(base.path) - 1 :] if base.path != "/" else parts.path)
            if target is None:
                report.broken.append(f"{rel}: {ref!r} -> {parts.path} does not exist")
                continue
            if parts.fragment and target.suffix == ".html":
                pending.append((rel, ref, target, unquote(parts.fragment)))
    for rel, ref, target, fragment in pending:
        if fragment not in anchors(target) and fragment != "top":
            report.broken.append(f"{rel}: {ref!r} -> no element with id {fragment!r} in {target.relative_to(root).as_posix()}")
    return report


def write_external_report(report: LinkReport, path: Path) -> Path:
    lines = [f"# External links in the built site (listed, never fetched): {len(report.external)}", ""]
    for url in sorted(report.external):
        pages = sorted(report.external[url])
        lines.append(f"{url}\n    on {len(pages)} page(s), e.g. {', '.join(pages[:3])}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
