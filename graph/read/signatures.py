"""A record's closing signature line: who signed it ("Renouf.", "N. Roshchin", "(Bitterlich)")."""

from __future__ import annotations

import re

from graph.extract.lexicon import lexicon
from graph.read.text import _OFFICE_WORDS, lines, strip
from graph.types import Span


def signature(text: str, span: Span) -> Span | None:
    """A closing signature line such as ``N. Roshchin``, ``(Bitterlich)``, ``HASLUCK``, or a name
    alone with or without a full stop (``Renouf.``, ``Keith Waller``), also above or before the
    signer's office (``P.C. Spender`` / ``Minister for External Affairs``). Closing words (lexicon
    ``closing_lines``: "Ends.", "Message ends."), offices ("Asia Division", "Secretary") and words
    that are never names are no signature.

    >>> t = "Renouf."
    >>> signature(t, Span(0, len(t))).of(t), signature("Ends.", Span(0, 5))
    ('Renouf', None)
    """
    value = span.of(text)
    if re.fullmatch(
        r"\(?(?:[A-ZА-Я]\.\s?){1,3}\s?[A-ZА-Я][\w'’-]+\)?|\(?[A-ZА-Я][a-zа-я'’-]+\)|[A-Z]{3,}", value
    ):
        return strip(text, span.start, span.end, "() ")
    first = lines(text, span)[:3]
    if not first or any(len(line.of(text)) > 60 for line in first):
        return None
    rest = [line.of(text) for line in first[1:]]
    if rest and not all(_OFFICE_WORDS.search(line) for line in rest):
        return None  # "Keith Waller" over "Secretary": the lines after the name hold the office
    return _signed_name(text, first[0])


# each repeat opens with a separator or a capital, so a long lower-case run is read one way only (the form
# "[a-z]*(?:['’-]?[A-Z]?[a-z]+)*" matched the same words but took exponential time on "Aaaa...a!")
_SIGNED_WORD = r"[A-Z][a-z]*(?:['’-][A-Z]?[a-z]+|[A-Z][a-z]+)*"
_SIGNED_NAME = re.compile(rf"(?:{_SIGNED_WORD}\s+|[A-Z]\.\s?)*{_SIGNED_WORD}")


def _signed_name(text: str, line: Span) -> Span | None:
    """The name a signature line holds: all of it ("McIntyre.", "Peter V. Crooks"), or with
    initials before the signer's office ("R.G. Casey Minister for External Affairs")."""
    value = line.of(text).rstrip(".")
    office = _OFFICE_WORDS.search(value)
    if office and re.match(r"(?:[A-Z]\.\s?){1,3}", value):
        value = value[: office.start()].rstrip()
    name = _SIGNED_NAME.fullmatch(value)
    if name is None or len(value.split()) > 4 or _OFFICE_WORDS.search(value):
        return None
    lex = lexicon()
    if value.lower() in lex.closing_lines or any(w.rstrip(".") in lex.not_names for w in value.split()):
        return None
    return Span(line.start, line.start + len(value))
