"""Speaker turns: paragraphs that open with a speaker label, and the unlabelled paragraphs that
follow them.

A label is a person's name at the very start of a paragraph, then either a colon
(``Dr. Kissinger:``), a full stop, or straight into the speech with a capital letter
(``A. N. Kosygin Before or after...``, the Wilson Center's layout); or a name followed by a
verb of speaking (``Mr. Gromyko said ...``, reported speech in DFAT records). A capital letter
after a bare surname counts only when that person is known from elsewhere in the record
(participants, title, another label), so prose opening with a name is not mistaken for a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.lexicon import lexicon
from graph.extract.offices import office_label
from graph.extract.people_cues import written_lower
from graph.extract.sentences import sentences
from graph.extract.word_shape import NAME, UPPER
from graph.patterns import compiled
from graph.resolve.people import name_key
from graph.types import Document, Span

_NUMBER = r"(?:\(?(?:\d{1,3}|[a-z])[.)]\s+)"  # a paragraph number before the label: "1. ", "(a) "
_ROLE = r"(?:The\s+)?(?:President|Secretary|Chairman|Premier|Prime\s+Minister|Minister|Ambassador|Foreign\s+Minister)"


@dataclass(frozen=True)
class Label:
    start: int  # where the turn starts: its paragraph, or its sentence for reported speech
    name: Span  # the name inside the label, without courtesy words
    reported: bool = False  # found as "X said ..." in running text


def find_labels(doc: Document, known: set[str], persons: list[Span] | None = None) -> list[Label]:
    """One label per paragraph that opens with one. ``known`` holds name keys of people the
    record names elsewhere (participants, title); ``persons`` the spans of every person mention.
    Where the markup sets speakers apart in italics, those are the labels (see ``marked_labels``)."""
    marked = marked_labels(doc, known, persons or [])
    if len(marked) >= 2:
        return marked
    shouted = shouted_labels(doc, known, persons or [])
    if len(shouted) >= 2:
        return shouted
    lex = lexicon()
    courtesy = rf"{_NUMBER}?(?:(?:{lex.alternation(lex.honorifics)})\.?\s+|{_ROLE}\s+)*"
    speech = lex.alternation(lex.speech_verbs)
    colon = compiled(rf"{courtesy}(?P<name>{NAME})\s*(?:\([^)]{{0,40}}\))?\s*:\s")
    bare = compiled(rf"{courtesy}(?P<name>{NAME})(?:\.\s+|\s+)(?=[{UPPER}\"“‘\[(])")
    said = compiled(rf"{courtesy}(?P<name>{NAME})\s+(?:then\s+|also\s+|further\s+)?(?:{speech})\b")
    labels = []
    for para in doc.paragraphs:
        label = _label_at(doc.text, para, colon, bare, None, known)
        if label is not None and not _cut_from_a_name(label, persons or []):
            labels.append(Label(para.start, label))
    if len(labels) < 2:  # no labelled layout: records in reported speech ("1. Mr Whitlam said ...")
        reported = _reported_labels(doc, said, known)
        labels = reported if len(reported) > len(labels) else labels
    return labels


def marked_labels(doc: Document, known: set[str], persons: list[Span]) -> list[Label]:
    """DFAT's records of conversation set each speaker's name or office in italics where their
    turn begins, at a paragraph's start or inside it ("17. _The Minister_ introduced ...",
    "... _McNamara_ thanked the Minister"): an italic span that is a person (a known name, a
    courtesy form and a name, a person mention) or an office ("The Minister"), followed by the
    speech in lower case, starts a turn at its sentence. Italic headings and emphasis ("_Malaysia_",
    "_Invites_ the ...") are neither."""
    lex = lexicon()
    courtesy = compiled(rf"(?:(?:{lex.alternation(lex.honorifics)})\.?\s+)+")
    follows = compiled(r"\s*(?:\([^)\n]{0,40}\)\s*)?,?\s*[a-z]")
    # "_THE SECRETARY_ OF STATE FOR DEFENCE said": the office goes on in capitals after the italics
    goes_on = compiled(rf"(?:[ \t]+{_CAPS})+(?=\s*,?\s*[a-z])")
    labels: list[Label] = []
    for para in doc.paragraphs:
        for mark in (m for m in doc.emphasis if m in para):
            more = goes_on.match(doc.text, mark.end, para.end) if mark.of(doc.text).isupper() else None
            mark = Span(mark.start, more.end()) if more else mark
            text = mark.of(doc.text)
            if not follows.match(doc.text, mark.end, para.end):
                continue
            bare = courtesy.match(text)
            name = Span(mark.start + (bare.end() if bare else 0), mark.end)
            words = name.of(doc.text)
            is_name = any(p in mark or mark in p for p in persons) or re.fullmatch(NAME, words) is not None and (
                bare is not None or name_key(words) in known or _surname_known(words, known))
            if not is_name and office_label(text) is None:
                continue
            start = next((s.start for s in sentences(doc.text, para) if s.start <= mark.start < s.end), para.start)
            if not labels or labels[-1].start != start:
                labels.append(Label(start, name if is_name else mark))
    return labels


# A speaker's name in capitals, after an optional courtesy word also in capitals, before the speech in lower case.
_CAPS = rf"[{UPPER}][{UPPER}'’-]+"
_SHOUTED = re.compile(rf"(?:(?:MR|MRS|MISS|DR|SIR|LORD)\.?[ \t]+)?(?P<name>{_CAPS}(?:[ \t]+{_CAPS}){{0,2}}"
                      rf"|THE(?:[ \t]+{_CAPS}){{1,6}})[ \t]+(?=[a-z])")  # or an office: "THE HOME SECRETARY said"


def shouted_labels(doc: Document, known: set[str], persons: list[Span]) -> list[Label]:
    """British minutes write each speaker's name in capitals where the turn begins, at a sentence's
    start or after a clause put first ("MR MENZIES said ...", "On the first of the two points raised by
    Mr Menzies, MR HEATH said ..."): a known person so written starts a turn at its sentence. Not inside
    a clause ("It was agreed that MR HEATH should consider ...": the meeting's conclusion)."""
    text = doc.text
    labels: list[Label] = []
    for match in _SHOUTED.finditer(text):  # one pass over the text; sentences only around candidates
        name = Span(match.start("name"), match.end("name"))
        words = name.of(text)
        if len(words) < 3 or not (name_key(words) in known or _surname_known(words, known)
                                  or any(name in p or p in name for p in persons) or office_label(words)):
            continue
        para = next((p for p in doc.paragraphs if p.start <= match.start() < p.end), None)
        sentence = next((s for s in sentences(text, para) if s.start <= match.start() < s.end), None) if para else None
        if sentence is None or labels and labels[-1].start == sentence.start:
            continue
        before = text[sentence.start : match.start()]
        if before.strip() and not re.search(r",\s*$", before):
            continue
        labels.append(Label(sentence.start, name))
    return labels


def _reported_labels(doc: Document, said: re.Pattern[str], known: set[str]) -> list[Label]:
    """A turn starts at each sentence that opens with a known person and a verb of speaking;
    a record needs at least two such sentences to be read this way."""
    labels = []
    for para in doc.paragraphs:
        for sentence in sentences(doc.text, para):
            match = said.match(doc.text, sentence.start, sentence.end)
            if not match:
                continue
            name = Span(match.start("name"), match.end("name"))
            if name_key(name.of(doc.text)) in known or _surname_known(name.of(doc.text), known):
                labels.append(Label(sentence.start, name, reported=True))
    return labels if len(labels) >= 2 else []


def _label_at(text: str, para: Span, colon, bare, said, known: set[str]) -> Span | None:
    for pattern, needs_known in ((colon, False), (said, True), (bare, True)):
        match = pattern.match(text, para.start, para.end) if pattern else None
        if not match:
            continue
        name = _trim_name(text, Span(match.start("name"), match.end("name")), known)
        if name is None or name.of(text) in lexicon().header_labels:  # "From: Kawase Ikkan" is an address line
            continue
        if name_key(name.of(text)) in known or _surname_known(name.of(text), known):
            return name
        if not needs_known and not _common_word(text, name.of(text)):
            return name
    return None


def _cut_from_a_name(label: Span, persons: list[Span]) -> bool:
    """ "Sir Philip Baxter said ...", "Finally Sir Philip Baxter said ...": a label that a person's name
    runs on past is the start of a sentence about him, not a speaker set apart."""
    return any(p.start <= label.end - 1 < p.end and p.end > label.end for p in persons)


def _trim_name(text: str, name: Span, known: set[str]) -> Span | None:
    """A greedy name match may swallow the first word of the speech ("Le Duc Tho Yesterday"):
    drop trailing words until the rest is a known name or words run out."""
    words = list(re.finditer(r"\S+", name.of(text)))
    for size in range(len(words), 0, -1):
        candidate = Span(name.start, name.start + words[size - 1].end())
        key = name_key(candidate.of(text))
        if key in known or (size == 1 and _surname_known(candidate.of(text), known)):
            return candidate
    stripped = [w.group(0) for w in words]
    if stripped and stripped[-1].rstrip(".") not in lexicon().not_names:
        return name
    return None


def _common_word(text: str, name: str) -> bool:
    """ "(2) Amount: $150 million", "China Policy: Representation in the United Nations": a label whose
    last word the record also writes in lower case ("this amount", "our policy") is a heading, not a
    speaker."""
    return written_lower(text, name.split()[-1])


def _surname_known(name: str, known: set[str]) -> bool:
    last = name_key(name.split()[-1])
    return any(k.split()[-1] == last for k in known)


def turn_spans(doc: Document, labels: list[Label]) -> list[tuple[Label, Span]]:
    """Each label with its turn: from where it starts to where the next label's turn starts."""
    out = []
    end_of_body = doc.paragraphs[-1].end if doc.paragraphs else len(doc.text)
    for i, label in enumerate(labels):
        end = labels[i + 1].start if i + 1 < len(labels) else end_of_body
        while end > label.start and doc.text[end - 1].isspace():
            end -= 1
        out.append((label, Span(label.start, end)))
    return out
