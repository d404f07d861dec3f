"""The one data model that flows between the pipeline's stages.

read     file -> :class:`Document` (text plus structure, every part as character offsets)
extract  Document -> :class:`Extraction` (mentions, turns, requests, venue proposals)
resolve  Extraction -> :class:`Resolution` (mentions clustered into :class:`Entity` objects)
model    Resolution -> RDF (see :mod:`graph.model`)

Every offset is a Python ``str`` index into ``Document.text``, so ``text[span.start:span.end]``
is always the quoted evidence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """The base kinds of entity the contract names."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    PLACE = "place"
    ITEM = "item"


class Stance(str, Enum):
    PROPOSED = "proposed"
    EXAMPLE = "example"
    REJECTED = "rejected"
    ASKED = "asked"


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def __contains__(self, other: object) -> bool:
        return isinstance(other, Span) and self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class SpanIndex:
    """Spans kept sorted, so overlap look-ups cost a bisection, not a scan of the record."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans = sorted(spans)
        self._starts = [s.start for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)

    def add(self, span: Span) -> None:
        at = bisect_left(self._starts, span.start)
        self._spans.insert(at, span)
        self._starts.insert(at, span.start)
        self._longest = max(self._longest, span.end - span.start)

    def near(self, span: Span) -> list[Span]:
        """The kept spans that overlap ``span``."""
        low = bisect_left(self._starts, span.start - self._longest)
        high = bisect_left(self._starts, span.end)
        return [s for s in self._spans[low:high] if s.overlaps(span)]


@dataclass(frozen=True)
class Hint:
    """Markup that names something at a span: TEI ``persName/@corresp``, ``gloss/@target``,
    ``placeName``; a Wilson Center tag. Extra evidence for extraction, never the only way."""

    span: Span
    kind: Kind
    key: str = ""  # e.g. "frus1964-68v14#p_BLI1", "t_USSR1"


@dataclass
class Document:
    """One archival record as read from a file.

    ``text`` is what every offset indexes: the decoded file for plain text, the reader's
    plain-text rendering (markup's own words kept) for XML, HTML and Markdown.
    """

    path: str
    format: str  # reader name: "wilson-text", "frus-tei", "dfat-md", "wilson-json", "plain"
    text: str
    record_id: str | None = None
    title: Span | None = None
    date: str | None = None  # ISO 8601 date
    place: Span | None = None  # dateline place, where the format states it
    citation: str | None = None
    source_url: str | None = None
    publisher: str | None = None
    doc_type: str | None = None
    summary: Span | None = None
    body: Span | None = None  # the record's own words, without page furniture or metadata
    paragraphs: list[Span] = field(default_factory=list)  # body paragraphs, in order
    participants: list[Span] = field(default_factory=list)  # names in a "Present" list
    participants_block: Span | None = None
    translators: list[Span] = field(default_factory=list)
    contributors: list[Span] = field(default_factory=list)
    recorders: list[Span] = field(default_factory=list)
    addressees: list[Span] = field(default_factory=list)  # to whom a letter or cable is written
    footnotes: list[Span] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    emphasis: list[Span] = field(default_factory=list)  # italic spans (DFAT's "_The Minister_ said")
    language: str = "en"

    def quote(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @property
    def year(self) -> int | None:
        """The record's year (from ``date``), if known."""
        return int(self.date[:4]) if self.date and self.date[:4].isdigit() else None


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity. ``key`` is the curated authority key where a
    gazetteer matched (``country:ussr``), empty for names found by pattern alone."""

    span: Span
    kind: Kind
    surface: str
    key: str = ""
    source: str = ""  # which rule found it: "gazetteer", "honorific", "speaker-label", ...


@dataclass
class Turn:
    """A speaker-labelled stretch of the record: ``label`` names the speaker, ``span`` is the
    whole turn (label and following unlabelled paragraphs)."""

    position: int  # 1-based order in the record
    label: Span
    span: Span
    speaker: int  # index into Extraction.mentions


@dataclass
class Request:
    """Something one side asks the other for."""

    evidence: Span
    item_label: str
    category: str
    requester: int | None  # mention index of who voices it
    on_behalf_of: int | None = None
    recipient: int | None = None
    item_key: str = ""  # items authority key, where the item is a known type
    item_span: Span | None = None
    quantity: str | None = None
    response: Span | None = None


@dataclass
class VenueProposal:
    """A place proposed, offered as an example, rejected or asked about for talks."""

    evidence: Span
    venue: int  # mention index of the place or country
    proposer: int | None
    stance: Stance


@dataclass
class Extraction:
    document: Document
    mentions: list[Mention] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    reported_speech: bool = False  # turns come from "X said ..." sentences, not speaker labels
    writer: int | None = None  # mention index of who writes in the first person ("I met Kosygin")
    coref: dict[int, int] = field(default_factory=dict)  # role mention ("the Chancellor") -> the person's
    partners: dict[int, int] = field(default_factory=dict)  # "the two Ministers" -> the second (coref: the first)
    attendees: list[int] = field(default_factory=list)  # mention indices
    requests: list[Request] = field(default_factory=list)
    proposals: list[VenueProposal] = field(default_factory=list)
    translators: list[int] = field(default_factory=list)
    contributors: list[int] = field(default_factory=list)
    recorders: list[int] = field(default_factory=list)
    affiliations: list[tuple[int, int]] = field(default_factory=list)  # (person, organisation)
    titles: list[tuple[int, str]] = field(default_factory=list)  # (person mention, job title)

    _index: dict[tuple[Span, Kind], int] = field(default_factory=dict, repr=False, compare=False)
    _by_start: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    def add_mention(self, mention: Mention) -> int:
        """Add a mention (once per span and kind) and return its index."""
        key = (mention.span, mention.kind)
        if key not in self._index:
            self._index[key] = len(self.mentions)
            self.mentions.append(mention)
            self._by_start = None
        return self._index[key]

    def mentions_between(self, start: int, end: int) -> list[tuple[int, Mention]]:
        """(index, mention) of every mention inside ``[start, end)``, in text order."""
        if self._by_start is None:
            self._by_start = sorted((m.span.start, i) for i, m in enumerate(self.mentions))
        first = bisect_left(self._by_start, (start, -1))
        found = []
        for pos, index in self._by_start[first:]:
            if pos >= end:
                break
            if self.mentions[index].span.end <= end:
                found.append((index, self.mentions[index]))
        return sorted(found, key=lambda pair: pair[1].span)


@dataclass
class Entity:
    """A real-world thing, with a stable ``id`` (the local part of its IRI)."""

    id: str  # e.g. "person/frus-101726", "country/ussr"
    kind: Kind
    name: str
    alternate_names: set[str] = field(default_factory=set)
    same_as: set[str] = field(default_factory=set)  # full IRIs (Wikidata, GeoNames, FRUS, VIAF)
    member_of: set[str] = field(default_factory=set)  # entity ids
    parent: str | None = None  # parentOrganization entity id
    country: str | None = None  # containedInPlace / nationality entity id
    job_titles: set[str] = field(default_factory=set)
    category: str | None = None  # items: aircraft, missile, ...
    description: str | None = None
    candidates: list[str] = field(default_factory=list)  # authority ids left unchosen (homonyms)
    type_of: str | None = None  # items: the entity id of the known item type this thing is


@dataclass
class Resolution:
    extraction: Extraction
    entities: dict[str, Entity] = field(default_factory=dict)
    entity_of: dict[int, str] = field(default_factory=dict)  # mention index -> entity id
    item_of: dict[int, str] = field(default_factory=dict)  # request index -> item entity id

    @property
    def document(self) -> Document:
        return self.extraction.document

    def entity(self, mention: int | None) -> Entity | None:
        if mention is None or mention not in self.entity_of:
            return None
        return self.entities[self.entity_of[mention]]
