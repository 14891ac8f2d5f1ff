"""Engine: the only code that imports MkDocs or Material for MkDocs.

In: one language's `render.page.Page`s. Out: that language's built folder (Material's page
template around our bodies, assets), built by `worker.build_language` in a
process pool, one language per process; `config` derives the MkDocs config, `plugin` feeds
the pages in as virtual files.
"""
