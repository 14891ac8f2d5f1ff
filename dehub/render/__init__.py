"""Render: Project -> pages of one language; writes nothing.

In: the validated `Project`, the Config and one `Localizer`. Out: `page.Page`s (a generated
page's safe body HTML, or a content page's Markdown) for the engine to publish, from
`pages.render_language`; one module per page family (hubs, events, news, open data), the
Renderer with its Jinja2 environment and context, and the templates/.
"""
