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


_QUESTION_BREAK = re.compile(r".*(?:—|–|:\s|;\s)", re.S)


def question_from(text: str, sentence: Span) -> int | None:
    """Where a sentence ending in "?" starts asking: after its last dash, colon or semicolon ("Ghazali asked
    for a cessation of the propaganda war—Why must Djakarta go on ...?" asks for the cessation, not the
    question), else at its start (a question asks nothing here). None for a sentence that is no question."""
    if not text[sentence.start : sentence.end].rstrip().endswith("?"):
        return None
    head = _QUESTION_BREAK.match(text, sentence.start, sentence.end)
    return head.end() if head else sentence.start


def break_start(text: str, end: int) -> int:
    """``end`` moved back over the dash, colon or semicolon (and spaces) that precede it."""
    while end > 0 and text[end - 1] in " \t—–:;":
        end -= 1
    return end
