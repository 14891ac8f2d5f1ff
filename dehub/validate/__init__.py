"""Validate: rules -> Report.

In: what load/ read, and the Config. Out: the `model.Project` (only what passed) and every
problem in one `Report` (schema, hubs, events, prose, logos, content and news front matter,
catalogs, release placeholders). `project.validate_sources` is what `build` runs;
`validate.schema` also generates the committed JSON Schemas.
"""
