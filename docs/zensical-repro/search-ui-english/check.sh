#!/bin/sh
# The page's own strings are Arabic (from partials/languages/ar.html); the search dialog's
# strings are not in the page: they are built into the JavaScript bundle, in English.
cd "$(dirname "$0")" && rm -rf site .cache
zensical build --clean >/dev/null 2>&1 || { echo "zensical build failed"; exit 1; }
echo "page: $(grep -o '<html[^>]*>' site/index.html) search button: $(grep -A1 'md-search__button' site/index.html | tail -1 | tr -s ' ')"
echo "strings in site/assets/javascripts/bundle.*.js: $(grep -o '"Close search"\|"Search results"\|"No results"' site/assets/javascripts/bundle.*.js | sort -u | tr '\n' ' ')"
