"""Linting translations/<lang>/LC_MESSAGES/messages.po (untrusted input).

A catalog's msgstr is escaped in every template (localize/template_gettext.py); on top of
that these checks refuse what can't be right: markup, placeholders the msgid lacks or that
carry widths (memory), plain text only, exactly the msgid's placeholders,
the plural forms Babel expects for the language, and msgfmt-style syntax and duplicates.
Every problem is reported as `translations/fr/LC_MESSAGES/messages.po:LINE: error: ...`.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import clean_cache
from ..config import Config
from ..diagnostics import Report, shorten
from ..load.files import inside
from ..load.po import Parsed, parse_catalog
from ..localize.catalogs import catalog_path
from ..localize.plurals import PluralRuleError, expected_plural_forms, first_difference, parse_rule, single_number_forms
from ..output import describe, first_invisible

if TYPE_CHECKING:
    from babel.messages.catalog import Message

    from ..load.po import Parsed

# Babel's checkers, the .po parser and the plural rules are imported where they are used:
# a catalog `check` has found clean before (dehub/cache.py) needs none of them.

# The placeholder grammar: `%(name)s` or `%s` with a conversion type and nothing between (no
# flags, widths, precisions or `*`: `%(name)2000000000s` allocates gigabytes, `%*d` raises).
PLACEHOLDER = re.compile(r"%(?:\((?P<name>[A-Za-z_][A-Za-z0-9_]{0,40})\))?(?P<type>[sdif%])")
ANY_PLACEHOLDER = re.compile(r"%(?:\([^)]{0,60}\))?[#0\- +*.\d]*[hlL]?[A-Za-z%]?")
COUNT = "num"  # the placeholder of a plural message's number (Jinja's ngettext passes it as `num`)
NAMED_WITHOUT_TYPE = re.compile(r"%\([^)]{0,60}\)(?=\s|$|[^\w#0\-+*.%])")  # '%(num) hubs'
MARKUP = re.compile(r"<[/!?]?[A-Za-z!][^<>]{0,40}>?|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def placeholders(text: str) -> tuple[dict[str, str], list[str], list[str]]:
    """Named placeholders (name -> conversion), positional conversions, and '%' signs outside the grammar."""
    names: dict[str, str] = {}
    positional: list[str] = []
    stray: list[str] = []
    index = text.find("%")
    while index != -1:
        match = PLACEHOLDER.match(text, index)
        if match is None:
            bad = ANY_PLACEHOLDER.match(text, index)
            stray.append(bad.group() if bad and len(bad.group()) > 1 else text[index : index + 3])
            end = index + max(1, len(bad.group()) if bad else 1)
        else:
            end = match.end()
            if match.group("name") is not None:
                names.setdefault(match.group("name"), match.group("type"))
            elif match.group("type") != "%":
                positional.append(match.group("type"))
        index = text.find("%", end)
    return names, positional, stray


def grammar_problem(text: str) -> str | None:
    """Why a string's placeholders break the grammar, or None."""
    _names, _positional, stray = placeholders(text)
    if stray:
        token = stray[0]
        named = NAMED_WITHOUT_TYPE.match(token)
        if named:
            name = named.group()
            return f"the conversion type is missing after {name!r}; write {name + 's'!r} (a name in parentheses needs an 's' after it)"
        if len(token) > 1 and token[1:2] not in {" ", ""} and re.match(r"%(\([^)]*\))?[#0\- +*.\d]", token):
            return f"placeholder {shorten(token, 40)} has a width, precision, flag or '*'; write %(name)s (or %s) without them"
        return f"stray '%' ({shorten(token, 40)}); write '%%' for a percent sign"
    return None


def check_placeholders(msgid: str, plural: str | None, msgstr: str, count_optional: bool = False) -> str | None:
    """`count_optional`: a plural form that covers exactly one number may leave out %(num)s."""
    for source in (msgid, plural or ""):
        problem = grammar_problem(source)
        if problem:
            return f"the msgid's {problem}"
    names, positional, _ = placeholders(msgid + "\n" + (plural or ""))
    if count_optional:
        names.pop(COUNT, None)
    want_positional = placeholders(plural or msgid)[1]
    problem = grammar_problem(msgstr)
    if problem:
        return problem
    got_names, got_positional, _stray = placeholders(msgstr)
    for name in sorted(set(got_names) - set(names) - ({COUNT} if count_optional else set())):
        allowed = ", ".join(f"%({n}){names[n]}" for n in sorted(names)) or "none"
        return f"unknown placeholder '%({name}){got_names[name]}'; the msgid has: {allowed}"
    for name in sorted(set(names) - set(got_names)):
        return f"placeholder '%({name}){names[name]}' is missing; keep every placeholder of the msgid"
    for name in sorted(names):
        if got_names[name] != names[name]:
            return f"placeholder '%({name}){got_names[name]}' has another type than the msgid's '%({name}){names[name]}'"
    if len(got_positional) != len(want_positional):
        return f"has {len(got_positional)} '%s'-style placeholders, the msgid has {len(want_positional)}"
    if got_positional != want_positional:
        return f"'%s'-style placeholders {' '.join(got_positional)} differ in type from the msgid's {' '.join(want_positional)}"
    if got_positional and got_names:
        return "mixes %(name)s and %s placeholders; use only named ones"
    return None


def check_markup(msgid: str, msgstr: str) -> str | None:
    allowed = set(MARKUP.findall(msgid))
    for token in MARKUP.findall(msgstr):
        if token not in allowed:
            kind = "HTML entity" if token.startswith("&") else "HTML markup"
            return f"{kind} {shorten(token, 40)} is not allowed (the msgid has none); translations are plain text"
    return None


def _markup(problem: str) -> bool:
    return ": HTML markup " in problem or ": HTML entity " in problem


def lint_message(parsed: Parsed, message: Message, nplurals: int, single: frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """`single`: the plural forms that cover exactly one number (they may leave the number out)."""
    from babel.messages.catalog import TranslationError
    from babel.messages.checkers import checkers

    key = (message.id[0] if message.pluralizable else message.id, message.context)
    lines = parsed.msgstr_lines.get(key, {})
    line_of = lambda form: lines.get(form, message.lineno)  # noqa: E731
    ids = list(message.id) if message.pluralizable else [message.id]
    strings = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]
    found: list[tuple[int, str]] = []
    label = lambda form: f"msgstr[{form}]" if message.pluralizable else "msgstr"  # noqa: E731
    for form, text in enumerate(strings):
        problem = check_markup("\n".join(ids), text) if text else None
        if problem:
            found.append((line_of(form), f"{label(form)}: {problem}"))
    if found:
        return found
    if message.pluralizable:
        forms = sorted(lines)
        if key in parsed.plain_msgstr or forms != list(range(nplurals)):
            have = ", ".join(f"msgstr[{f}]" for f in forms) if key not in parsed.plain_msgstr else "msgstr"
            found.append(
                (
                    message.lineno,
                    f"plural message needs msgstr[0] to msgstr[{nplurals - 1}] ({nplurals} forms for {parsed.lang}), has {have}",
                )
            )
            return found
    elif key in parsed.plain_msgstr or not lines:
        pass
    else:
        found.append((message.lineno, "msgstr[N] without msgid_plural; use a plain msgstr"))
        return found
    for form, text in enumerate(strings):
        if not text:
            continue
        if text.startswith("\n") != ids[0].startswith("\n") or text.endswith("\n") != ids[0].endswith("\n"):
            found.append((line_of(form), f"{label(form)} must begin and end with a newline exactly like the msgid"))
        problem = check_placeholders(ids[0], ids[1] if len(ids) > 1 else None, text, message.pluralizable and form in single)
        if problem:
            found.append((line_of(form), f"{label(form)}: {problem}"))
    if not found and message.string and all(strings):
        for checker in checkers:
            try:
                checker(None, message)
            except TranslationError as exc:
                found.append((message.lineno, str(exc)))
    return found


def plural_rule_problem(actual: str, lang: str) -> str | None:
    from ..localize.plurals import parse_rule

    """None when the header's rule picks CLDR's form for every sample number, however it is spelled."""
    expected = expected_plural_forms(lang)
    hint = f"run `python build.py i18n update` to migrate the catalog, or write 'Plural-Forms: {expected}'"
    try:
        rule = parse_rule(actual)
    except PluralRuleError as exc:
        return f"Plural-Forms {shorten(actual, 120)} is not a valid rule ({exc}); {hint}"
    want = parse_rule(expected)
    n = first_difference(rule, want)
    if n is None:
        return None
    if rule.nplurals != want.nplurals:
        return f"Plural-Forms {shorten(actual, 120)} has {rule.nplurals} forms, but {lang} has {want.nplurals} in CLDR; {hint}"
    return f"Plural-Forms {shorten(actual, 120)} picks form {rule.pick(n)} for n = {n}, CLDR's rule for {lang} picks {want.pick(n)}; {hint}"


def lint_header(parsed: Parsed, text_lines: list[str]) -> list[tuple[int, str]]:

    if parsed.header is None:
        return [(1, 'the header entry (msgid "") is missing; run `python build.py i18n update` to add it')]
    fields = dict(line.split(":", 1) for line in parsed.header.split("\n") if ":" in line)
    fields = {name.strip().lower(): value.strip() for name, value in fields.items()}

    def where(name: str) -> int:
        return next((n for n, line in enumerate(text_lines, 1) if line.lstrip().startswith(f'"{name}:')), parsed.header_line)

    found = []
    expected = expected_plural_forms(parsed.lang)
    actual = fields.get("plural-forms")
    if actual is None:
        found.append((parsed.header_line, f"the header has no Plural-Forms; add 'Plural-Forms: {expected}'"))
    else:
        problem = plural_rule_problem(actual, parsed.lang)
        if problem:
            found.append((where("Plural-Forms"), problem))
    content_type = fields.get("content-type", "")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        found.append((where("Content-Type"), "Content-Type must declare charset=UTF-8"))
    return found


def _near(start: int, starts: list[int], broken: list[int]) -> bool:
    """A syntax problem stands between the entry before this one and the next: Babel's reading of
    this entry can't be trusted (a quote left open swallows or splits strings)."""
    index = bisect.bisect_left(starts, start)
    low = starts[index - 1] if index else 0
    high = starts[index + 1] if index + 1 < len(starts) else float("inf")
    at = bisect.bisect_right(broken, low)
    return at < len(broken) and broken[at] < high


def lint_parsed(root: Path, parsed: Parsed, report: Report) -> None:
    from babel.messages.mofile import write_mo

    problems = list(parsed.problems)
    fuzzy: list[tuple[int, str]] = []
    if parsed.catalog is not None:
        text_lines = (root / parsed.path).read_text(encoding="utf-8", errors="replace").split("\n")
        problems += lint_header(parsed, text_lines)
        rule = parse_rule(expected_plural_forms(parsed.lang))
        single = single_number_forms(rule)
        broken = sorted(line for line, _ in parsed.problems)
        messages = [message for message in parsed.catalog if message.id]
        starts = sorted(message.lineno for message in messages)
        for message in messages:
            if _near(message.lineno, starts, broken):  # a syntax error's entry: no knock-on errors
                continue
            found = lint_message(parsed, message, rule.nplurals, single)
            if message.fuzzy:  # not on the site yet; it must be right before the flag is cleared
                fuzzy += [(line, text) for line, text in found if not _markup(text)]
                problems += [(line, text) for line, text in found if _markup(text)]  # unsafe even unused
            else:
                problems += found
        if not problems:
            try:
                write_mo(io.BytesIO(), parsed.catalog, use_fuzzy=False)
            except Exception as exc:  # noqa: BLE001 - anything Babel can't compile is an error
                problems.append((1, f"does not compile: {shorten(str(exc), 120)}"))
    for line, message in problems:
        report.error(parsed.path, line, 0, message)
    for line, message in fuzzy:
        report.warning(parsed.path, line, 0, f"fuzzy entry: {message}; fix it before you clear the fuzzy flag")
    invisible_characters(root / parsed.path, parsed.path, report)


def invisible_characters(file: Path, path: str, report: Report) -> None:
    """Control characters and bidi controls anywhere in a catalog (they hide what a msgstr says)."""
    try:
        text = file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    for number, line in enumerate(text.split("\n"), 1):
        index = first_invisible(line.rstrip("\r"), allowed="\t")
        if index != -1:
            report.error(path, number, index + 1, f"{describe(line[index])}; delete it")


def lint_catalogs(root: Path, config: Config, report: Report) -> int:
    """Check every configured language's catalog; returns how many catalogs were checked.

    A catalog `check` has found clean before, byte for byte, is not parsed again (dehub/cache.py)."""
    checked = 0
    for lang in config.codes:
        path = catalog_path(root, lang)
        data = None
        if inside(root, path) and path.is_file():  # never read through a link out of the repository
            with contextlib.suppress(OSError):
                data = path.read_bytes()
        if data is not None and clean_cache().is_clean("catalog", lang.encode(), data):
            checked += 1
            continue

        parsed = parse_catalog(root, lang)
        if parsed is not None:
            errors = len(report.diagnostics)
            lint_parsed(root, parsed, report)
            checked += 1
            if data is not None and len(report.diagnostics) == errors:
                clean_cache().remember_clean("catalog", lang.encode(), data)
    return checked
