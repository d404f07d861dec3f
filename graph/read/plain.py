"""Plain-text records (memoranda of conversation typed or OCR'd as text), the fallback reader.

``text`` is the decoded file. Paragraphs are blank-line separated; a line opening with a speaker
label (``Gromyko:``, ``THE PRESIDENT:``) also starts a paragraph, so each turn is its own paragraph
(the extractor reads the labels). A header block at the top ("Date:", "Place:", "Subject:",
"Participants:"/"Present:" with names on the same line or one per following line) gives ``date``,
``place`` and ``participants`` (the name part of each entry, honorific kept, office after a comma
dropped). The first short line, when it is not a header field, is the ``title``.
"""

from __future__ import annotations

import re

from graph.read.signatures import signature
from graph.read.text import (
    language_of,
    lines,
    looks_like_html,
    looks_like_name,
    name_in,
    paragraphs,
    parse_date,
    split_names,
    strip,
)
from graph.types import Document, Span

FORMAT = "plain"
_ENTRY = re.compile(r"[^;]+")
_LABEL = re.compile(
    r"^[ \t]*(?:[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4}|THE [A-Z ]+)[ \t]*:[ \t]+\S", re.M
)
_FIELD = re.compile(
    r"^(?P<key>Date|Time|Place|Location|Subject|Participants|Present(?: were)?|Also present|"
    r"Attendees|Drafted by|Memorandum for|From|To|Copies to|Classification)[ \t]*:[ \t]*",
    re.I,
)
_DOC_TYPE = re.compile(
    r"^(Memorandum of Conversation|Record of Conversation|Record of (?:a )?Meeting|Minutes|"
    r"Telegram|Cable|Letter|Memorandum|Transcript|Notes?)\b",
    re.I,
)


def sniff(head: str, path: str) -> bool:
    """Any readable text that is not markup: mostly printable, with words."""
    if looks_like_html(head) or head.lstrip()[:1] in "<{[":
        return False
    letters = sum(c.isalpha() for c in head)
    return letters >= 20 and letters > 0.4 * len(head.strip() or " ")


def read(text: str, path: str) -> list[Document]:
    doc = Document(path=path, format=FORMAT, text=text)
    paras = _split(text)
    index = _header(doc, paras)
    doc.paragraphs = paras[index:]
    if doc.paragraphs:
        doc.body = Span(doc.paragraphs[0].start, doc.paragraphs[-1].end)
        last = signature(text, doc.paragraphs[-1])
        if last:
            doc.recorders.append(last)
    if doc.title:
        match = _DOC_TYPE.match(doc.quote(doc.title))
        doc.doc_type = match.group(1).title().replace(" Of ", " of ") if match else None
    doc.language = language_of(text)
    return [doc]


def _split(text: str) -> list[Span]:
    """Blank-line paragraphs, further split before each speaker-labelled line."""
    out: list[Span] = []
    for para in paragraphs(text):
        starts = [m.start() for m in _LABEL.finditer(text, para.start, para.end) if m.start() > para.start]
        pos = para.start
        for start in starts:
            if text[start - 1] == "\n" and not _FIELD.match(text[start : para.end].lstrip()):
                out.append(strip(text, pos, start))
                pos = start
        out.append(strip(text, pos, para.end))
    return [p for p in out if p.end > p.start]


def _header(doc: Document, paras: list[Span]) -> int:
    """Read title and header fields from the top; return the index of the first body paragraph."""
    text = doc.text
    index = 0
    while index < len(paras) and index < 8:
        para = paras[index]
        fields = [line for line in lines(text, para) if _FIELD.match(line.of(text))]
        if fields:
            _fields(doc, para)
        elif doc.title is None and index == 0 and "\n" not in para.of(text) and len(para.of(text)) < 150:
            doc.title = para
        elif index == 0 or (doc.date is None and parse_date(para.of(text))):
            doc.date = doc.date or parse_date(para.of(text))
        else:
            break
        index += 1
    return index


def _fields(doc: Document, para: Span) -> None:
    text = doc.text
    para_lines = lines(text, para)
    for n, line in enumerate(para_lines):
        match = _FIELD.match(line.of(text))
        if not match:
            continue
        key = match.group("key").lower()
        value = strip(text, line.start + match.end(), line.end)
        if key == "date":
            doc.date = doc.date or parse_date(value.of(text).split(",  ")[0]) or parse_date(value.of(text))
        elif key in {"place", "location"} and value.end > value.start:
            doc.place = value
        elif key in {"participants", "present", "present were", "attendees", "also present"}:
            _participants(doc, line, value, para_lines[n + 1 :])


def _participants(doc: Document, line: Span, value: Span, following: list[Span]) -> None:
    """Names on the header line ("Present: A, B and C" or "A, Minister; B, Adviser") or one per
    following line."""
    text = doc.text
    block_end = max(line.end, value.end)
    if value.end > value.start:
        if ";" in value.of(text):
            entries = [Span(m.start(), m.end()) for m in _ENTRY.finditer(text, value.start, value.end)]
            found = [name_in(text, strip(text, e.start, e.end)) for e in entries]
            doc.participants.extend(s for s in found if s)
        else:
            names = split_names(text, value.start, value.end)
            doc.participants.extend(s for s in names if looks_like_name(s.of(text)))
    for item in following:
        if _FIELD.match(item.of(text)):
            break
        found = name_in(text, item)
        if found:
            doc.participants.append(found)
            block_end = item.end
    if doc.participants:
        doc.participants_block = Span(line.start, block_end)
