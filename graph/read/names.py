"""Shared by readers: split lists of names ("Present were: A, B, and C.")."""

from __future__ import annotations

import re

from graph.read.text import paragraphs, split_names
from graph.types import Span

__all__ = ["PRESENT_HEADER", "paragraphs", "split_names", "trim"]

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
