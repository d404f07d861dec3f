"""Literal words a regular expression cannot match without: a cheap test that rules a sentence out
before the expression itself is tried.

:func:`anchors` reads a pattern's parse tree and returns lower-case strings one of which every
match must contain (or ``None`` when it cannot tell), so ``not any(a in sentence.lower() for a in
anchors)`` proves the pattern has no match there. Request cues are ~35 case-insensitive patterns
tried on every sentence; most sentences contain none of their words.

>>> sorted(anchors(r"\\b(?:we|i)\\s+(?:would\\s+)?(?:seek|sought)\\s+"))
['seek', 'sought']
>>> sorted(anchors(r"\\b(?:asked|urged)\\s+him|\\bappeals?\\s+for\\b"))
['appeal', 'asked', 'urged']
>>> anchors(r"\\b[A-Z]\\w+\\s+said") == {"said"}, anchors(r"\\w+ly") is None
(True, True)
"""

from __future__ import annotations

import re
from itertools import product

try:  # Python 3.11+
    from re import _constants as sc
    from re import _parser as sp
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sc  # type: ignore[no-redef]
    import sre_parse as sp  # type: ignore[no-redef]

MIN_LENGTH = 3  # shorter anchors ("we", "i") are in nearly every sentence
MAX_FORMS = 64  # literal alternatives kept per run before giving up on it


def anchors(pattern: str) -> set[str] | None:
    """Lower-case strings one of which every match of ``pattern`` (case-insensitive) contains."""
    try:
        tree = sp.parse(pattern, re.I)
    except re.error:
        return None
    return _required(list(tree))


def _required(items: list) -> set[str] | None:
    """The best required alternatives of a sequence of parse items."""
    if len(items) == 1 and items[0][0] is sc.BRANCH:
        return _branch(items[0][1][1])
    best: set[str] | None = None
    run: set[str] | None = {""}
    for op, av in items + [(None, None)]:
        forms = _literal_forms(op, av)
        if forms is not None and run is not None and len(run) * len(forms) <= MAX_FORMS:
            run = {a + b for a, b in product(run, forms)}
            continue
        best = _better(best, run)
        run = forms if forms is not None else {""}
        inner = _inner(op, av)
        best = _better(best, inner)
    return best


def _branch(alternatives: list) -> set[str] | None:
    found: set[str] = set()
    for alternative in alternatives:
        each = _required(list(alternative))
        if each is None:
            return None
        found |= each
    return found


def _literal_forms(op: object, av: object) -> set[str] | None:
    """The strings a parse item matches, when it only matches literal text."""
    if op is sc.LITERAL:
        return {chr(av).lower()}  # type: ignore[arg-type]
    if op is sc.SUBPATTERN:
        return _all_literal(list(av[-1]))  # type: ignore[index]
    if op is sc.BRANCH:
        forms: set[str] = set()
        for alternative in av[1]:  # type: ignore[index]
            each = _all_literal(list(alternative))
            if each is None:
                return None
            forms |= each
        return forms
    return None


def _all_literal(items: list) -> set[str] | None:
    run = {""}
    for op, av in items:
        forms = _literal_forms(op, av)
        if forms is None or len(run) * len(forms) > MAX_FORMS:
            return None
        run = {a + b for a, b in product(run, forms)}
    return run


def _inner(op: object, av: object) -> set[str] | None:
    """Required alternatives inside a group that must match at least once."""
    if op is sc.SUBPATTERN:
        return _required(list(av[-1]))  # type: ignore[index]
    if op in (sc.MAX_REPEAT, sc.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
        return _required(list(av[2]))  # type: ignore[index]
    if op is sc.BRANCH:
        return _branch(av[1])  # type: ignore[index]
    if op is sc.ASSERT and av[0] == 1:  # type: ignore[index]  # a lookahead (not behind: it may lie before the text)
        return _required(list(av[1]))  # type: ignore[index]
    return None


def _better(best: set[str] | None, candidate: set[str] | None) -> set[str] | None:
    """The set whose shortest string is longer (every string must be at least MIN_LENGTH long)."""
    if not candidate or min(len(c) for c in candidate) < MIN_LENGTH:
        return best
    if best is None or min(len(c) for c in candidate) > min(len(c) for c in best):
        return candidate
    return best
