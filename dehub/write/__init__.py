"""Write: the files outside the per-language MkDocs builds.

In: the Config, the Project and the staging folder the languages were built into. Out:
files at the site root (chooser, 404, sitemap, redirects, calendars, news feeds, open data),
the offline preview's links, and the atomic swap of staging into place.
"""
