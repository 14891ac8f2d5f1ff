"""translate-toolkit's pofilter (the checks Weblate and Pootle are built on) on every catalog.

Every check pofilter has runs (`StandardChecker`, `StandardUnitChecker`, with the language's own
settings, as `pofilter --language=LANG` runs them), except the few in LEFT_OUT, each with its
reason. A failure is reported like every other problem, at the line of the msgstr (or msgstr[k])
that fails, with the check's name and a hint (`...po:14: error: msgstr: pofilter xmltags: ...`).

It is not part of `build.py check`: translate-toolkit is a test dependency, and `check` stays
fast and runs on the main dependencies only (and skips clean input, dehub/cache.py). The test
suite runs it on the shipped catalogs (CI: `make test`); `make lint-po` and the pre-commit hook
run `python -m dehub.validate.pofilter [--format github] [CATALOG ...]` (exit status 1 on errors).

pofilter compares each msgstr with its msgid. Where a check's idea of "the same" is narrower
than correct typography, `DehubChecker` widens it (one method per check below, each saying why);
plural forms are checked one by one, each against its msgid, so a failure names its form.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from translate.filters import checks, decoration
from translate.filters.checks import FilterFailure
from translate.filters.decorators import cosmetic, critical, functional
from translate.storage import factory
from translate.storage.pypo import pounit

from ..config import load_config
from ..diagnostics import Report, print_report
from ..load.po import Parsed, parse_catalog
from ..localize.catalogs import catalog_path
from ..localize.plurals import expected_plural_forms, parse_rule, single_number_forms

# The checks that do not run, and why. Every other check of pofilter runs on every catalog.
LEFT_OUT: dict[str, str] = {
    # A native editor splits or joins sentences as the language prefers (issue 26 asks for
    # exactly that: no German or English sentence shape); the count of sentences says nothing.
    "sentencecount": "sentences are split and joined as each language prefers",
    # Capitals follow each language's rules (German nouns, "Land" in French, place names such
    # as "Basse-Saxe"); pofilter itself turns this check off for de, ar, zh and ja.
    "simplecaps": "capitalisation follows each language's rules",
    # Depends on spelling dictionaries installed on the machine (enchant), none of them in the
    # lock: the result would differ between a laptop and CI.
    "spellcheck": "depends on the dictionaries of the machine",
    # Not failures of a translation: fuzzy and empty entries are shown in English (with a
    # notice) and counted by `i18n status`; the suite requires none in the shipped catalogs.
    "isfuzzy": "a fuzzy entry is a suggestion, not used on the site",
    "untranslated": "an empty msgstr is shown in English; `i18n status` counts it",
    # Suggestions are alternative translations in XLIFF files or Pootle; .po files have none.
    "hassuggestion": "our .po files carry no suggestions",
}

# pofilter's documentation: what each check looks for.
DOCS = "https://docs.translatehouse.org/projects/translate-toolkit/en/latest/commands/pofilter_tests.html"
HINTS: dict[str, str] = {
    "printf": "keep every placeholder of the msgid, spelt as there, and add none",
    "variables": "keep every placeholder of the msgid, spelt as there, and add none",
    "pythonbraceformat": "keep every {placeholder} of the msgid, spelt as there",
    "xmltags": "keep the msgid's tags as they are and add none; translations are plain text",
    "brackets": "keep the msgid's brackets ( ) [ ] { }, and close every bracket you open",
    "endpunc": "end with the msgid's punctuation, in your language's form (. : ? ! or 。 ： ؟)",
    "startpunc": "begin with the msgid's punctuation, in your language's form",
    "puncspacing": "space punctuation as the msgid does (French: a no-break space before : ; ! ?)",
    "doublespacing": "write one space where the msgid has one",
    "doublewords": "delete the repeated word",
    "startcaps": "begin with a capital letter where the msgid does, with a small one where it does not",
    "unchanged": "translate the sentence: it is still the English msgid",
    "escapes": "keep the msgid's escapes (\\n, \\t, \\\\) and add none",
    "newlines": "keep the msgid's line breaks",
    "tabs": "keep the msgid's tabs",
    "startwhitespace": "begin with the msgid's white space",
    "endwhitespace": "end with the msgid's white space",
    "numbers": "keep the msgid's numbers",
    "urls": "keep the msgid's web addresses unchanged",
    "emails": "keep the msgid's e-mail addresses unchanged",
    "filepaths": "keep the msgid's file paths unchanged",
    "nplurals": "fill in every msgstr[k] of the language's plural forms",
    "blank": "write the translation, or leave the msgstr empty (then English is shown)",
    "long": "the translation is much longer than the msgid: check that nothing was added",
    "short": "the translation is much shorter than the msgid: check that nothing is missing",
}

BRAND = "de:hub"  # a name that is always written in small letters, wherever it stands
PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[sdif]")
COUNT = "%(num)s"
FULL_WIDTH = str.maketrans("（）［］｛｝：；！？", "()[]{}:;!?")  # CJK punctuation: the same marks
MAX_MESSAGE = 160  # pofilter's message can quote the msgstr: never unbounded
SENTENCE_WORDS = 5  # `unchanged`: a msgstr of this many words equal to its msgid is untranslated


class DehubChecker(checks.StandardChecker):
    """pofilter's standard checks; where one knows less typography than our catalogs use, it is
    widened here, and only as far as the reason given (every other case still fails)."""

    @critical
    def variables(self, str1: str, str2: str) -> bool:
        """Placeholders may change their order (translations/README.md); pofilter 3.20 compares the
        lists in order and then reports every placeholder of a reordered msgstr as added. Compared
        by count here: one missing, added or renamed still fails."""
        try:
            return super().variables(str1, str2)
        except FilterFailure:
            for start, end in self.config.varmatches:
                found = decoration.getvariables(start, end)
                if Counter(found(str1)) != Counter(found(str2)):
                    raise
            return True

    @cosmetic
    def brackets(self, str1: str, str2: str) -> bool:
        """Chinese and Japanese write full-width brackets （…）; and a translation may add a gloss in
        brackets (translations/README.md: "a translation may follow in brackets"), as long as
        every bracket of the msgid is kept and every added one is closed."""
        str2 = str2.translate(FULL_WIDTH)
        try:
            return super().brackets(str1, str2)
        except FilterFailure:
            str1, str2 = self.filtervariables(str1), self.filtervariables(str2)
            kept = all(str2.count(mark) >= str1.count(mark) for mark in "()[]{}")
            closed = all(str2.count(a) - str1.count(a) == str2.count(b) - str1.count(b) for a, b in ("()", "[]", "{}"))
            if kept and closed:
                return True
            raise

    @cosmetic
    def endpunc(self, str1: str, str2: str) -> bool:
        """A full-width colon, question or exclamation mark (ハブ：) is the msgid's mark; so is a
        French one after a narrow no-break space (U+202F, as in puncspacing)."""
        str2 = str2.replace("\u202f", "\u00a0").replace("……", "…")  # Chinese writes the ellipsis doubled
        try:
            return super().endpunc(str1, str2)
        except FilterFailure:
            return super().endpunc(str1, str2.translate(FULL_WIDTH))

    @cosmetic
    def puncspacing(self, str1: str, str2: str) -> bool:
        """French typography puts a narrow no-break space (U+202F) before ; ! ? (and our catalogs
        use it); pofilter knows the no-break space U+00A0 only."""
        return super().puncspacing(str1, str2.replace("\u202f", "\u00a0"))

    @cosmetic
    def doublewords(self, str1: str, str2: str) -> bool:
        """German formal address: "Tragen Sie sie ein" (Sie, then the pronoun sie) is grammar, not
        a doubled word; pofilter compares in small letters. A repeat in the same letters fails."""
        try:
            return super().doublewords(str1, str2)
        except FilterFailure:
            words = self.filteraccelerators(self.removevariables(self.filterxml(str2))).replace(".", "").split()
            for first, second in zip(words, words[1:], strict=False):
                if first == second and first.lower() not in self.config.lang.validdoublewords:
                    raise FilterFailure(f"The word '{first}' is repeated") from None
            return True

    @cosmetic
    def startcaps(self, str1: str, str2: str) -> bool:
        """A text that begins with a placeholder or with the name de:hub (always in small
        letters) has no capital to compare: "de:hub news" is "Aktuelles von de:hub"."""
        if any(PLACEHOLDER.match(text.lstrip()) or text.lstrip().startswith(BRAND) for text in (str1, str2)):
            return True
        return super().startcaps(str1, str2)

    @functional
    def unchanged(self, str1: str, str2: str) -> bool:
        """Short texts are often the same in the language: names (Berlin, FinTech, de:hub – Digital
        Hub Initiative), loanwords (Hub, Hubs, Page) and formats ("%(city)s (%(state)s)"). A text of
        five words or more that equals its msgid was not translated."""
        words = [word for word in PLACEHOLDER.sub(" ", str1).split() if any(char.isalpha() for char in word)]
        return len(words) < SENTENCE_WORDS or super().unchanged(str1, str2)


def _config(lang: str) -> checks.CheckerConfig:
    # Python's named placeholders are variables: their name is not text, their brackets not brackets
    return checks.CheckerConfig(targetlanguage=lang, varmatches=[("%(", ")s")])


def make_checker(lang: str) -> tuple[checks.TeeChecker, checks.TeeChecker]:
    """The checks of one text (msgstr or msgstr[k]) and the checks of a whole entry (nplurals)."""
    texts = checks.TeeChecker(checkerconfig=_config(lang), checkerclasses=[DehubChecker], excludefilters=LEFT_OUT, languagecode=lang)
    units = checks.TeeChecker(
        checkerconfig=_config(lang), checkerclasses=[checks.StandardUnitChecker], excludefilters=LEFT_OUT, languagecode=lang
    )
    # pofilter's table of plural counts predates CLDR's "many" form of French and Spanish: give it
    # the count of Babel's rule, which `check` holds every catalog's Plural-Forms to
    original = units.checkers[0].config.lang  # a singleton per language: changed on a copy only
    language = object.__new__(type(original))
    language.__dict__.update(original.__dict__)
    language.nplurals = parse_rule(expected_plural_forms(lang)).nplurals
    for checker in units.checkers:
        checker.config.lang = language
    return texts, units


def text_unit(source: str, target: str) -> pounit:
    unit = pounit(source)
    unit.target = target
    return unit


def check_catalog(parsed: Parsed, file: Path, report: Report) -> None:
    """Every active, translated entry of one readable catalog; failures go to `report`."""
    texts, units = make_checker(parsed.lang)
    single = single_number_forms(parse_rule(expected_plural_forms(parsed.lang)))
    try:
        store = factory.getobject(str(file))
    except Exception as exc:  # noqa: BLE001 - Babel read it (`parsed`), translate-toolkit's parser did not
        report.error(
            parsed.path,
            1,
            0,
            f"pofilter cannot read the catalog ({' '.join(str(exc).split())[:MAX_MESSAGE]}); save it with a gettext editor",
        )
        return
    for unit in store.units:
        if unit.isheader() or unit.isobsolete() or unit.isfuzzy() or not any(unit.target.strings if unit.hasplural() else [unit.target]):
            continue  # obsolete, fuzzy and empty entries are not used on the site
        singular = str(unit.source)
        key = (singular, unit.getcontext() or None)
        message = parsed.catalog.get(*key) if parsed.catalog is not None else None
        lines = parsed.msgstr_lines.get(key, {})
        entry_line = message.lineno if message is not None else 0
        if unit.hasplural():
            sources = [str(text) for text in unit.source.strings]
            for form, text in enumerate(str(text) for text in unit.target.strings):
                source = sources[min(form, len(sources) - 1)]
                if form in single and COUNT not in text:  # a form for one number may say it in words
                    source = " ".join(source.replace(COUNT, " ").split())
                if text:
                    _report(report, parsed.path, lines.get(form, entry_line), f"msgstr[{form}]", _run(texts, text_unit(source, text)))
            _report(report, parsed.path, entry_line, "msgstr", _run(units, unit))
        else:
            _report(report, parsed.path, lines.get(0, entry_line), "msgstr", _run(texts, text_unit(singular, str(unit.target))))


def _run(checker: checks.TeeChecker, unit: pounit) -> dict:
    """The failed checks' messages; a check that breaks on a text is reported, not raised."""
    try:
        return checker.run_filters(unit)
    except ValueError as exc:  # run_filters wraps what a check raised: "error in filter NAME: ..."
        return {"(internal)": f"a check could not run on this text: {exc}"}


def _report(report: Report, path: str, line: int, label: str, failures: dict) -> None:
    for name, message in sorted(failures.items()):
        hint = HINTS.get(name, f"see {DOCS}")
        text = " ".join(str(message).split())
        text = text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"
        report.error(path, line, 0, f"{label}: pofilter {name}: {text}; {hint}")


def run(root: Path, langs: list[str]) -> tuple[Report, int]:
    """pofilter on the catalogs of `langs`; the report and how many catalogs were checked."""
    report = Report()
    checked = 0
    for lang in langs:
        parsed = parse_catalog(root, lang)
        if parsed is None:
            continue
        if not parsed.readable:  # `check` names these lines; pofilter would read another file
            for line, problem in parsed.problems or [(1, "cannot be read")]:
                report.error(parsed.path, line, 0, f"{problem} (not checked by pofilter until fixed)")
            continue
        check_catalog(parsed, catalog_path(root, lang), report)
        checked += 1
    return report, checked


def _languages(root: Path, paths: list[str], report: Report) -> list[str]:
    codes = load_config(root).codes
    if not paths:
        return codes
    langs = []
    for name in paths:
        path = Path(name) if Path(name).is_absolute() else root / name
        lang = next((code for code in codes if path.resolve() == catalog_path(root, code).resolve()), None)
        if lang is None:
            report.error(name, 0, 0, "not the catalog of a configured language; give translations/<lang>/LC_MESSAGES/messages.po")
        elif lang not in langs:
            langs.append(lang)
    return langs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dehub.validate.pofilter", description=__doc__.split("\n\n")[0])
    parser.add_argument("catalogs", nargs="*", help="catalogs to check (default: every configured language's)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: the current folder)")
    parser.add_argument("--format", choices=("text", "github"), default="text")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    report = Report()
    found, checked = run(root, _languages(root, args.catalogs, report))
    report.extend(found)
    return print_report(report, f"pofilter on {checked} catalog{'s' if checked != 1 else ''}", args.format)


if __name__ == "__main__":
    sys.exit(main())
