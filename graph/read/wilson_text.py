"""Wilson Center Digital Archive page text: a record page saved as plain text.

The page runs: site furniture ("Skip to content"), the date, the title, the record's own text
(often opening with a "Present were:" list and made of speaker-labelled paragraphs), a one-line
summary, then a "Document Information" block (archive citation with "Contributed by ... and
translated by ...", rights text, the record type, "Record ID").
"""

from __future__ import annotations

import re
from datetime import datetime

from graph.read.names import PRESENT_HEADER, paragraphs, split_names, trim
from graph.types import Document, Span

FORMAT = "wilson-text"

_DOC_INFO = re.compile(r"^[ \t]*Document Information[ \t]*$", re.MULTILINE)
_RECORD_ID = re.compile(r"^[ \t]*Record ID[ \t]*\n?[ \t]*(\d*)", re.MULTILINE)
_FURNITURE = {"Skip to content", "Main navigation", "Search"}
_DATE_FORMATS = ("%B %d, %Y", "%d %B %Y", "%B %Y", "%Y")
_CREDIT = re.compile(
    r"\b(?P<role>Contributed|Translated|Obtained|Edited|Transcribed)\s+(?:by|for [^.]*? by)\s+"
    r"(?P<names>[^.]+?)(?=\.\s|\.$|$|\s+and\s+(?:translated|contributed|obtained|edited|transcribed)\b)",
    re.IGNORECASE,
)
_RECORDED_BY = re.compile(
    r"(?:(?:recorded|compiled|prepared|written|drafted|transcribed) by|\[signature\])[ \t]*(?P<name>[^\n\[]+)",
    re.IGNORECASE,
)
_DOC_TYPES = re.compile(
    r"^(Memorandum of Conversation|Record of Conversation|Minutes|Telegram|Cable|Letter|Report|"
    r"Memorandum|Note|Speech|Diary Entry|Transcript|Summary|Resolution|Instructions)$",
    re.IGNORECASE,
)


def sniff(head: str, path: str) -> bool:
    """A Wilson Center page saved as text carries its "Document Information" block."""
    return "Document Information" in head or (
        head.lstrip().startswith("Skip to content") and not head.lstrip().startswith("<")
    )


def read(text: str, path: str) -> list[Document]:
    info = _DOC_INFO.search(text)
    record_end = info.start() if info else len(text)
    paras = paragraphs(text, 0, record_end)
    paras = [p for p in paras if p.of(text) not in _FURNITURE]
    doc = Document(path=path, format=FORMAT, text=text, publisher="Wilson Center Digital Archive")
    index = _read_head(doc, paras)
    body_paras = paras[index:]
    if body_paras and _is_summary(text, body_paras[-1], body_paras[:-1]):
        doc.summary = body_paras.pop()
    doc.paragraphs = body_paras
    if body_paras:
        doc.body = Span(body_paras[0].start, body_paras[-1].end)
    _read_present(doc)
    _read_recorders(doc)
    if info:
        _read_information(doc, info.end())
    return [doc]


def _read_head(doc: Document, paras: list[Span]) -> int:
    """Set date and title from the page head; return the index of the first body paragraph."""
    text = doc.text
    index = 0
    while index < len(paras) and index < 4:
        chunk = paras[index].of(text)
        date = parse_date(chunk)
        if date and doc.date is None:
            doc.date = date
        elif date:
            pass  # the record's own dateline repeats the date
        elif doc.title is None and "\n" not in chunk:
            doc.title = paras[index]
        else:
            break
        index += 1
    return index


def parse_date(chunk: str) -> str | None:
    """An ISO date from a line that is only a date.

    >>> parse_date("December 16, 1966"), parse_date("16 December 1966"), parse_date("Yesterday")
    ('1966-12-16', '1966-12-16', None)
    """
    chunk = chunk.strip().rstrip(".")
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(chunk, fmt)
        except ValueError:
            continue
        if fmt == "%Y":
            return f"{parsed.year:04d}"
        if fmt == "%B %Y":
            return f"{parsed.year:04d}-{parsed.month:02d}"
        return parsed.date().isoformat()
    return None


def _is_summary(text: str, last: Span, before: list[Span]) -> bool:
    """The summary is one line set apart from the record by a wide gap of blank lines."""
    if not before or "\n" in last.of(text):
        return False
    gap = text[before[-1].end : last.start]
    return gap.count("\n") >= 4


def _read_present(doc: Document) -> None:
    text = doc.text
    for para in doc.paragraphs[:6]:
        match = PRESENT_HEADER.match(text, para.start, para.end)
        if match:
            doc.participants_block = para
            doc.participants = split_names(text, match.end(), para.end)
            return


def _read_recorders(doc: Document) -> None:
    text = doc.text
    for para in doc.paragraphs[-6:]:
        for match in _RECORDED_BY.finditer(text, para.start, para.end):
            span = trim(text, match.start("name"), match.end("name"), " \t.,")
            if span.end > span.start:
                doc.recorders.append(span)


def _read_information(doc: Document, start: int) -> None:
    text = doc.text
    paras = paragraphs(text, start)
    if not paras:
        return
    citation = paras[0]
    credits = list(_CREDIT.finditer(text, citation.start, citation.end))
    cite_end = credits[0].start() if credits else citation.end
    cite = trim(text, citation.start, cite_end, " \t.").of(text)
    doc.citation = cite or None
    for match in credits:
        names = split_names(text, match.start("names"), match.end("names"))
        role = match.group("role").lower()
        if role == "translated":
            doc.translators.extend(names)
        elif role == "contributed":
            doc.contributors.extend(names)
    for para in paras[1:]:
        chunk = para.of(text)
        if _DOC_TYPES.match(chunk):
            doc.doc_type = chunk
    record = _RECORD_ID.search(text, start)
    if record and record.group(1):
        doc.record_id = record.group(1)
