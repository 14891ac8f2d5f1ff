"""Validate: rules -> Report.

In: what load/ read, and the Config. Out: the `model.Project` (only what passed) and every
problem in one `Report` (schema, hubs, events, prose, logos, content and news front matter,
catalogs, release placeholders). `project.validate_sources` is what `build` runs;
`validate.schema` also generates the committed JSON Schemas. `validate.pofilter` runs
translate-toolkit's pofilter on the catalogs (a test dependency: the suite and `make lint-po`
run it, `check` and `build` never import it).
"""
