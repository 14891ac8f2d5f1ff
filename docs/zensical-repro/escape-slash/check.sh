#!/bin/sh
cd "$(dirname "$0")" && rm -rf site site-mkdocs .cache
zensical build --clean >/dev/null 2>&1 || { echo "zensical build failed"; exit 1; }
NO_MKDOCS_2_WARNING=1 mkdocs build -q -d site-mkdocs >/dev/null 2>&1 || { echo "mkdocs build failed"; exit 1; }
for s in site site-mkdocs; do echo "$s: $(grep -o '<link rel="alternate" hreflang[^>]*>' $s/index.html)"; done
