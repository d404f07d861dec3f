"""Who a record's title names: its parties ("Record of Conversation between McNamara and Hasluck"),
its recorder ("Record by McIntyre of Conversation with ..."), and a letter's or cable's writer and
addressee ("DESPATCH, JOHNSTON TO DOUGLAS-HOME"), as DFAT titles write them."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.lexicon import lexicon
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
                           r"Service|Office|Bureau|Heads?|Cabinet|Commons|Lords|House|Posts?)\b", re.I)


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
    title_correspondents(doc)
    if doc.participants:
        return
    parties = _TITLE_PARTIES.search(text, doc.title.start, doc.title.end)
    doc.participants = _title_names(text, parties) if parties else []


@lru_cache(maxsize=1)
def _correspondence() -> re.Pattern[str]:
    """A correspondence title: its genre (lexicon ``correspondence_genres``), an optional number,
    then "X to Y" after a comma, "from" or a space: "MINUTE, WALLER TO BARWICK", "Cablegram from
    Critchley to Hasluck", "LETTER JOHNSTON TO GARNER", "Submission No. 30 from Hasluck to Cabinet"."""
    genre = lexicon().alternation(lexicon().correspondence_genres)
    return re.compile(rf"(?i:{genre})(?:\s+(?i:No)\.?\s*[\w/.-]+)?(?:\s*,\s*|\s+(?i:from)\s+|\s+)"
                      rf"(?!(?i:by|for|on|of|the|to|from|with)\b)(?P<writer>[^\s,].*?)\s+(?i:to)\s+"
                      rf"(?P<addressee>.+?)\s*$")


def title_correspondents(doc: Document) -> None:
    """The writer (a recorder) and the addressees a correspondence title names, where each is a
    person's name: "DESPATCH, JOHNSTON TO DOUGLAS-HOME" gives Johnston and Douglas-Home; offices and
    posts ("TELEGRAM, JAMES TO FOREIGN AND COMMONWEALTH OFFICE", "Cablegram from Embassy in
    Washington to ...") name no one."""
    if doc.title is None:
        return
    found = _correspondence().fullmatch(doc.text, doc.title.start, doc.title.end)
    if not found:
        return
    doc.recorders.extend(s for s in _title_names(doc.text, found, "writer") if s not in doc.recorders)
    doc.addressees.extend(s for s in _title_names(doc.text, found, "addressee")
                          if s not in doc.addressees and not re.match(r"(?i)the\b", s.of(doc.text)))  # "THE QUEEN"


def _title_names(text: str, match: re.Match[str], group: str = "names") -> list[Span]:
    """The names listed, where every item is a person's name ("Japanese and Australian Officials"
    is one group, not "Japanese" and a group)."""
    listed = re.sub(r"\([^()]*\)", "", match.group(group))  # "STEERING (EUROPE) COMMITTEE" is a body
    if _NOT_A_PERSON.search(listed) or _OFFICE_WORDS.search(listed.title() if listed.isupper() else listed):
        return []
    names = split_names(text, match.start(group), match.end(group))
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
            and not _OFFICE_WORDS.search(value.title() if shouted else value) and not _NOT_A_PERSON.search(value))
