#!/bin/sh
cd "$(dirname "$0")" && rm -rf /tmp/zensical-repro-site-dir-outside-root .cache
echo "zensical: $(zensical build 2>&1 | tail -1)"
rm -rf /tmp/zensical-repro-site-dir-outside-root
NO_MKDOCS_2_WARNING=1 mkdocs build -q >/dev/null 2>&1; echo "mkdocs: exit $?, wrote $(ls /tmp/zensical-repro-site-dir-outside-root 2>/dev/null | wc -l) entries"
