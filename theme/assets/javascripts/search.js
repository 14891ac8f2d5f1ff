/* de:hub search: the results of the site's own Pagefind index (dehub/write/search.py).
 *
 * dehub.js loads this file when the reader first uses the search field in the header
 * (theme/partials/search.html); this file then imports Pagefind's script from the site's own
 * /pagefind/ folder, which fetches the index of the page's language (<html lang>) and only
 * the parts of it the query needs. Every string shown comes from the page (our catalogs).
 *
 * Text, never markup: titles, excerpts and URLs come from the index, which is made from page
 * text (a city, a code span or a news post may hold `<`). They are inserted as text nodes;
 * the only markup kept is Pagefind's <mark> around the matched words, rebuilt here as
 * elements around text (Pagefind escapes `<` and `>` of the text before it adds <mark>).
 *
 * Its styles (search.css) come with it; the results panel opens once they have arrived.
 *
 * Keyboard: type to search; Arrow Down moves into the results, Arrow Up/Down between them,
 * Escape closes the results and returns to the field; Enter in the field opens the first
 * result. The result count is announced through a status region.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-dehub-search]");
  if (!form || form.dataset.dehubSearchReady) return;
  form.dataset.dehubSearchReady = "1";
  var input = form.querySelector(".dehub-search__input");
  var panel = form.querySelector(".dehub-search__panel");
  var status = form.querySelector(".dehub-search__status");
  var list = form.querySelector(".dehub-search__results");
  var bundle = new URL(form.dataset.bundle, document.baseURI);
  var pagefind = null;
  var sheet = document.createElement("link");
  var styled = new Promise(function (resolve) {
    sheet.onload = sheet.onerror = resolve;
  });
  sheet.rel = "stylesheet";
  sheet.href = form.dataset.css;
  document.head.appendChild(sheet);
  var latest = 0;
  var MAX_RESULTS = 10;

  function say(text) {
    status.textContent = text;
  }

  function open() {
    panel.hidden = false;
    form.classList.add("dehub-search--open");
  }

  function close() {
    panel.hidden = true;
    form.classList.remove("dehub-search--open");
  }

  function unescapeText(text) {  /* undoes exactly what Pagefind escaped: `<` and `>` */
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  }

  function excerpt(node, marked) {
    marked.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      if (part) {
        var text = document.createTextNode(unescapeText(part));
        if (inMark) {
          var mark = document.createElement("mark");
          mark.appendChild(text);
          node.appendChild(mark);
        } else {
          node.appendChild(text);
        }
      }
      return inMark;
    }, false);
  }

  function sameSite(url) {  /* a result opens a page of this site, nothing else */
    var target = new URL(url, bundle);
    return target.origin === location.origin && /^https?:$/.test(target.protocol) ? target.href : null;
  }

  function item(data) {
    var href = sameSite(data.url);
    if (!href) return null;
    var li = document.createElement("li");
    li.className = "dehub-search__result";
    var link = document.createElement("a");
    link.className = "dehub-search__link";
    link.href = href;
    var title = document.createElement("span");
    title.className = "dehub-search__title";
    title.textContent = (data.meta && data.meta.title) || href;
    link.appendChild(title);
    if (data.meta && data.meta.cities) {
      var cities = document.createElement("span");
      cities.className = "dehub-search__meta";
      cities.textContent = data.meta.cities;
      link.appendChild(cities);
    }
    var text = document.createElement("span");
    text.className = "dehub-search__excerpt";
    excerpt(text, data.excerpt || "");
    link.appendChild(text);
    li.appendChild(link);
    return li;
  }

  function load() {
    if (pagefind) return pagefind;
    pagefind = import(new URL("pagefind.js", bundle).href).then(function (module) {
      return module.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24 }).then(function () {
        return module;
      });
    });
    pagefind.catch(function () {
      pagefind = null;
    });
    return pagefind;
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      say("");
      close();
      return;
    }
    if (!list.childElementCount) say(form.dataset.loading);
    styled.then(function () {
      if (ticket === latest) open();
    });
    Promise.all([load(), styled])
      .then(function (loaded) {
        return loaded[0];
      })
      .then(function (module) {
        return module.debouncedSearch(query, {}, 200);
      })
      .then(function (search) {
        if (search === null || ticket !== latest) return null;  /* a newer query superseded this one */
        return Promise.all(search.results.slice(0, MAX_RESULTS).map(function (result) { return result.data(); }));
      })
      .then(function (results) {
        if (results === null || ticket !== latest) return;
        var items = results.map(item).filter(Boolean);
        list.replaceChildren.apply(list, items);
        say(items.length ? form.dataset.count.replace("{count}", String(items.length)) : form.dataset.none);
      })
      .catch(function () {
        if (ticket === latest) {
          list.replaceChildren();
          say(form.dataset.failed);
        }
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) location.href = first.href;
  });
  input.addEventListener("input", run);
  form.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      if (!panel.hidden) {
        event.preventDefault();
        close();
        input.focus();
      }
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      open();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
  input.addEventListener("focus", function () {
    if (input.value.trim() && list.childElementCount) open();
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) close();
  });
  form.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) close();
  });
  load();  /* the field was just focused: fetch Pagefind's script now, the index parts with the query */
  if (input.value.trim()) run();
})();
