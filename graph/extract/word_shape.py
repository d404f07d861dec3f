"""The shape of a name and of a word in its text, as the people finder (``graph.extract.people``) asks it:
the patterns of a name's words (``WORD``, ``NAME``), and whether a word is set in capitals, at a sentence's
start, among capitalised words, after "the" as an office, the forename of a name written surname first."""

from __future__ import annotations

import re

from graph.types import Span

UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
LOWER = "a-zß-öø-ÿā-ž"
APOSTROPHE = "'’ʼ"
# A name word: "Kosygin", "McLean", "FitzGerald" (one inner capital), "O'Brien", "DʼOrlandi", "Douglas-Home";
# a whole word only ("McMAHON" is not the name "Mc"). An en dash joins a syllable in lower case ("En–lai"), not
# two names ("the Truman–Attlee talks").
WORD = (rf"(?:[DO][{APOSTROPHE}])?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?"
        rf"(?:[-{APOSTROPHE}][{UPPER}{LOWER}][{LOWER}]+|–[{LOWER}]{{2,}})*(?![{UPPER}{LOWER}])")  # "Chou En–lai" too
INITIAL = rf"[{UPPER}][{LOWER}]?\."
PARTICLE = r"(?:de|da|di|du|van|von|der|den|la|bin|Bin|binti|ibn|ibni|al|del|dos)"
NAME_SPACE = r"[ \t\u00a0]"  # a name never runs across a line break
# "L. I. ", "S.A. ", "A.M " (last dot dropped)
INITIALS = rf"(?:(?:{INITIAL}{NAME_SPACE}?){{1,3}}|[A-Z]\.[A-Z]{NAME_SPACE})"
NAME = (
    rf"(?:{INITIALS}(?:{PARTICLE}{NAME_SPACE})?(?:{WORD})"
    rf"|(?:{WORD})(?:{NAME_SPACE}(?:{INITIAL}{NAME_SPACE})*(?:{PARTICLE}{NAME_SPACE})?(?:{WORD})){{0,3}}"
    rf"|(?:{PARTICLE}){NAME_SPACE}(?:{WORD}))"
)


def shouted(value: str) -> bool:
    """A name in capitals ("McMAHON", "DE GAULLE"), as a title set in capitals writes it; a word of two
    letters at least."""
    return (re.sub(r"\bMa?c(?=[A-Z])", "", value).isupper() and re.fullmatch(r"[A-Za-z'’ .-]+", value) is not None
            and re.search(r"[A-Za-z]{2}", value) is not None)  # not initials alone ("N.N.", nomen nescio)


def inverted(text: str, surname: Span, name: Span) -> bool:
    """"Neuer, Walter; Yeltsin, Boris": in a semicolon list of names written surname first, the word
    after the comma is the same person's forename, not another person."""
    return text[name.end : name.end + 1] == ";" or text[max(0, surname.start - 2) : surname.start] == "; "


def titled(text: str, span: Span, titles: tuple[str, ...]) -> bool:
    """"The Chancellor asked": a title word after "the" is the office, even where the authority
    knows someone of that surname."""
    word = span.of(text)
    return word in titles and re.search(r"\b[Tt]he\s+$", text[max(0, span.start - 5) : span.start]) is not None


def in_title_case(text: str, span: Span) -> bool:
    """The word sits among capitalised words (a heading or a name of something)."""
    before = re.search(r"([A-Za-z]+)\s+$", text[max(0, span.start - 30) : span.start])
    after = re.match(r"\s+([A-Za-z]+)", text[span.end : span.end + 30])
    capital = [w.group(1)[0].isupper() and w.group(1) not in {"I", "And", "Or"} for w in (before, after) if w]
    return any(capital) and not sentence_start(text, span.start)


def covers(span: Span, other: Span) -> bool:
    return span.start <= other.start and other.end <= span.end and span != other


def sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or bool(re.search(r"(?:[.!?:]\s+|\n\s*)$", before)) or before.strip() == ""


_SURNAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*,[ \t]+$")
_LIST_END = re.compile(r"[ \t]*(?:[;\"\]\n]|$)")


def inverted_forenames(text: str, span: Span) -> bool:
    """Forenames of a name written surname first in a list: "Kohl, Helmut; Kuchma, Leonid Danylovych" (from
    the forenames, where ``inverted`` looks from the surname)."""
    return bool(_SURNAME_BEFORE.search(text, max(0, span.start - 30), span.start) and _LIST_END.match(text, span.end))
