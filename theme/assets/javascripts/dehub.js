/* de:hub: progressive enhancement only; every feature works without this file. */
(function () {
  "use strict";

  /* 1. Keep Material's language-switch helper from requesting files that do not exist.
   *
   * Material for MkDocs (9.x, integrations/alternate) fetches `sitemap.xml` relative to the
   * href of EVERY <link rel="alternate"> once the DOM is ready. Material expects those links
   * to point at language roots; ours are per-page hreflang links (/fr/hubs/berlin/) and the
   * news feed (/fr/news/feed.xml), so the browser would request /fr/hubs/berlin/sitemap.xml,
   * /fr/news/sitemap.xml and so on: nine 404s and console errors per page view. Our
   * switcher links already lead to the same page in each language, so the helper has
   * nothing to add. This script runs after Material's bundle registered its
   * DOMContentLoaded listener and before that event fires: the alternate links are renamed
   * now and restored right after Material looked for them, so the DOM ends up with exactly
   * the markup the server sent (crawlers without JavaScript never see a change).
   */
  if (document.readyState === "loading") {
    var hidden = Array.prototype.slice.call(document.querySelectorAll("link[rel=alternate]"));
    hidden.forEach(function (link) { link.setAttribute("rel", "x-dehub-alternate"); });
    document.addEventListener("DOMContentLoaded", function () {
      hidden.forEach(function (link) { link.setAttribute("rel", "alternate"); });
    }, { once: true });
  }

  /* 2. Filters on the hub overview (the page with #dehub-hub-list).
   *
   * Without JavaScript every filter is a link to its own page (/hubs/focus/<key>/,
   * /hubs/state/<state>/). With it, a plain click or Enter on a filter narrows the list in
   * place: cards are hidden by their data-focus / data-states, the chosen filter gets
   * aria-current="true", and the polite live region .dehub-result-count announces the new
   * count in the page's language (its data-counts maps a count to the translated text).
   * Clicking the chosen filter again, or "show all", shows every hub. Modified clicks
   * (new tab, new window) still follow the link.
   */
  function setupFilters() {
    var list = document.getElementById("dehub-hub-list");
    if (!list || list.getAttribute("data-dehub-ready")) return;
    var links = Array.prototype.slice.call(document.querySelectorAll(".dehub-filters a[data-filter]"));
    if (!links.length) return;
    list.setAttribute("data-dehub-ready", "true");
    var cards = Array.prototype.slice.call(list.querySelectorAll(".dehub-card"));
    var counter = document.querySelector(".dehub-result-count");
    var counts = {};
    try {
      counts = JSON.parse((counter && counter.getAttribute("data-counts")) || "{}") || {};
    } catch (error) {
      counts = {};
    }
    var initial = links.filter(function (link) { return link.hasAttribute("aria-current"); });
    var active = null;

    function matches(card, kind, value) {
      var attribute = kind === "state" ? "data-states" : "data-focus";
      return (card.getAttribute(attribute) || "").split(/\s+/).indexOf(value) !== -1;
    }

    function show(link) {
      var kind = link ? link.getAttribute("data-filter") : "all";
      var value = link ? link.getAttribute("data-value") : "";
      var visible = 0;
      cards.forEach(function (card) {
        var keep = kind === "all" || matches(card, kind, value);
        card.hidden = !keep;
        if (keep) visible += 1;
      });
      links.forEach(function (other) { other.removeAttribute("aria-current"); });
      if (kind === "all") {
        initial.forEach(function (other) { other.setAttribute("aria-current", "page"); });
        active = null;
      } else {
        link.setAttribute("aria-current", "true");
        active = link;
      }
      if (counter && Object.prototype.hasOwnProperty.call(counts, String(visible))) {
        counter.textContent = counts[String(visible)];
      }
    }

    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest(".dehub-filters a[data-filter]") : null;
      if (!link || links.indexOf(link) === -1) return;
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      var kind = link.getAttribute("data-filter");
      show(kind === "all" || link === active ? null : link);
    });
  }

  /* 3. Events that ended after the site was built.
   *
   * The build sorts events into upcoming and past by its own date, and a daily rebuild keeps
   * that current; if the rebuild stops, a page must not go on announcing an event that is
   * over. Each upcoming event carries data-ends (a UTC instant); once it has passed, the
   * event is marked as past, with the list's translated data-past-label as visible text.
   */
  function markPastEvents() {
    var now = Date.now();
    document.querySelectorAll(".dehub-events[data-past-label] > .dehub-event[data-ends]").forEach(function (item) {
      var ends = Date.parse(item.getAttribute("data-ends"));
      if (isNaN(ends) || ends > now || item.classList.contains("dehub-event--past")) return;
      item.classList.add("dehub-event--past");
      var label = document.createElement("span");
      label.className = "dehub-event__ended";
      label.textContent = item.parentNode.getAttribute("data-past-label");
      var when = item.querySelector(".dehub-event__when");
      (when || item).appendChild(document.createTextNode(" "));
      (when || item).appendChild(label);
    });
  }

  /* 4. The search (theme/partials/search.html): nothing of it is fetched with the page. The
   * first focus of the field, or a key typed into it, loads search.js, which loads Pagefind
   * and this language's index (page weight: issue 20). `data-dehub-search` on <html> tells
   * tests whether the search is still waiting ("deferred") or was requested ("requested").
   */
  function setupSearch() {
    var form = document.querySelector("form[data-dehub-search]");
    if (!form || form.dataset.dehubSearchHooked) return;
    form.dataset.dehubSearchHooked = "1";
    document.documentElement.dataset.dehubSearch = "deferred";
    function start() {
      if (document.documentElement.dataset.dehubSearch === "requested") return;
      document.documentElement.dataset.dehubSearch = "requested";
      var script = document.createElement("script");
      script.src = form.dataset.ui;
      document.head.appendChild(script);
    }
    form.addEventListener("focusin", start);
    form.addEventListener("input", start);
    form.addEventListener("submit", function (event) { event.preventDefault(); start(); });
  }

  function setup() {
    setupFilters();
    markPastEvents();
    setupSearch();
  }

  if (typeof window.document$ !== "undefined" && window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup); /* also after Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup, { once: true });
  } else {
    setup();
  }
}());
