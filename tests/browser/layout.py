"""The layout gates (issue 27), as one script run in the page: what a reader would see as broken.

`LAYOUT` returns one line per problem, for the page as laid out at the current viewport:

- the page scrolls sideways, or an element reaches past the viewport's edge (elements inside a
  box that clips or scrolls its overflow are that box's business, e.g. Material's tab bar);
- a text node's line boxes reach past the box that holds them (overflow);
- a word is broken inside: its characters sit on two lines. Words are runs between spaces,
  hyphens and slashes (a slash carries a <wbr> in names and titles); text in scripts that break
  between any two characters (Chinese, Japanese) has no such words;
- on a map: two markers, two labels, or a label and a marker overlapping (bounding boxes; a
  marker as its circle), or a label under 12 CSS px.

The shipped-site test (test_page_layout.py) and the tests that prove the gate can fail call
the same `check`.
"""

from __future__ import annotations

MIN_LABEL_PX = 12.0

LAYOUT = r"""() => {
  const vw = document.documentElement.clientWidth;
  const problems = [];
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    const cls = el.getAttribute && el.getAttribute("class");
    if (cls && cls.trim()) s += "." + cls.trim().split(/\s+/).slice(0, 2).join(".");
    return s;
  };
  const snippet = (text) => JSON.stringify(text.trim().replace(/\s+/g, " ").slice(0, 60));
  const clipCache = new Map();
  // Does an ancestor (not html/body) clip or scroll its overflow, or is it off-screen on purpose?
  const clipped = (el) => {
    const chain = [];
    let answer = false;
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      if (clipCache.has(a)) { answer = clipCache.get(a); break; }
      chain.push(a);
      const cs = getComputedStyle(a);
      if (cs.overflowX !== "visible" || cs.overflowY !== "visible" || cs.clip !== "auto" || cs.clipPath !== "none") { answer = true; break; }
    }
    for (const a of chain) clipCache.set(a, answer);
    return answer;
  };
  const visible = (el) => {
    const cs = getComputedStyle(el);
    return cs.visibility === "visible" && cs.display !== "none" && parseFloat(cs.opacity) > 0;
  };
  const scope = "header, .md-tabs, .md-content, .md-footer, body > .dehub-chooser, main";
  const skip = ".md-sidebar, .md-search, [hidden], .md-skip, .dehub-skip, svg";

  const width = document.scrollingElement.scrollWidth;
  if (width > vw + 1) problems.push(`page scrolls sideways: ${width} px wide in a ${vw} px viewport`);

  for (const el of document.querySelectorAll(`:is(${scope}) *`)) {
    if (el.closest(skip) || !visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    if ((r.right > vw + 1 || r.left < -1) && !clipped(el)) {
      problems.push(`${describe(el)} reaches past the viewport (${Math.round(r.left)}..${Math.round(r.right)} px of ${vw})`);
    }
  }

  const wide = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const blockOf = (el) => {
    for (let a = el; a; a = a.parentElement) {
      const d = getComputedStyle(a).display;
      if (!d.startsWith("inline") && d !== "contents") return a;
    }
    return document.body;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    if (!text.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(skip) || parent.closest("script, style, noscript, template, title") || !visible(parent)) continue;
    if (!parent.closest(scope)) continue;
    if (getComputedStyle(parent).overflowX !== "visible") continue;  // clips its own text on purpose (ellipsis)
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5);
    if (!rects.length) continue;
    const block = blockOf(parent);
    const box = block.getBoundingClientRect();
    if (!clipped(parent)) {
      for (const r of rects) {
        if (r.right > box.right + 1.5 || r.left < box.left - 1.5) {
          problems.push(`text ${snippet(text)} overflows ${describe(block)} (${Math.round(r.left)}..${Math.round(r.right)} px in ${Math.round(box.left)}..${Math.round(box.right)})`);
          break;
        }
      }
    }
    if (rects.length < 2) continue;  // one line box: no word of it can be broken
    const words = /[^\s\-\u2010\u2011\u00ad\/\uff0f\u00b7\u30fb]+/g;
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const word = m[0];
      if (word.length < 2 || wide.test(word)) continue;
      range.setStart(node, m.index);
      range.setEnd(node, m.index + word.length);
      const lines = [];
      for (const r of range.getClientRects()) {
        if (r.width < 0.5) continue;
        if (!lines.some((top) => Math.abs(top - r.top) < r.height / 2)) lines.push(r.top);
      }
      if (lines.length > 1) problems.push(`word ${JSON.stringify(word)} is broken across lines in ${describe(parent)}`);
    }
  }

  document.querySelectorAll(".dehub-map svg").forEach((svg, mapIndex) => {
    const where = `map ${mapIndex + 1}`;
    const markers = [...svg.querySelectorAll(".dehub-marker")].map((c) => {
      const r = c.getBoundingClientRect();
      return { name: (c.closest("a") || c).getAttribute("aria-label") || "marker", x: r.left + r.width / 2, y: r.top + r.height / 2, r: r.width / 2 };
    });
    const labels = [...svg.querySelectorAll(".dehub-map-label")].map((t) => {
      const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
      return { name: t.textContent.trim(), box: t.getBoundingClientRect(), px };
    });
    for (const label of labels) {
      if (label.px < %(min_px)s - 0.05) problems.push(`${where}: label ${JSON.stringify(label.name)} is ${label.px.toFixed(1)} px, under %(min_px)s px`);
    }
    for (let i = 0; i < markers.length; i++) {
      for (let j = i + 1; j < markers.length; j++) {
        const a = markers[i], b = markers[j];
        if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 1) problems.push(`${where}: markers ${JSON.stringify(a.name)} and ${JSON.stringify(b.name)} overlap`);
      }
    }
    const hit = (p, q) => Math.min(p.right, q.right) - Math.max(p.left, q.left) > 0.5 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 0.5;
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        if (hit(labels[i].box, labels[j].box)) problems.push(`${where}: labels ${JSON.stringify(labels[i].name)} and ${JSON.stringify(labels[j].name)} overlap`);
      }
      for (const m of markers) {
        const b = labels[i].box;
        const dx = Math.max(b.left - m.x, 0, m.x - b.right), dy = Math.max(b.top - m.y, 0, m.y - b.bottom);
        if (Math.hypot(dx, dy) < m.r - 0.5) problems.push(`${where}: label ${JSON.stringify(labels[i].name)} covers the marker of ${JSON.stringify(m.name)}`);
      }
    }
  });
  return problems;
}""".replace("%(min_px)s", str(MIN_LABEL_PX))

DARK = "() => { document.body.setAttribute('data-md-color-scheme', 'slate'); return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); }"
LIGHT = "() => { document.body.setAttribute('data-md-color-scheme', 'default'); return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); }"
READY = "() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))))"


def check(page, schemes: tuple[str, ...] = ("light", "dark")) -> list[str]:
    """The layout problems of the loaded page, in each colour scheme (Material's toggle sets the
    body's data-md-color-scheme; the page is not reloaded)."""
    page.evaluate(READY)
    problems: list[str] = []
    for scheme in schemes:
        page.evaluate(DARK if scheme == "dark" else LIGHT)
        problems += [f"[{scheme}] {line}" for line in page.evaluate(LAYOUT)]
    return problems
