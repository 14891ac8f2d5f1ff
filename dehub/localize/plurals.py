"""Plural rules of gettext catalogs, compared by meaning rather than by spelling.

A catalog's `Plural-Forms` header is untrusted text: it is parsed with the standard
library's `gettext.c2py` (a restricted C-expression parser with a length limit; never
`eval`) and judged by the form it picks for sample numbers. Two rules that pick the same
form for every sample are the same rule, however they are spelled; a rule that differs is
reported with the first number where it does.

When CLDR (through Babel) changes a language's rule, `remap_forms` tells which old form
each new form inherits, so `i18n update` can migrate a catalog instead of losing it.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from babel.messages.catalog import Catalog

# 0..1,000 covers every rule that looks at n % 10, n % 100 and small n; the large ones
# catch CLDR's "many" forms for millions (French, Spanish, Italian, Portuguese).
SAMPLES: tuple[int, ...] = (*range(1001), 10_000, 100_000, 1_000_000, 1_000_001, 2_000_000, 10_000_000, 1_000_000_000)
HEADER = re.compile(r"^\s*nplurals\s*=\s*(?P<n>\d+)\s*;\s*plural\s*=\s*(?P<expr>.+?)\s*;?\s*$", re.S)
MAX_FORMS = 6  # CLDR's categories: zero, one, two, few, many, other


@cache
def expected_plural_forms(lang: str) -> str:
    """Babel's (CLDR-derived) Plural-Forms header for a language."""
    return Catalog(locale=lang.replace("-", "_")).plural_forms


class PluralRuleError(ValueError):
    """A Plural-Forms header that cannot be read as a gettext rule."""


@dataclass(frozen=True)
class PluralRule:
    nplurals: int
    expr: str
    pick: Callable[[int], int]

    def forms(self) -> tuple[int, ...]:
        return tuple(self.pick(n) for n in SAMPLES)


@cache
def parse_rule(header: str) -> PluralRule:
    """`nplurals=N; plural=EXPR;` -> a rule; PluralRuleError says what is wrong."""
    match = HEADER.match(header.replace("\\n", " "))
    if not match:
        raise PluralRuleError("expected 'nplurals=N; plural=EXPRESSION;'")
    nplurals = int(match["n"])
    if not 1 <= nplurals <= MAX_FORMS:
        raise PluralRuleError(f"nplurals must be between 1 and {MAX_FORMS}, not {nplurals}")
    try:
        pick = gettext.c2py(match["expr"])
    except (ValueError, SyntaxError, RecursionError) as exc:
        raise PluralRuleError(f"the plural expression cannot be read: {exc}") from None
    rule = PluralRule(nplurals, match["expr"], pick)
    try:
        out_of_range = next((n for n, form in zip(SAMPLES, rule.forms(), strict=True) if not 0 <= form < nplurals), None)
    except (ArithmeticError, RecursionError) as exc:
        raise PluralRuleError(f"the plural expression fails: {exc}") from None
    if out_of_range is not None:
        raise PluralRuleError(f"for n = {out_of_range} the expression picks form {pick(out_of_range)}, but nplurals is {nplurals}")
    return rule


def single_number_forms(rule: PluralRule) -> frozenset[int]:
    """The forms that exactly one sample number picks (Arabic's zero, one and two; English's
    one): their text may leave the number out ("مركزان", "a hub"), since the form says it."""
    counts: dict[int, int] = {}
    for form in rule.forms():
        counts[form] = counts.get(form, 0) + 1
    return frozenset(form for form, count in counts.items() if count == 1)


def first_difference(actual: PluralRule, expected: PluralRule) -> int | None:
    """The smallest sample number for which the two rules pick different forms, if any."""
    if actual.nplurals != expected.nplurals:
        return next((n for n, a, e in zip(SAMPLES, actual.forms(), expected.forms(), strict=True) if a != e), SAMPLES[0])
    return next((n for n, a, e in zip(SAMPLES, actual.forms(), expected.forms(), strict=True) if a != e), None)


@dataclass(frozen=True)
class FormMap:
    """For each form of the new rule: the old form whose text it takes, and whether that is a guess."""

    sources: tuple[int, ...]
    guessed: tuple[bool, ...]

    def apply(self, strings: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
        """Old msgstr[...] -> new msgstr[...], and whether the entry must become fuzzy."""
        new = tuple(strings[source] if source < len(strings) else "" for source in self.sources)
        fuzzy = any(guess and text for guess, text in zip(self.guessed, new, strict=True))
        return new, fuzzy


def remap_forms(old: PluralRule, new: PluralRule) -> FormMap:
    """Which old form each new form inherits: the one old form that picks all its numbers.

    A new form whose numbers were spread over several old forms has no single counterpart:
    it takes the old form of its smallest number and is marked as a guess (fuzzy).
    """
    sources, guessed = [], []
    for form in range(new.nplurals):
        old_forms = [o for o, n in zip(old.forms(), new.forms(), strict=True) if n == form]
        if not old_forms:  # no sample number reaches this form: keep the text of "other"
            sources.append(old.nplurals - 1)
            guessed.append(True)
            continue
        sources.append(old_forms[0])
        guessed.append(len(set(old_forms)) > 1)
    return FormMap(tuple(sources), tuple(guessed))


def migrate_plural_rule(catalog: Catalog, lang: str) -> int | None:
    """Bring a catalog written for an older plural rule to CLDR's current one, in place.

    Each plural entry's forms are remapped by what the old and the new rule pick for the same
    numbers (Babel 2.19 gave French and Spanish a "many" form and swapped Arabic's 4 and 5).
    Returns None when the rule is current, else how many entries became fuzzy because a new
    form had no single old counterpart.
    """
    expected = expected_plural_forms(lang)
    new = parse_rule(expected)
    try:
        old: PluralRule | None = parse_rule(catalog.plural_forms)
    except PluralRuleError:
        old = None
    if old is not None and first_difference(old, new) is None:
        return None
    # an unreadable old rule keeps the forms by position, every one of them a guess
    mapping = remap_forms(old, new) if old is not None else FormMap(tuple(range(new.nplurals)), (True,) * new.nplurals)
    catalog.mime_headers = [(name, expected if name.lower() == "plural-forms" else value) for name, value in catalog.mime_headers]
    fuzzy = 0
    for message in [*catalog, *catalog.obsolete.values()]:
        if message.id and message.pluralizable and isinstance(message.string, tuple):
            message.string, guessed = mapping.apply(message.string)
            if guessed and not message.fuzzy:
                message.flags.add("fuzzy")
                fuzzy += 1
    return fuzzy
