"""Who a record's title names: its parties ("Record of Conversation between McNamara and Hasluck")
and its recorder ("Record by McIntyre of Conversation with ..."), as DFAT titles write them."""

from __future__ import annotations

import re

from graph.read.text import _OFFICE_WORDS, split_names
from graph.types import Document, Span

_TITLE_BY = re.compile(r"\b(?:Record|Note|Minute|Memorandum|Paper|Brief|Report|Diary\s+Entry)"
                       r"(?:\s+for\s+(?:the\s+)?(?:Record|File))?\s+by\s+(?P<names>.+?)(?=\s+(?:of|for|on|to|at|in)\s|\s*$)",
                       re.I)
_TITLE_PARTIES = re.compile(
    r"\b(?:between|with)\s+(?P<names>.+?)(?=\s+(?:at|in|on|about|concerning|regarding|of)\s|\s*$)", re.I)
_NOT_A_PERSON = re.compile(r"\b(?:Ambassador|Charg[eé]|Officials?|Officers?|Premiers?|Governments?|Ministers|Mission|"
                           r"Consul|Group|Visit|Party|Leaders|Representatives?|Delegates?|Embassy|Staff|Branch|"
                           r"Section|Department|Division|Directorate|Desk|Secretariat|Committee|Council|Conference|"
                           r"Service|Office|Bureau|Heads?|Cabinet|Commons|Lords|House)\b", re.I)


def title_parties(doc: Document) -> None:
    """Who a record's title says wrote it ("Record by McIntyre of Conversation with ...", "Note by
    Plimsoll": its recorders) and, where the body lists nobody, who took part ("Record of
    Conversation between McNamara and Hasluck", "Record of Meeting with Whitlam": participants).
    Offices, bodies and groups ("with Soviet Charge D'Affaires", "by Department of Defence",
    "between Japanese and Australian Officials") are not names, nor are capitals-only titles."""
    if doc.title is None:
        return
    text = doc.text
    by = _TITLE_BY.search(text, doc.title.start, doc.title.end)
    if by:
        doc.recorders.extend(s for s in _title_names(text, by) if s not in doc.recorders)
    if doc.participants:
        return
    parties = _TITLE_PARTIES.search(text, doc.title.start, doc.title.end)
    doc.participants = _title_names(text, parties) if parties else []


def _title_names(text: str, match: re.Match[str]) -> list[Span]:
    """The names listed, where every item is a person's name ("Japanese and Australian Officials"
    is one group, not "Japanese" and a group)."""
    names = split_names(text, match.start("names"), match.end("names"))
    shouted = _shouted(match.string[match.start() : match.end()])
    if shouted:  # "GREEN AND HOLDRIDGE": the list's "and" is in capitals too
        names = [part for s in names for part in _split_and(text, s)]
    return names if all(_title_name(s.of(text), shouted) for s in names) else []


def _split_and(text: str, span: Span) -> list[Span]:
    """A span's runs of words between capital "AND"s."""
    runs: list[list[re.Match[str]]] = [[]]
    for word in re.finditer(r"\S+", span.of(text)):
        if word.group() == "AND":
            runs.append([])
        else:
            runs[-1].append(word)
    return [Span(span.start + run[0].start(), span.start + run[-1].end()) for run in runs if run]


def _shouted(title: str) -> bool:
    """A title set in capitals ("RECORD OF CONVERSATION BETWEEN McMAHON, GREEN AND HOLDRIDGE"): its
    names are in capitals too (a "Mc" or "Mac" prefix aside)."""
    return re.sub(r"\bMa?c(?=[A-Z])", "", title).isupper()


def _title_name(value: str, shouted: bool = False) -> bool:
    words = value.split()
    return (0 < len(words) <= 4 and all(w[0].isupper() for w in words) and (shouted or not value.isupper())
            and not _OFFICE_WORDS.search(value) and not _NOT_A_PERSON.search(value))
