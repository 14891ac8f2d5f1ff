#!/bin/sh
cd "$(dirname "$0")" && rm -rf site site-mkdocs .cache
echo "zensical: $(zensical build --clean 2>&1 | tail -1)"
NO_MKDOCS_2_WARNING=1 mkdocs build -q -d site-mkdocs >/dev/null 2>&1 || { echo "mkdocs build failed"; exit 1; }
echo "mkdocs: $(grep -o '<p id="f">[^<]*' site-mkdocs/index.html)"
