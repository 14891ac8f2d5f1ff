"""The command line: `python build.py [build|check|serve|new-hub|i18n] ...` -> dehub.commands.

Imported by build.py only; each command's module is imported when it runs, so `check`
never loads the renderer or MkDocs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def port_number(text: str) -> int:
    """`--port`: 1 to 65535 (argparse turns the ValueError into a usage error)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number; use 1 to 65535, e.g. 8000") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number; use 1 to 65535, e.g. 8000")
    return port


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="build.py", description="Validate and build the de:hub website.")
    main.add_argument("--root", type=Path, default=None, help="the repository (default: the folder of build.py)")
    commands = main.add_subparsers(dest="command")

    build = commands.add_parser("build", help="validate, then render the site (default)")
    build.add_argument("--lang", action="append", dest="langs", metavar="L", help="only this language (repeatable)")
    build.add_argument("--out", type=Path, default=None, help="output folder (default: site/)")
    build.add_argument("--format", choices=["text", "github"], default="text")
    build.add_argument("--offline", action="store_true", help="a preview that opens from disk without a server")
    build.add_argument("--release", action="store_true", help="the deploy's build: also fail on [[TODO: ...]] placeholders")

    main.set_defaults(build_parser=build)
    check = commands.add_parser("check", help="validate only, no rendering")
    check.add_argument("--format", choices=["text", "github"], default="text")
    check.add_argument("--release", action="store_true", help="also fail on [[TODO: ...]] placeholders")
    since = check.add_mutually_exclusive_group()
    since.add_argument("--changed-only", metavar="BASE", help="only files changed since the git ref BASE, plus cross-file rules")
    since.add_argument("--changed-first", metavar="BASE", help="every problem, those in files changed since BASE first (pull requests)")

    serve = commands.add_parser("serve", help="live preview on 127.0.0.1:8000")
    serve.add_argument("--port", type=port_number, default=8000, help="the port on 127.0.0.1 (default: 8000)")

    new_hub = commands.add_parser("new-hub", help="scaffold a hub folder")
    new_hub.add_argument("slug")
    new_hub.add_argument("--city", help="the hub's city, e.g. Bremen")
    new_hub.add_argument("--state", help="its federal state's German name (or BY, NRW, ...)")
    new_hub.add_argument("--lat", help="latitude of the city centre, e.g. 53.079")
    new_hub.add_argument("--lon", help="longitude of the city centre, e.g. 8.802")
    new_hub.add_argument("--focus", action="append", help="focus keys, comma-separated or repeated")
    new_hub.epilog = "What is not given (and not answered when asked on a terminal) becomes a [[TODO: ...]] placeholder."

    i18n = commands.add_parser(
        "i18n",
        help="translation catalogs and status",
        description="The translator workflow: UI strings in translations/<lang>/LC_MESSAGES/messages.po, prose in <lang>.md.",
        epilog=(
            "actions: extract (messages.pot from the code), update (merge it into every catalog), compile (check the catalogs), "
            "status (what is missing or outdated), mark-current PATH... (record that a translation matches its German text now), "
            "diff PATH (what changed in the German text since PATH was translated)"
        ),
    )
    i18n.add_argument("action", choices=["extract", "update", "compile", "status", "mark-current", "diff"])
    i18n.add_argument("paths", nargs="*", help="translated files, for mark-current and diff (e.g. hubs/berlin/en.md)")
    i18n.add_argument("--format", choices=["text", "markdown"], default="text", help="status: a text table or Markdown (CI job summary)")
    i18n.add_argument(
        "--strict",
        action="store_true",
        help="status: exit 1 when a language marked complete (* in the table) lacks or has outdated anything",
    )
    i18n.add_argument(
        "--check",
        action="store_true",
        help="extract: write nothing; exit 1 when messages.pot lacks or keeps a message (the deploy workflow's step)",
    )
    i18n.add_argument(
        "--force",
        action="store_true",
        help="update: write a catalog even if it has errors or would lose translations (keeps only what can be read)",
    )
    return main


def checked_languages(root: Path, langs: list[str], build: argparse.ArgumentParser) -> list[str]:
    """`--lang EN` is `en`; a language mkdocs.yml doesn't configure is a usage error (exit 2)."""
    from .config import load_config

    codes = load_config(root).codes
    by_case = {code.lower(): code for code in codes}
    chosen = []
    for lang in langs:
        code = by_case.get(lang.strip().lower().replace("_", "-"))
        if code is None:
            build.error(f"argument --lang: {lang!r} is not a configured language (choose from {', '.join(codes)})")
        chosen.append(code)
    return list(dict.fromkeys(chosen))


def main(argv: list[str] | None = None, default_root: Path | None = None) -> int:
    args = parser().parse_args(argv)
    root = (args.root or default_root or Path.cwd()).resolve()
    if not (root / "mkdocs.yml").is_file():
        print(f"error: {root} has no mkdocs.yml; run this in the de:hub repository or pass --root", file=sys.stderr)
        return 2
    command = args.command or "build"
    if command == "build" and getattr(args, "langs", None):
        args.langs = checked_languages(root, args.langs, args.build_parser)
    if command == "check":
        from .commands.check import check

        return check(root, args.format, args.release, args.changed_only, args.changed_first)
    if command == "new-hub":
        from .commands.new_hub import new_hub, parse_facts

        facts, problems = parse_facts(args.city, args.state, args.lat, args.lon, args.focus)
        if problems:
            print("\n".join(f"error: {problem}" for problem in problems) + "\nnothing was changed", file=sys.stderr)
            return 2
        try:
            status, message = new_hub(root, args.slug, facts)
        except (EOFError, KeyboardInterrupt):
            print("\ninterrupted: nothing was changed", file=sys.stderr)
            return 130
        print(message, file=sys.stderr if status else sys.stdout)
        return status
    if command == "build":
        from .commands.build import build_site

        langs = getattr(args, "langs", None)
        out = getattr(args, "out", None)
        try:
            return build_site(
                root,
                langs=langs,
                out=out,
                fmt=getattr(args, "format", "text"),
                offline=getattr(args, "offline", False),
                release=getattr(args, "release", False),
            )
        except KeyboardInterrupt:  # before anything was written (build_site says so itself later on)
            print("interrupted: nothing was changed", file=sys.stderr)
            return 130
    if command == "serve":
        from .commands.serve import serve

        return serve(root, port=args.port)
    from .commands.i18n import run_i18n

    return run_i18n(root, args)
