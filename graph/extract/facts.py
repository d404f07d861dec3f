"""Requests and proposed venues, found sentence by sentence within who is speaking.

Who speaks a sentence: the turn's speaker where the record has speaker labels; otherwise the
person named as subject of a verb of speaking in the sentence ("Rapacki said Poland was
prepared..."), else the last such person in the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.extract.lexicon import lexicon
from graph.extract.sentences import sentences
from graph.types import Extraction, Kind, Mention, Request, Span, Stance, VenueProposal

_CLAUSE_END = re.compile(r"[.;!?]|,\s+(?:but|because|since|as|so|inasmuch|which)\b")
_SPECIALISTS = re.compile(r"\b(?:specialists?|experts?|advis[eo]rs?|instructors?|technicians?|pilots?|crews?)\b", re.I)
_COASTAL = re.compile(r"\bcoast(?:al)?\b", re.I)
_DIPLOMATIC = re.compile(
    r"\b(?:let\b.*\bknow|inform|tell|convey|pass|advise|advice|views?|opinions?|influence|authority|support|"
    r"understand|secret|confidential|publicity|channels?|negotiat\w*|talks|recogni[sz]\w*|contacts?|"
    r"coordinate|mediat\w*|pressure|message|statement|visit|invit\w*)\b",
    re.I,
)
_LOCATIVE_GAP = re.compile(r"^(?:\s|,|\bor\b|\band\b|\bnot\b|\bto\b|\bin\b|\bat\b|\beven\b|\bpossibly\b|\bperhaps\b|\bmaybe\b|\beither\b)*$", re.I)
_LOCATIVE = re.compile(r"\b(?:in|at|to|such\s+(?:countries|places|cities)\s+as|than|host(?:ed|ing)?|venue|as\s+a\s+venue)\s*$", re.I)
_STANCE_REJECTED = re.compile(r"\b(?:not|rather\s+than|instead\s+of|unsuitable|unacceptable|ruled\s+out|rejected?)\b[^.;]*$", re.I)
_STANCE_EXAMPLE = re.compile(r"\b(?:for\s+example|for\s+instance|e\.g\.|possibly|perhaps|such\s+as|might)\b", re.I)


@dataclass(frozen=True)
class Scope:
    """A stretch of text voiced by one speaker (mention index), or by nobody known."""

    span: Span
    speaker: int | None
    turn: int | None  # index into Extraction.turns


def scopes(ext: Extraction) -> Iterator[tuple[Scope, Span]]:
    """Every sentence of the record's body with the scope it is spoken in."""
    doc = ext.document
    if ext.turns:
        for i, turn in enumerate(ext.turns):
            for sentence in sentences(doc.text, turn.span):
                yield Scope(turn.span, turn.speaker, i), sentence
        return
    for para in doc.paragraphs:
        last: int | None = None
        for sentence in sentences(doc.text, para):
            subject = _reported_speaker(ext, sentence)
            last = subject if subject is not None else last
            yield Scope(para, last, None), sentence


def _reported_speaker(ext: Extraction, sentence: Span) -> int | None:
    text = ext.document.text
    speech = lexicon().alternation(lexicon().speech_verbs)
    for index, mention in _mentions_in(ext, sentence, (Kind.PERSON,)):
        if re.match(rf"(?:’s|'s)?(?:\s*,[^,]{{0,60}},)?\s+(?:also\s+|then\s+|further\s+)?{speech}\b",
                    text[mention.span.end : mention.span.end + 80]):
            return index
    return None


def _mentions_in(ext: Extraction, span: Span, kinds: tuple[Kind, ...]) -> list[tuple[int, Mention]]:
    return sorted(
        ((i, m) for i, m in enumerate(ext.mentions) if m.kind in kinds and m.span in span),
        key=lambda pair: pair[1].span,
    )


# ---------------------------------------------------------------------------------- requests

def find_requests(ext: Extraction) -> list[Request]:
    lex = lexicon()
    patterns = [re.compile(p, re.I) for p in lex.request_patterns]
    out: list[Request] = []
    for scope, sentence in scopes(ext):
        if scope.speaker is None:
            continue
        cue = _first_cue(ext.document.text, sentence, patterns)
        if cue is None:
            continue
        out.extend(_requests_in(ext, scope, sentence, cue))
    return out


def _first_cue(text: str, sentence: Span, patterns: list[re.Pattern[str]]) -> int | None:
    """Where what is asked for begins, after the first request cue in the sentence."""
    ends = [m.end() for p in patterns for m in [p.search(text, sentence.start, sentence.end)] if m]
    return min(ends) if ends else None


def _requests_in(ext: Extraction, scope: Scope, sentence: Span, cue: int) -> list[Request]:
    text = ext.document.text
    rest = text[cue : sentence.end]
    if any(rest.lower().startswith(w) for w in lexicon().request_not_items) or sentence.of(text).endswith("?"):
        return []
    items = _mentions_in(ext, Span(cue, sentence.end), (Kind.ITEM,))
    on_behalf = _principal(ext, scope, sentence)
    base = {"requester": scope.speaker, "on_behalf_of": on_behalf, "recipient": _addressee(ext, scope)}
    response = _response(ext, scope)
    found: list[Request] = []
    head_end = items[0][1].span.start if items else sentence.end
    head = _clean(text[cue:head_end])
    topic = _topic(text, sentence)
    if _worth_asking(head):
        label = f"{topic} {head}".strip() if topic and topic.lower() not in head.lower() else head
        found.append(Request(evidence=sentence, item_label=label, category=_category(label, None),
                             response=response, **base))
    for _, item in items:
        phrase = _item_phrase(text, item.span, Span(cue, sentence.end))
        found.append(Request(evidence=sentence, item_label=_clean(phrase.of(text)), item_key=item.key,
                             item_span=item.span, category=_category(phrase.of(text), item.key),
                             quantity=_quantity(phrase.of(text)), response=response, **base))
    return found


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:.")
    phrase = re.sub(r"^(?:to\s+|that\s+you\s+|you\s+to\s+|also\s+|us\s+)+", "", phrase, flags=re.I)
    phrase = re.sub(r"(?:,?\s+(?:that\s+is|i\.e\.|namely|and|or|also|give|to))+$", "", phrase, flags=re.I)
    return phrase[:160].strip(" ,;:")


def _worth_asking(head: str) -> bool:
    words = re.findall(r"[A-Za-z]+", head)
    return len(words) >= 2


def _topic(text: str, sentence: Span) -> str:
    """'As regards aircraft, we would ask...' -> 'aircraft'."""
    match = re.match(r"\s*(?:As\s+(?:regards|for|to)|Concerning|Regarding|With\s+regard\s+to|In\s+regard\s+to)\s+([^,]{2,60}),",
                     text[sentence.start : sentence.end])
    return match.group(1).strip() if match else ""


def _item_phrase(text: str, item: Span, within: Span) -> Span:
    """The noun phrase around an item: back to a comma/"and"/verb, forward to the next one."""
    start = item.start
    left = text[within.start : item.start]
    cut = max((m.end() for m in re.finditer(r",|\band\b|\bgive\b|\bsend\b|\bprovide\b|\bsupply\b|\bthat is\b|:", left)),
              default=0)
    start = within.start + cut
    right = re.search(r",|\band\b|\bor\b(?!\s+guns)|[.;]", text[item.end : within.end])
    end = item.end + right.start() if right else within.end
    span = Span(start, end)
    return span if span.end > span.start else item


def _quantity(phrase: str) -> str | None:
    match = re.search(
        r"\b((?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|several|\d[\d,]*)\s+"
        r"(?:additional\s+)?(?:regiments?|squadrons?|battalions?|divisions?|batteries|battery|sets?|units?|"
        r"complexes|complex|thousand|hundred|million|tons?|tonnes?|pieces?|aircraft|planes?))\b", phrase, re.I)
    return match.group(1) if match and not match.group(1).lower().startswith(("a ", "an ")) else (
        match.group(1) if match and "regiment" in match.group(1).lower() else None)


def _category(phrase: str, item_key: str | None) -> str:
    from graph.resolve.gazetteer import Gazetteer

    if item_key:
        entry = Gazetteer.default().get(item_key)
        if entry and entry.category:
            return entry.category
    if _SPECIALISTS.search(phrase):
        return "specialists"
    if _COASTAL.search(phrase):
        return "coastal defence"
    if re.search(r"\bmissiles?\b|\brockets?\b", phrase, re.I):
        return "missile"
    if re.search(r"\baircraft\b|\bplanes?\b|\bfighters?\b|\bbombers?\b|\bhelicopters?\b", phrase, re.I):
        return "aircraft"
    if re.search(r"\bradar|\bjamming|\belectronic", phrase, re.I):
        return "radar/electronic equipment"
    return "diplomatic action" if _DIPLOMATIC.search(phrase) else "other"


def _principal(ext: Extraction, scope: Scope, sentence: Span) -> int | None:
    """On whose behalf: a person named in the turn as having asked the speaker to pass on
    wishes, or named as the one who 'requested' in this sentence."""
    text = ext.document.text
    window = Span(scope.span.start, sentence.end)
    found = None
    for index, mention in _mentions_in(ext, window, (Kind.PERSON,)):
        after = text[mention.span.end : mention.span.end + 80]
        if re.match(r"(?:,[^,]{0,40},)?\s+(?:also\s+)?(?:asked|requested|instructed|wished|wants|wanted)\b", after):
            found = index
    return found if found != scope.speaker else None


def _addressee(ext: Extraction, scope: Scope) -> int | None:
    """The speaker of the nearest turn, after or before, by someone else."""
    if scope.turn is None:
        return None
    turns = ext.turns
    for i in [*range(scope.turn + 1, len(turns)), *range(scope.turn - 1, -1, -1)]:
        if turns[i].speaker != scope.speaker:
            return turns[i].speaker
    return None


def _response(ext: Extraction, scope: Scope) -> Span | None:
    """The first sentence of the next turn by someone else."""
    if scope.turn is None:
        return None
    for turn in ext.turns[scope.turn + 1 :]:
        if turn.speaker != scope.speaker:
            body = Span(turn.label.end, turn.span.end)
            first = sentences(ext.document.text, body)
            return first[0] if first else None
    return None


# ---------------------------------------------------------------------------------- venues

def find_proposals(ext: Extraction) -> list[VenueProposal]:
    out: list[VenueProposal] = []
    previous: dict[int | None, Span] = {}
    for scope, sentence in scopes(ext):
        context = Span(previous.get(scope.turn, sentence).start, sentence.end)
        previous[scope.turn] = sentence
        if scope.speaker is None or not _talks_about_venue(ext.document.text, context):
            continue
        out.extend(_proposals_in(ext, scope, sentence))
    return out


def _talks_about_venue(text: str, span: Span) -> bool:
    cues = lexicon().venue_cues
    chunk = span.of(text).lower()
    return any(re.search(rf"\b{re.escape(c)}", chunk) for c in cues)


def _proposals_in(ext: Extraction, scope: Scope, sentence: Span) -> list[VenueProposal]:
    text = ext.document.text
    places = _mentions_in(ext, sentence, (Kind.PLACE, Kind.COUNTRY))
    places = [(i, m) for i, m in places if not _adjectival(text, m)]
    out: list[VenueProposal] = []
    previous_end: int | None = None
    for index, mention in places:
        before = text[sentence.start : mention.span.start]
        listed = previous_end is not None and _LOCATIVE_GAP.match(text[previous_end : mention.span.start])
        if _LOCATIVE.search(before) or (listed and out and out[-1].evidence == sentence):
            out.append(VenueProposal(sentence, index, scope.speaker, _stance(text, sentence, mention.span)))
            previous_end = mention.span.end
    return out


def _adjectival(text: str, mention: Mention) -> bool:
    """'Soviet', 'Americans': demonyms name a country but are never a venue."""
    return mention.source == "demonym"


def _stance(text: str, sentence: Span, place: Span) -> Stance:
    if text[sentence.start : sentence.end].rstrip().endswith("?"):
        return Stance.ASKED
    before = text[max(sentence.start, place.start - 40) : place.start]
    if _STANCE_REJECTED.search(before):
        return Stance.REJECTED
    if _STANCE_EXAMPLE.search(text[sentence.start : place.start]):
        return Stance.EXAMPLE
    return Stance.PROPOSED
