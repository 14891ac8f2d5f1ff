"""Commands: what `build.py` runs (build, check, serve, new-hub, i18n, i18n status, the PR summary).

In: the repository root and the parsed arguments (dehub.cli). Out: files, printed lines and
an exit status; each command wires the stages together and catches what must not become a
traceback.
"""
