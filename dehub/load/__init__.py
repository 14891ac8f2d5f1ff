"""Load: disk -> data with positions.

In: the repository's files (hubs/<slug>/, content/, translations/), untrusted.
Out: plain data that remembers where each part stood (`safe_yaml.Document`, `Prose`,
`HubSource`, `NewsSource`, `po.Parsed`), or a diagnostic in the `Report`; nothing is
interpreted here, and nothing raises on hostile input.
"""
