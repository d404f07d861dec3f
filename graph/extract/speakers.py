"""Who speaks each sentence: the turn's speaker where the record has speaker labels; otherwise
the person named as subject of a verb of speaking in the sentence ("Rapacki said Poland was
prepared..."), the writer where "I" acts in a telegram, the person "he" stands for, else the last
such person in the paragraph. Requests (``facts.py``) and venues (``venues.py``) are read per
sentence with its speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from graph.extract.lexicon import lexicon
from graph.extract.sentences import sentences
from graph.patterns import compiled
from graph.types import Extraction, Kind, Mention, Span


@dataclass(frozen=True)
class Scope:
    """A stretch of text voiced by one speaker (mention index), or by nobody known."""

    span: Span
    speaker: int | None
    turn: int | None  # index into Extraction.turns


def scopes(ext: Extraction) -> Iterator[tuple[Scope, Span]]:
    """Every sentence of the record's body with the scope it is spoken in."""
    doc = ext.document
    if ext.turns and not ext.reported_speech:
        for i, turn in enumerate(ext.turns):
            for sentence in sentences(doc.text, turn.span):
                yield Scope(turn.span, turn.speaker, i), sentence
        return
    other: int | None = None  # the last named speaker who is not the writer: "he" in a telegram
    before: int | None = None  # the one who spoke before ``other``: "He asked if Mr. Gromyko ..."
    quoting: int | None = None  # who speaks a quotation still open: 'I then stated the following: “...'
    listing: int | None = None  # who speaks the lettered items a paragraph ending "I then said:—" opens
    for para in doc.paragraphs:
        listing = listing if _LIST_ITEM.match(doc.text, para.start, para.end) else None
        last: int | None = listing
        for sentence in sentences(doc.text, para):
            words = sentence.of(doc.text)
            if quoting is not None:  # the quotation's sentences are its speaker's, whoever "he" is in them
                last = quoting
                quoting = None if "”" in words else quoting
                yield Scope(para, last, None), sentence
                continue
            subject = _reported_speaker(ext, sentence)
            he = subject is None and (_HE.match(doc.text, sentence.start, sentence.end) is not None
                                      or _HE_SAID.search(doc.text, sentence.start, sentence.end) is not None)
            if he:
                # "He replied ...", "It was his personal opinion that ...", "In answer to my query, he
                # replied ..."; but "he" is never the writer ("I"), nor the person his sentence names
                subject = before if before is not None and other is not None and _named_in(ext, other, sentence) \
                    else other
            last = subject if subject is not None or he else last
            if subject is None and other is None and ext.writer is not None:
                other = _visitor(ext, sentence)  # "Mr. Larmour called today ...": the one "he" stands for
                if other is not None and not _FIRST_PERSON.search(words):
                    last = other  # and the voice of his own errand: "called ... to ask for our attitude"
            if subject is not None and subject == ext.writer and other is None:
                other = _met(ext, sentence)  # "I met with Kosygin ...": the one "he" stands for
            elif subject is not None and surname(ext, subject) not in {surname(ext, i) for i in (ext.writer, other)}:
                before, other = other, subject
            if words.count("“") > words.count("”") and last is not None:
                quoting = last
            yield Scope(para, last, None), sentence
        if _OPENS_LIST.search(doc.text, para.start, para.end):
            listing = last


# A person who opens a sentence as its subject: "Mr. Larmour called today to discuss Malaysia", "2. Dr Subandrio came
# to see me" (numbering and a courtesy word may come first; a verb in lower case follows)
_OPENING = re.compile(r"[\W\d]*(?:(?:Mr|Mrs|Dr|Sir|M|Messrs)\.?\s+)?")


_TALK = re.compile(r"(?i)\b(?:conversation|meeting|discussion|talks?|interview|call)\b")


_FIRST_PERSON = re.compile(r"\b(?:I|we|me|us)\b")


def _visitor(ext: Extraction, sentence: Span) -> int | None:
    """In a record of a talk its writer narrates, the person other than the writer who opens a sentence
    as its subject, before anyone speaks: whom a later "he said" stands for."""
    text = ext.document.text
    doc = ext.document
    if not _TALK.search(doc.doc_type or "") and not (doc.title and _TALK.search(doc.title.of(text))):
        return None  # "Record by Booker of Conversation with German Ambassador": a record of a talk by its title
    opening = _OPENING.match(text, sentence.start, sentence.end)
    start = opening.end() if opening else sentence.start
    found = ext.mentions_between(start, min(sentence.end, start + 60))
    if not found:
        return None
    index, mention = found[0]
    opens = mention.kind is Kind.PERSON and mention.span.start == start and index != ext.writer
    verb = re.match(r"\s+(?:then\s+|also\s+|\w+ly\s+)?[a-z]", text[mention.span.end : mention.span.end + 30])
    return index if opens and verb else None


def _met(ext: Extraction, sentence: Span) -> int | None:
    """The person the writer says he met or called on in ``sentence``."""
    met = writer_met(ext, sentence)
    return met[0] if met else None


def writer_met(ext: Extraction, span: Span) -> list[int]:
    """The people the writer says he met, saw or called on in ``span`` ("I saw Huang", "I called
    on the Minister", "I had a long talk with Mr. Razak"), each named right after the words, or right
    before "with whom I had a talk" or "told me"."""
    found: list[int] = []
    for cue in met_pattern().finditer(ext.document.text, span.start, span.end):
        found += [i for i, m in mentions_in(ext, Span(cue.start("object"), span.end), (Kind.PERSON,))
                  if m.span.start <= cue.end() and not re.match(r"[’']s\b", ext.document.text[m.span.end :])][:1]
    for cue in _TOLD_ME.finditer(ext.document.text, span.start, span.end):  # "Moore told me yesterday that"
        found += [i for i, m in mentions_in(ext, Span(max(span.start, cue.start() - 60), cue.start()), (Kind.PERSON,))
                  if not ext.document.text[m.span.end : cue.start()].strip()
                  and not _QUOTED.search(_sentence_before(ext.document.text, span.start, m.span.start))][-1:]
    for cue in _MET_WHOM.finditer(ext.document.text, span.start, span.end):
        # "Keith Waller, who, as you know, is Secretary of the Department, with whom I also had a private talk"
        found += [i for i, _ in mentions_in(ext, Span(max(span.start, cue.start() - 200), cue.start()),
                                            (Kind.PERSON,))][-1:]
    return found


# a named person speaking to the writer: "Moore told me yesterday that ...", "Razak assured me that ..." (not
# someone else's words: '(Kuchma: "Yeltsin told me that too")')
_QUOTED = re.compile(r"[:“\"‘(]")


def _sentence_before(text: str, start: int, end: int) -> str:
    """The words of ``text[start:end]`` after its last sentence end."""
    before = text[start:end]
    cut = max(before.rfind(". "), before.rfind("? "), before.rfind("! "))
    return before[cut + 1 :]


_TOLD_ME = re.compile(r"\s(?:told|informed|assured|confided\s+to|said\s+to|remarked\s+to|mentioned\s+to)\s+me\b")
_MET_WHOM = re.compile(r"\b(?:with|on)\s+whom\s+I\s+(?:(?:also|then|later|had\s+also)\s+)?(?:had\s+(?:a|an|some)\s+"
                       r"(?:\w+\s+)?(?:talk|talks|conversation|discussion|discussions|meeting|lunch|dinner)|met|spoke|"
                       r"talked|lunched|dined|called)\b")


@lru_cache(maxsize=1)
def met_pattern() -> re.Pattern[str]:
    """"I (also) <lexicon writer_meeting_cues> (the) (Mr.)": what follows is whom the writer met."""
    lex = lexicon()
    courtesy = lex.alternation(lex.courtesy_words)
    return compiled(rf"\bI\s+(?:(?:also|then|later|first|again|subsequently|\w+ly)\s+)?"
                      rf"{lex.alternation(lex.writer_meeting_cues)}\s+(?P<object>(?:the\s+)?"
                      rf"(?:(?:{courtesy})\.?\s+)*)")


def surname(ext: Extraction, index: int | None) -> str | None:
    """The last word of a person mention (a role stands for its holder): the same person however named."""
    if index is None:
        return None
    return ext.mentions[ext.coref.get(index, index)].surface.split()[-1].lower()


def _named_in(ext: Extraction, person: int, span: Span) -> bool:
    """Is ``person`` (by surname) named inside ``span``?"""
    name = surname(ext, person)
    return any(surname(ext, i) == name for i, _ in mentions_in(ext, span, (Kind.PERSON,)))


# "I" as the subject of a past-tense verb near the start of a sentence: "I assured him ...",
# "In this connection, I told him ...", "However, I again stressed hope ...", or after a fronted
# clause: "As over an hour had gone by, I said ...", "On behalf of the Government, I had proposed ...", or in
# a cleft: "It is against this background that I ask you to ..."; "We
# have asked for a full enquiry" is the writer too, asking for his side (with "we", only verbs of asking:
# "we felt", "we have in mind" are as often the writer's side at home)
_WRITER_ACTS = re.compile(r"(?:\W*(?:\d+\.|\([a-z0-9]{1,4}\))\s+)?(?:(?:\W*\w+\W+){0,3}?|[^.;:!?\n]{3,120}?,\s+"
                          r"|\W*It\s+is\s+[^.;:!?\n]{3,80}?\s+that\s+)"  # "It is against this background that I ask"
                          r"(?:I\s+(?:(?:also|then|again|further|later|first|once\s+more|\w+ly|had|have)\s+)*"
                          r"(?:\w+ed|met|told|said|made|put|gave|took|spoke|went|saw|urged|sought|felt|thought|began|"
                          r"should|would|shall|must|"  # or of a modal: "I should be most grateful ..."
                          r"ask|request|urge|appeal|beg|propose|suggest|invite)|"  # a letter's own asks: "I ask you"
                          r"We\s+(?:(?:also|then|again|further|\w+ly|had|have)\s+)*(?:asked|requested|invited|urged|"
                          r"suggested|proposed|pressed|sought|demanded)\b)\b")
# "I then said:—" ends a paragraph; "(a) The long-term objective ..." and the items after it are the same voice.
_OPENS_LIST = re.compile(r":\s*[—–-]?\s*$")
_LIST_ITEM = re.compile(r"\s*(?:\([a-z0-9]{1,4}\)|[a-z0-9]{1,2}\))\s")
_HE_SAID = re.compile(r",\s+(?:he|she)\s+(?:also\s+|then\s+)?(?:said|replied|answered|stated|added|stressed|"
                      r"emphasized|emphasised|explained|remarked|commented|observed|noted)\b")
_HE = re.compile(r"\W*(?:\d+[.)]\s+)?(?:(?:(?:Then|And|But|Later|Finally),?\s+)?(?:He|She)\b|It\s+was\s+(?:his|her)\b)")


# Between a speaker and the verb: an apposition, a second speaker (``_AND_ANOTHER``), adverbs, and an
# opening ("Ostrander began, as instructed, by pleading for ...").
_THEN = re.compile(r"\b(?:when|since|after|before|until)\s+(?:[A-Z]\w{0,3}\.?\s+)?$", re.I)
COURTESY = r"(?:(?:Mr|Mrs|Dr|Sir)\.?\s+)?"  # "Mr ", "Dr. " before a name
AND = rf"\s+and\s+{COURTESY}"  # "Brown and McConaughy stressed": Brown leads
_AND_ANOTHER = rf"{AND}[A-Z][\w'’-]+"
_LEAD_IN = (rf"(?:\s*,[^,]{{0,100}},)?(?:{_AND_ANOTHER})?"
            r",?\s+(?:(?:also|then|further|finally|again|first|later|once\s+again|"
            r"once\s+more|\w+ly)\s+)*"
            r"(?:(?:began|started|opened|concluded|ended)(?:,[^,]{0,40},)?\s+by\s+)?")


def _reported_speaker(ext: Extraction, sentence: Span) -> int | None:
    text = ext.document.text
    speech = lexicon().alternation(lexicon().speech_verbs)
    for index, mention in mentions_in(ext, sentence, (Kind.PERSON,)):
        if _THEN.search(text, max(sentence.start, mention.span.start - 14), mention.span.start):
            continue  # "when Duncan Sandys first outlined the proposals in 1961": another time, not this talk
        if re.match(rf"{_LEAD_IN}{speech}\b", text[mention.span.end : mention.span.end + 80]):
            return index
    if ext.writer is not None and (_WRITER_ACTS.match(text, sentence.start, sentence.end) or re.match(
            rf"(?:\W*\w+\W+){{0,3}}?I\s+(?:also\s+|then\s+)?{speech}\b", text[sentence.start : sentence.end])):
        return ext.writer  # "I asked him to study the figures", "However, I again stressed ...": the writer speaks
    return None


def lead_of(ext: Extraction, index: int | None) -> int | None:
    """The first of two people named as one subject ("Brown and McConaughy stressed"): the one who leads."""
    if index is None:
        return None
    start = ext.mentions[index].span.start
    earlier = [(i, m) for i, m in ext.mentions_between(max(0, start - 60), start) if m.kind is Kind.PERSON]
    if earlier and re.fullmatch(AND, ext.document.text[earlier[-1][1].span.end : start]):
        return earlier[-1][0]
    return index


def partner_of(ext: Extraction, index: int) -> int | None:
    """The second of two people named as one subject (``lead_of`` gives the first), or that "the two
    Ministers" stands for."""
    if index in ext.partners:
        return ext.partners[index]
    after = re.match(AND, ext.document.text[ext.mentions[index].span.end :])
    if not after:
        return None
    start = ext.mentions[index].span.end + after.end()
    found = [i for i, m in ext.mentions_between(start, start + 40) if m.kind is Kind.PERSON and m.span.start == start]
    return found[0] if found else None


def mentions_in(ext: Extraction, span: Span, kinds: tuple[Kind, ...]) -> list[tuple[int, Mention]]:
    """Mentions of ``kinds`` inside ``span``, in text order."""
    return [(i, m) for i, m in ext.mentions_between(span.start, span.end) if m.kind in kinds]


Spoken = list[tuple[Scope, Span]]
