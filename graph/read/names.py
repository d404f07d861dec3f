"""Shared by readers: split lists of names ("Present were: A, B, and C.")."""

from __future__ import annotations

import re

from graph.read.text import paragraphs
from graph.types import Span

__all__ = ["PRESENT_HEADER", "paragraphs", "split_name_list", "trim"]

_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+|\n+")
PRESENT_HEADER = re.compile(
    r"^[ \t]*(?:Present(?: were| was| at the meeting were)?|Participants|PARTICIPANTS|PRESENT|"
    r"Also present(?: were)?|In attendance)\s*[:.\-–]\s*",
    re.MULTILINE,
)


def trim(text: str, start: int, end: int, chars: str | None = None) -> Span:
    """The span ``[start, end)`` without leading and trailing white space and ``chars``."""
    extra = chars or ""
    while start < end and (text[start].isspace() or text[start] in extra):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in extra):
        end -= 1
    return Span(start, end)


def split_name_list(text: str, start: int, end: int) -> list[Span]:
    """Spans of the items of a comma/"and" separated list of names in ``text[start:end]``.

    Each item keeps its honorifics ("Cdes.", "Mr.") for the extractor to read; a title after a
    comma that is not itself a name is left to the extractor to discard.

    >>> t = "Cdes. L. I. Brezhnev, A. N. Kosygin, and A. A. Gromyko."
    >>> [t[s.start:s.end] for s in split_name_list(t, 0, len(t))]
    ['Cdes. L. I. Brezhnev', 'A. N. Kosygin', 'A. A. Gromyko']
    """
    out: list[Span] = []
    pos = start
    for match in _LIST_SEPARATOR.finditer(text, start, end):
        out.append(trim(text, pos, match.start(), " \t.;:"))
        pos = match.end()
    out.append(trim(text, pos, end, " \t.;:\n"))
    return [s for s in out if s.end > s.start]
