"""Sentence boundaries that survive initials, honorifics and archival abbreviations."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.lexicon import lexicon
from graph.types import Span

_END = re.compile(r"[.!?][\"”’)\]]*(?=\s+|$)")
_ABBREVIATIONS = {"f", "op", "d", "ll", "l", "no", "nos", "vol", "p", "pp", "cf", "i.e", "e.g", "etc", "viz", "st",
                  "jr", "sr", "esp", "approx", "ca", "fig", "ibid", "u.s", "u.k", "u.n", "vs"}


def sentences(text: str, span: Span) -> list[Span]:
    """Sentences of ``text[span]``, stripped (found once per paragraph: several components ask).

    >>> t = "Cde. L. I. Brezhnev spoke. Then A. N. Kosygin asked: why? RGANI, f. 80, op. 1."
    >>> [t[s.start:s.end] for s in sentences(t, Span(0, len(t)))]
    ['Cde. L. I. Brezhnev spoke.', 'Then A. N. Kosygin asked: why?', 'RGANI, f. 80, op. 1.']
    """
    return list(_sentences(text, span))


@lru_cache(maxsize=1024)
def _sentences(text: str, span: Span) -> tuple[Span, ...]:
    honorifics = {h.lower() for h in lexicon().honorifics}
    out: list[Span] = []
    start = span.start
    for match in _END.finditer(text, span.start, span.end):
        word = re.search(r"([\w.]+)$", text[max(span.start, match.start() - 12) : match.start()])
        token = word.group(1).lower() if word else ""
        if match.group(0)[0] == "." and (len(token) == 1 or token in _ABBREVIATIONS or token in honorifics
                                         or re.fullmatch(r"[a-z]{1,2}", token) and token[0].isupper()):
            continue
        if match.group(0)[0] == "." and word and re.fullmatch(r"(?:[A-Z][a-z]?\.)*[A-Z][a-z]?", word.group(1)):
            continue  # an initial: "Yu.", "S.A."
        _add(text, start, match.end(), out)
        start = match.end()
    _add(text, start, span.end, out)
    return tuple(out)


def _add(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end))
