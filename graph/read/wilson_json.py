"""Wilson Center Digital Archive: the API's JSON (a record, a transcript/translation asset, or a
``{"list": [...]}`` search page) and the scraped CSV export (one record per row).

``text`` is rendered as: title, blank line, the record's own text (HTML converted to paragraphs;
CSV ``text_body`` one paragraph per line), the summary/description, then a metadata tail
("Source: ...", "Authors: ...", "People and organizations: ...", "Places: ...") so that credits and
Wilson's own tags have spans. ``body`` and ``paragraphs`` cover the record's text only.

Tags become hints: places -> COUNTRY when pycountry knows the name, else PLACE; people/orgs ->
PERSON when written "Surname, Given", else ORGANIZATION; keys are ``wilson:<tag>``. Authors who
are people are ``recorders``; "Contributed by X" -> ``contributors``; "translated by Y" ->
``translators`` (from the source line). A collection (metadata only) is a :class:`ReadError`.
"""

from __future__ import annotations

import csv
import io
import json
import re

from graph.errors import MalformedError, ReadError
from graph.read.signatures import signature
from graph.read.text import (
    Builder,
    credits_in,
    dateline,
    html_to_text,
    language_of,
    paragraphs,
    parse_date,
    split_names,
    strip,
)
from graph.types import Document, Hint, Kind, Span

FORMAT = "wilson-json"
CSV_FORMAT = "wilson-csv"
SITE = "https://digitalarchive.wilsoncenter.org"
_RECORD_KEYS = (
    '"raw"',
    '"transcripts"',
    '"translations"',
    '"doc_date"',
    '"frontend_doc_date"',
    '"content_type"',
    '"media_files"',
    '"short_description"',
    '"slug"',
)
_CSV_COLUMNS = {"document_url", "text_body", "record_id", "title"}


def sniff(head: str, path: str) -> bool:
    """JSON whose first object carries Digital Archive keys."""
    start = head.lstrip()
    return start[:1] in "{[" and sum(key in head for key in _RECORD_KEYS) >= 1


def sniff_csv(head: str, path: str) -> bool:
    """The scraped CSV: a header row naming ``title``, ``text_body``, ``record_id`` or ``document_url``."""
    first = head.lstrip("\ufeff").split("\n", 1)[0]
    columns = {c.strip().strip('"').lower() for c in first.split(",")}
    return "," in first and len(_CSV_COLUMNS & columns) >= 2


def read(text: str, path: str) -> list[Document]:
    try:
        data = json.loads(text, strict=False)
    except json.JSONDecodeError as err:
        raise MalformedError(f"malformed JSON: {err.msg} at line {err.lineno}", path=path) from None
    records = data.get("list") if isinstance(data, dict) and isinstance(data.get("list"), list) else data
    records = records if isinstance(records, list) else [records]
    docs = [_record(r, path) for r in records if isinstance(r, dict)]
    docs = [d for d in docs if d is not None]
    if not docs:
        if any(isinstance(r, dict) and "slug" in r and "name" in r for r in records):
            raise ReadError("Digital Archive collection metadata, not a record (no record text)", path=path)
        raise ReadError("JSON holds no Digital Archive record (no title, text or HTML)", path=path)
    return docs


def read_csv(text: str, path: str) -> list[Document]:
    csv.field_size_limit(1 << 26)
    try:
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error as err:
        raise MalformedError(f"malformed CSV: {err}", path=path) from None
    docs = [_csv_row(row, path) for row in rows if (row.get("text_body") or row.get("title"))]
    if not docs:
        raise ReadError("CSV has no rows with a title or text_body", path=path)
    return docs


def _record(rec: dict, path: str) -> Document | None:
    """A record or asset; ``None`` when it has no text at all (a collection, a stub)."""
    html = rec.get("html") or rec.get("raw")
    if not isinstance(html, str):
        html = _hydrated_asset(rec)
    title = _str(rec.get("title"))
    if not html and not title:
        return None
    fields = _Fields(
        title=title,
        body=html_to_text(html) if html and "<" in html else (html or ""),
        summary=_str(rec.get("description")) and html_to_text(_str(rec.get("description"))),
        source=_str(rec.get("source")),
        authors=_names(rec.get("creators")),
        people=_names(rec.get("contributors")),
        places=_names(rec.get("original_coverages")),
    )
    doc = _build(fields, path, FORMAT)
    doc.record_id = _str(rec.get("id")) or None
    doc.date = parse_date(_str(rec.get("doc_date"))) or parse_date(_str(rec.get("frontend_doc_date")))
    url = _str(rec.get("url") or rec.get("uri"))
    doc.source_url = (SITE + url if url.startswith("/") else url) or (
        f"{SITE}/document/{doc.record_id}" if title and doc.record_id else None
    )
    kind = rec.get("type")
    doc.doc_type = _str(kind.get("name")) if isinstance(kind, dict) else _str(kind) or None
    return doc


def _hydrated_asset(rec: dict) -> str:
    """The HTML of the first English translation, else the first transcript, when hydrated."""
    for key in ("translations", "transcripts"):
        for asset in rec.get(key) or []:
            if isinstance(asset, dict) and isinstance(asset.get("html") or asset.get("raw"), str):
                return asset.get("html") or asset.get("raw")
    return ""


def _csv_row(row: dict, path: str) -> Document:
    body = "\n\n".join(line.strip() for line in (row.get("text_body") or "").split("\n") if line.strip())
    fields = _Fields(
        title=_str(row.get("title")),
        body=re.sub(r"[ \t]{3,}", "   ", body),
        summary=_str(row.get("summary")),
        source=_str(row.get("source")),
        authors=_json_list(row.get("authors")),
        people=_json_list(row.get("associated_people_orgs")) + _json_list(row.get("document_contributors")),
        places=_json_list(row.get("associated_places")),
    )
    doc = _build(fields, path, CSV_FORMAT)
    doc.record_id = _str(row.get("record_id")) or None
    doc.date = parse_date(_str(row.get("original_publication_date")))
    doc.source_url = _str(row.get("document_url")) or None
    match = re.match(
        r"(Memorandum of Conversation|Record of Conversation|Letter|Telegram|Cable|Minutes|Report|"
        r"Memorandum|Statement|Petition|Speech|Note|Transcript)\b",
        fields.title,
    )
    doc.doc_type = (
        match.group(1) if match else ("Memorandum" if "M e m o r a n d u m" in body[:400] else None)
    )
    return doc


class _Fields:
    def __init__(
        self,
        title: str,
        body: str,
        summary: str,
        source: str,
        authors: list[str],
        people: list[str],
        places: list[str],
    ) -> None:
        self.title, self.body, self.summary, self.source = title, body, summary, source
        self.authors, self.people, self.places = authors, people, places


def _build(f: _Fields, path: str, fmt: str) -> Document:
    out = Builder()
    title = out.block(f.title) if f.title else None
    body = out.block(f.body) if f.body.strip() else None
    summary = out.block(f.summary) if f.summary else None
    source = out.block("Source: " + f.source) if f.source else None
    tags: list[tuple[Span, str, str]] = []
    for label, values, role in (
        ("Authors", f.authors, "author"),
        ("People and organizations", f.people, "people"),
        ("Places", f.places, "place"),
    ):
        if values:
            out.block(label + ": ")
            for n, value in enumerate(values):
                tags.append((out.add(("; " if n else "") + value), value, role))
    doc = Document(path=path, format=fmt, text=out.text, publisher="Wilson Center Digital Archive")
    text = doc.text
    doc.title, doc.summary = title, summary
    if body:
        doc.paragraphs = paragraphs(text, body.start, body.end)
        while doc.paragraphs and re.match(r"\[\d+\]", doc.paragraphs[-1].of(text)):
            doc.footnotes.insert(0, doc.paragraphs.pop())
        doc.body = Span(doc.paragraphs[0].start, doc.paragraphs[-1].end) if doc.paragraphs else None
        _people(doc)
        for para in doc.paragraphs[:6]:
            doc.place = doc.place or dateline(text, para)[0]
    if source:
        doc.citation = f.source
        credits_in(doc, source)
    for span, value, role in tags:
        _tag(doc, strip(text, span.start, span.end, "; "), value, role)
    doc.language = language_of(f.body or text)
    return doc


def _people(doc: Document) -> None:
    """A "Participants ..."/"Present ..." line in the first paragraphs, and a closing signature."""
    text = doc.text
    for para in doc.paragraphs[:8]:
        for match in re.finditer(
            r"^(?:Participants|Present)(?: were)?[^:\n]{0,40}:\s*(.+)$", para.of(text), re.M
        ):
            names = split_names(text, para.start + match.start(1), para.start + match.end(1))
            doc.participants.extend(_trim_role(text, s) for s in names if s.of(text)[:1].isupper())
            doc.participants_block = Span(
                doc.participants_block.start if doc.participants_block else para.start, para.end
            )
    for para in reversed(doc.paragraphs[-3:]):
        found = signature(text, para)
        if found:
            doc.recorders.append(found)
            break


def _trim_role(text: str, span: Span) -> Span:
    """``Foreign Minister Tokayev as notetaker`` -> ``Foreign Minister Tokayev``."""
    match = re.search(r"\s+(?:as|\()\s*[a-z].*$", span.of(text))
    return Span(span.start, span.start + match.start()) if match else span


def _tag(doc: Document, span: Span, value: str, role: str) -> None:
    if role == "place":
        doc.hints.append(Hint(span, Kind.COUNTRY if _is_country(value) else Kind.PLACE, f"wilson:{value}"))
        return
    person = bool(re.fullmatch(r"[^,.]+,\s*[^,.]+(?:\(.*\))?", value))
    doc.hints.append(Hint(span, Kind.PERSON if person else Kind.ORGANIZATION, f"wilson:{value}"))
    if role == "author" and person:
        doc.recorders.append(span)


def _is_country(name: str) -> bool:
    try:
        import pycountry
    except ImportError:  # pragma: no cover
        return False
    try:
        pycountry.countries.lookup(name)
        return True
    except LookupError:
        return name in {
            "Soviet Union",
            "USSR",
            "Great Britain",
            "Taiwan",
            "East Germany",
            "West Germany",
            "North Korea",
            "South Korea",
            "North Vietnam",
            "South Vietnam",
            "Czechoslovakia",
            "Yugoslavia",
            "Iran",
            "Laos",
            "Vietnam",
            "Russia",
        }


def _names(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [_str(v.get("name") or v.get("value")) if isinstance(v, dict) else _str(v) for v in value if v]


def _json_list(value: object) -> list[str]:
    raw = _str(value)
    if not raw:
        return []
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError:
        return [v.strip() for v in raw.split(";") if v.strip()]
    return [_str(v) for v in parsed if _str(v)] if isinstance(parsed, list) else [_str(parsed)]


def _str(value: object) -> str:
    return "" if value is None else str(value).strip()
