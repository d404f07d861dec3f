"""FRUS documents in TEI P5 XML (history.state.gov markup), one document per file.

Rendering: ``head``, ``opener/dateline``, each ``p``, each ``list`` (compact when it has a
``@type`` or ``head``: one line per item; otherwise one paragraph per item, its ``label`` kept),
``closer`` and so on become blank-line separated paragraphs with white space squeezed. Every
``note`` is taken out of the running text and rendered after the body, one paragraph each
(``"<n> <text>"``, the span in ``footnotes`` covering the text only).

Markup kept as evidence: ``persName/@corresp`` -> PERSON hint keyed ``<volume>#<id>``;
``placeName`` -> PLACE hint; ``gloss/@target`` -> hint keyed ``gloss:<target id>``, kind COUNTRY
when the term's id or text names a country (USSR, US, DRV, ...) else ORGANIZATION (a guess the
resolver may override by key); ``gloss[@type=from|to]`` -> ORGANIZATION. ``closer/signed`` is the
signer, i.e. the author: it goes in ``recorders``.

Malformed XML raises :class:`MalformedError` (never read with ``recover=True``: a truncated record
would silently lose its end).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from lxml import etree

from graph.errors import MalformedError
from graph.read.text import Builder, iso_date, language_of, squeeze, strip
from graph.types import Document, Hint, Kind, Span

FORMAT = "frus-tei"
TEI = "http://www.tei-c.org/ns/1.0"
FRUS = "http://history.state.gov/frus/ns/1.0"
_NS = {"t": TEI}
_BLOCKS = {
    "head",
    "p",
    "ab",
    "dateline",
    "salute",
    "signed",
    "byline",
    "docAuthor",
    "postscript",
    "quote",
    "lg",
    "table",
    "label",
    "item",
    "trailer",
    "epigraph",
    "address",
}
_CONTAINERS = {"div", "opener", "closer", "list", "body", "text", "front", "back", "floatingText", "figure"}
_SKIP = {"pb", "lb", "fw", "teiHeader", "milestone", "cb", "anchor", "graphic"}
_COUNTRY_TERM = re.compile(
    r"^t_(?:US|USA|USSR|UK|GB|PRC|ROC|DRV|RVN|NVN|SVN|GVN|GDR|FRG|DPRK|ROK|UAR)\d*$", re.IGNORECASE
)
_COUNTRY_TEXT = re.compile(
    r"^(?:U\.?S\.?(?:A\.?)?|U\.?S\.?S\.?R\.?|U\.?K\.?|PRC|ROC|DRV|RVN|NVN|SVN|GVN|GDR|FRG|"
    r"DPRK|ROK|UAR|Soviet Union|Viet-?Nam)$"
)
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=True,
    remove_comments=True,
    remove_pis=True,
)
_DOC_TYPE = re.compile(
    r"^(Memorandum of Conversation|Memorandum for the Record|Memorandum|Telegram|Letter|"
    r"Airgram|Minutes|Summary|Note|Record|Editorial Note|Message|Report|Paper|Intelligence "
    r"(?:Memorandum|Estimate)|National Intelligence Estimate|Transcript|Notes|Circular Telegram|"
    r"Action Memorandum|Information Memorandum|Backchannel Message|Diary Entry|Instruction)\b"
)


def sniff(head: str, path: str) -> bool:
    """A TEI document: the TEI namespace or a ``<TEI`` root near the start."""
    start = head.lstrip()[:4000]
    return start.startswith("<") and (TEI in start or bool(re.search(r"<TEI[\s>]", start)))


def read(text: str, path: str) -> list[Document]:
    """One Document per ``div[@type='document']`` (a per-document file has exactly one)."""
    root = _parse(text, path)
    divs = root.xpath("//t:div[@type='document']", namespaces=_NS) or [_document_div(root)]
    return [_read_div(root, div, path, several=len(divs) > 1) for div in divs]


def _read_div(root: etree._Element, div: etree._Element, path: str, several: bool) -> Document:
    volume, doc_id = _ids(root, div, path, several)
    renderer = _Renderer(volume)
    renderer.render(div)
    doc = Document(
        path=path, format=FORMAT, text="", publisher="Office of the Historian, U.S. Department of State"
    )
    renderer.finish(doc)
    doc.record_id = f"{volume}-{doc_id}" if volume and doc_id else doc_id
    if volume and doc_id:
        doc.source_url = f"https://history.state.gov/historicaldocuments/{volume}/{doc_id}"
    doc.date = _date(root, div)
    if doc.title:
        match = _DOC_TYPE.match(re.sub(r"^\d+\.\s*", "", doc.quote(doc.title)))
        doc.doc_type = match.group(1) if match else None
    doc.language = language_of(doc.text)
    return doc


def _parse(text: str, path: str) -> etree._Element:
    body = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    try:
        return etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as err:
        line = err.position[0] if err.position else err.lineno
        raise MalformedError(f"malformed TEI XML: {err.msg} at line {line}", path=path) from None


def _document_div(root: etree._Element) -> etree._Element:
    for query in ("//t:text/t:body", "//t:text", "//div[@type='document']", "//body"):
        found = root.xpath(query, namespaces=_NS)
        if found:
            return found[0]
    return root


def _ids(
    root: etree._Element, div: etree._Element, path: str, several: bool
) -> tuple[str | None, str | None]:
    def bibl(kind: str) -> str | None:
        found = root.xpath(f"string(//t:bibl[@type='{kind}'])", namespaces=_NS).strip()
        return found or None

    parts = PurePath(path).parts
    folder = next((p for p in reversed(parts[:-1]) if re.match(r"frus\d{4}", p)), None)
    stem = PurePath(path).stem
    named = re.fullmatch(r"(frus\d{4}[\w-]*?)[-_](d\d+\w*)", stem)
    volume = bibl("frus-volume-id") or folder or (named.group(1) if named else None)
    stem = named.group(2) if named else stem
    xml_id = div.get("{http://www.w3.org/XML/1998/namespace}id")
    doc_id = (
        (xml_id if several else None)
        or bibl("frus-document-id")
        or xml_id
        or (stem if re.fullmatch(r"d\d+\w*", stem) else None)
    )
    return volume, doc_id or stem


def _date(root: etree._Element, div: etree._Element) -> str | None:
    for query in (".//t:dateline//t:date/@when", ".//t:dateline//t:date/@notBefore"):
        found = div.xpath(query, namespaces=_NS)
        if found and iso_date(found[0]):
            return iso_date(found[0])
    value = div.get(f"{{{FRUS}}}doc-dateTime-min")
    if iso_date(value):
        return iso_date(value)
    found = root.xpath("//t:settingDesc//t:date/@when | //t:settingDesc//t:date/@notBefore", namespaces=_NS)
    return iso_date(found[0]) if found else None


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


class _Renderer:
    """Walks the document ``div`` once, writing text and recording spans."""

    def __init__(self, volume: str | None) -> None:
        self.volume = volume
        self.out = Builder()
        self.inline: list[str] = []
        self.inline_len = 0
        self.marks: list[tuple[str, int, int, etree._Element]] = []  # kind, start, end, element
        self.blocks: list[tuple[str, Span, etree._Element]] = []
        self.notes: list[etree._Element] = []
        self.pending = False

    # block level -----------------------------------------------------------------------------
    def render(self, element: etree._Element) -> None:
        name = _local(element)
        if name in _SKIP or not name:
            return
        if name == "note":
            self.notes.append(element)
        elif name == "list":
            self._list(element)
        elif name in _CONTAINERS or (name not in _BLOCKS and any(_local(c) in _BLOCKS for c in element)):
            for child in element:
                self.render(child)
        else:
            self._block(name, element)

    def _block(self, kind: str, element: etree._Element, prefix: str = "", sep: str = "\n\n") -> Span:
        start = self._open(sep)
        if prefix:
            self._write(prefix + " ")
        self._walk(element)
        span = self._close(start)
        if span.end > span.start:
            self.blocks.append((kind, span, element))
        return span

    def _list(self, element: etree._Element) -> None:
        """A typed or headed list is one compact paragraph (one line per item); any other list
        gives one paragraph per item, its ``label`` ("1.") kept in front."""
        kind = element.get("type") or "plain"
        compact = bool(element.get("type")) or any(_local(c) == "head" for c in element)
        label, first_start, last_end = "", None, None
        for child in element:
            name = _local(child)
            if name == "label":
                label = squeeze(child.xpath("string()"))
            elif name == "note":
                self.notes.append(child)
            elif name in {"head", "item"}:
                sep = "\n" if compact and first_start is not None else "\n\n"
                block = ("listhead-" if name == "head" else "item-" if compact else "") + (
                    kind if compact else "item"
                )
                span = self._block(block, child, label, sep)
                first_start = span.start if first_start is None else first_start
                last_end, label = span.end, ""
            elif name not in _SKIP:
                self.render(child)
        if compact and first_start is not None and last_end is not None:
            self.blocks.append(("list-" + kind, Span(first_start, last_end), element))

    def _open(self, sep: str) -> int:
        if self.out.length:
            self.out.add(sep)
        self.inline, self.inline_len, self.pending = [], 0, False
        return self.out.length

    def _close(self, start: int) -> Span:
        self.out.add("".join(self.inline))
        return Span(start, self.out.length)

    # inline level ----------------------------------------------------------------------------
    def _walk(self, element: etree._Element) -> None:
        if element.text:
            self._write(element.text)
        for child in element:
            name = _local(child)
            if name == "note":
                self.notes.append(child)
            elif name in {"lb"}:
                self._write(" ")
            elif name and name not in _SKIP:
                begin = self.out.length + self.inline_len
                self._walk(child)
                self.marks.append((name, begin, self.out.length + self.inline_len, child))
            if child.tail:
                self._write(child.tail)

    def _write(self, value: str) -> None:
        value = re.sub(r"\s+", " ", value)
        if value.startswith(" "):
            self.pending = True
            value = value[1:]
        if not value:
            return
        piece = (" " if self.pending and self.inline_len else "") + value.rstrip(" ")
        self.pending = value.endswith(" ")
        self.inline.append(piece)
        self.inline_len += len(piece)

    # notes and results -----------------------------------------------------------------------
    def finish(self, doc: Document) -> None:
        notes_start = self.out.length
        for number, note in enumerate(self.notes, 1):
            start = self._open("\n\n")
            self._write(f"{note.get('n') or number} ")
            text_start = self.out.length + self.inline_len
            self._walk(note)
            span = self._close(start)
            doc.footnotes.append(Span(min(text_start, span.end), span.end))
            if note.get("type") == "source":
                doc.citation = squeeze(note.xpath("string()"))
        doc.text = text = self.out.text
        doc.footnotes = [strip(text, s.start, s.end) for s in doc.footnotes]
        self._structure(doc, notes_start)
        for kind, start, end, element in self.marks:
            self._mark(doc, kind, strip(text, start, end), element)

    def _structure(self, doc: Document, stop: int) -> None:
        text = doc.text
        for kind, span, element in self.blocks:
            if kind == "head" and doc.title is None:
                doc.title = span  # verbatim, with the FRUS document number ("125. Memorandum of ...")
            elif kind == "signed" and not element.xpath(".//t:persName", namespaces=_NS):
                doc.recorders.append(span)
        doc.paragraphs = sorted(
            s
            for k, s, _ in self.blocks
            if s.end <= stop and k not in {"head", "dateline"} and not k.startswith(("item-", "listhead-"))
        )
        if doc.paragraphs:
            doc.body = Span(doc.paragraphs[0].start, doc.paragraphs[-1].end)
        for kind, span, element in self.blocks:
            if kind == "list-participants" and doc.participants_block is None:
                doc.participants_block = span
            elif kind == "item-participants":
                doc.participants.extend(self._names(text, span, element))

    def _names(self, text: str, span: Span, item: etree._Element) -> list[Span]:
        tagged = [
            strip(text, s, e)
            for k, s, e, el in self.marks
            if k == "persName" and span.start <= s < span.end and item in el.iterancestors()
        ]
        if tagged:
            return tagged
        value = span.of(text)
        cut = re.search(r",|\s+\(", value)
        return [strip(text, span.start, span.start + (cut.start() if cut else len(value)), " .;")]

    def _mark(self, doc: Document, kind: str, span: Span, element: etree._Element) -> None:
        if span.end <= span.start:
            return
        if kind == "persName":
            ref = (element.get("corresp") or element.get("ref") or "").lstrip("#")
            key = f"{self.volume}#{ref}" if ref and self.volume else ref
            doc.hints.append(Hint(span, Kind.PERSON, key))
            if any(_local(a) == "signed" for a in element.iterancestors()):
                doc.recorders.append(span)
        elif kind == "placeName":
            doc.hints.append(Hint(span, Kind.PLACE, (element.get("ref") or "").lstrip("#")))
            if doc.place is None and any(_local(a) == "dateline" for a in element.iterancestors()):
                doc.place = span
        elif kind == "gloss":
            target = (element.get("target") or "").lstrip("#")
            country = _COUNTRY_TERM.match(target) or _COUNTRY_TEXT.match(span.of(doc.text))
            key = f"gloss:{target}" if target else f"gloss:{element.get('type') or ''}"
            doc.hints.append(Hint(span, Kind.COUNTRY if country else Kind.ORGANIZATION, key))
