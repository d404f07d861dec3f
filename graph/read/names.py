"""Shared by readers: find paragraphs and split lists of names ("Present were: A, B, and C.")."""

from __future__ import annotations

import re

from graph.types import Span

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+|\n+")
PRESENT_HEADER = re.compile(
    r"^[ \t]*(?:Present(?: were| was| at the meeting were)?|Participants|PARTICIPANTS|PRESENT|"
    r"Also present(?: were)?|In attendance)\s*[:.\-–]\s*",
    re.MULTILINE,
)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The blank-line separated paragraphs of ``text[start:end]``, stripped of outer white space.

    >>> t = "One line.\\n\\n  Two\\nlines.\\n\\n\\n"
    >>> [t[s.start:s.end] for s in paragraphs(t)]
    ['One line.', 'Two\\nlines.']
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for match in _BLANK_LINE.finditer(text, start, end):
        _append_stripped(text, pos, match.start(), out)
        pos = match.end()
    _append_stripped(text, pos, end, out)
    return out


def _append_stripped(text: str, start: int, end: int, out: list[Span]) -> None:
    span = strip(text, start, end)
    if span.end > span.start:
        out.append(span)


def strip(text: str, start: int, end: int, chars: str | None = None) -> Span:
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
        out.append(strip(text, pos, match.start(), " \t.;:"))
        pos = match.end()
    out.append(strip(text, pos, end, " \t.;:\n"))
    return [s for s in out if s.end > s.start]
