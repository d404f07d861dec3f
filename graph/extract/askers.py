"""Who asks: the person or side a request cue belongs to when it is not simply the sentence's voice
(used by ``facts.find_requests``): a possessive ("Kohler's request"), a request granted ("At the request
of the Chancellor"), the writer's own ("my requests", "asked me to"), a side with no person ("The Chinese
were pressing for"), a nearer speaker ("X said that Y had told him to ...")."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.lexicon import lexicon
from graph.extract.speakers import COURTESY, lead_of, mentions_in, surname
from graph.patterns import compiled
from graph.types import Extraction, Kind, Span

# "My additional requests (those for compensation) he said would be examined": the writer's request
# named as the subject of what the other side answered.
_WRITERS = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+)?(?:requests?|appeals?|demands?|suggestions?|urging)\b", re.I)


def writers_request(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """The writer, where the sentence names the request as the writer's ("My additional requests ...")
    in a record told by its writer rather than in labelled turns (where "my" is the turn's speaker)."""
    if ext.writer is None or (ext.turns and not ext.reported_speech):
        return None
    return ext.writer if _WRITERS.search(ext.document.text, sentence.start, cue[1]) else None


# "we" or "I" as the subject of a cue: "We wish you to", "we would like you to", "I then asked"
_WE_ASK = re.compile(r"\b(?:[Ww]e|I)\s+(?:[\w’']+\s+){0,3}$")
# "we" or "I" wishing or proposing, for a venue: "We wish you to ...", "what we have in mind is talks in"
_WE_PROPOSE = re.compile(r"\b(?:[Ww]e|I)\s+(?:\w+\s+){0,2}(?:wish|want|would\s+like|propose|suggest|hope|prefer|"
                         r"have\s+in\s+mind)")


def home_voice(ext: Extraction, sentence: Span, cue: tuple[int, int] | None = None) -> int | None:
    """Who "we" and "I" are in a record written at home that names no writer ("Personal for Renouf from
    Minister", dated Canberra, in the Australian archive): the home government, by the record's first
    mention of it, else of its country. Only where "we"/"I" is the subject of the request ``cue`` or,
    with no cue, wishes or proposes in the sentence; None where the record has a writer."""
    text = ext.document.text
    if ext.writer is not None:
        return None
    if cue is not None and not (_WE_ASK.search(text, max(sentence.start, cue[0] - 40), cue[0])
                                or re.match(r"(?:[Ww]e|I)\b", text[cue[0] : cue[1]])):
        return None
    if cue is None and not _WE_PROPOSE.search(text, sentence.start, sentence.end):
        return None
    # imported here: graph.resolve imports graph.extract.institutions, which must not be half-loaded then
    from graph.extract.institutions import dateline_country, government_of
    from graph.resolve.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    home = lexicon().archive_country(ext.document.format)
    if home is None or dateline_country(ext, gazetteer) != home:
        return None
    for key in (government_of(gazetteer, home), f"{Kind.COUNTRY.value}:{home}"):
        found = next((i for i, m in enumerate(ext.mentions) if key and m.key == key), None)
        if found is not None:
            return found
    return None


_ASKED_ME = re.compile(r"(?:asked|asking|urged|urging|requested|invited|pressed|begged)\s+(?-i:me|us)\b", re.I)


def writers_asker(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """Who asks the writer: "Mr Carr was immediately receptive and asked me to pursue it with his
    officers" is Carr's request, whoever voices the sentence; the nearest person named before the
    cue who is not the writer."""
    if ext.writer is None or not _ASKED_ME.match(ext.document.text, cue[0], cue[1]):
        return None
    writer = ext.mentions[ext.writer].surface.split()[-1].lower()
    people = [i for i, m in ext.mentions_between(sentence.start, cue[0])
              if m.kind is Kind.PERSON and m.surface.split()[-1].lower() != writer]
    return people[-1] if people else None


_IN_THE_HOPE = re.compile(r"in\s+the\s+(?:\w+\s+)?hope\s+that\s+you\b", re.I)


def writers_hope(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """The writer, whose own sentence puts a hope to the one he writes to: "I raise this matter, in the hope
    that you can speak to the Minister about it"."""
    text = ext.document.text
    if ext.writer is None or not _IN_THE_HOPE.match(text, cue[0], cue[1]):
        return None
    return ext.writer if re.search(r"\bI\b", text[sentence.start : cue[0]]) else None


def nearest_speaker(ext: Extraction, sentence: Span, cue: int) -> int | None:
    """In a record without speaker labels, the last person before ``cue`` in the sentence who is the
    subject of a verb of speaking: "Rapacki went on to say that when Lewandowski stated to Lodge that it
    was advisable for the USG to ..." is Lewandowski's ask, reported by Rapacki."""
    if ext.turns and not ext.reported_speech:
        return None
    text = ext.document.text
    speech = lexicon().alternation(lexicon().speech_verbs)
    found = None
    for index, mention in ext.mentions_between(sentence.start, cue):
        if mention.kind is Kind.PERSON and re.match(
                rf"(?:’s|'s)?(?:\s*,[^,]{{0,60}},)?\s+(?:had\s+|has\s+)?(?:also\s+|then\s+|further\s+)?{speech}\b",
                text[mention.span.end : mention.span.end + 80]):  # the verb may open the cue: "Chou had told him to"
            found = index
    return lead_of(ext, found)


def reporter(ext: Extraction, speaker: int | None, sentence: Span, cue: tuple[int, int]) -> int | None:
    """Another speaker named nearer the cue than the sentence's own ("X went on to say that Y stated that ...")."""
    nearest = nearest_speaker(ext, sentence, cue[0])
    return nearest if nearest is not None and surname(ext, nearest) != surname(ext, speaker) else None


def possessor(ext: Extraction, sentence: Span, cue: int) -> int | None:
    """The person whose request it is, written as a possessive right before the cue."""
    before = ext.document.text[sentence.start : cue]
    owner = re.search(r"(?:’s|'s)\s+(?:\w+\s+)?$", before)
    if not owner:
        return None
    end = sentence.start + owner.start()
    people = [i for i, m in mentions_in(ext, Span(sentence.start, end), (Kind.PERSON,)) if m.span.end == end]
    return people[-1] if people else None


def side(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """A country or body that is the subject asking: "The Chinese were pressing for ...", "the Japanese
    Government has requested that ...", "the Chinese had said they would welcome ...", "talks with the
    French, who had asked that ...", "The United Kingdom, which seems prepared to acquiesce, has asked for"
    (the mention right before the cue, with only auxiliaries, or a verb
    of saying and "they", between)."""
    before = ext.document.text[sentence.start : cue[0]]
    found = ext.mentions_between(sentence.start, cue[0])
    if not found:
        return None
    index, mention = found[-1]
    tail = before[mention.span.end - sentence.start :]
    if mention.kind not in (Kind.COUNTRY, Kind.ORGANIZATION) or not _side_tail().fullmatch(tail):
        return None
    lead = before[: mention.span.start - sentence.start]
    if not _SIDE_LEAD.search(lead) or not _ASKING_VERB.match(ext.document.text, cue[0], cue[1]):
        return None
    return index


# A side named as one ("the Chinese", "the Japanese Government", "the Philippines") or opening the sentence ("U.S. had
# been trying to persuade ..."), not in a condition
# ("once the Malaysians proposed a summit", "if the British asked for ...").
_SIDE_LEAD = re.compile(r"^\W*$|(?<!\bif\s)(?<!\bonce\s)(?<!\bwhen\s)(?<!\bunless\s)(?<!\bwhether\s)(?<!\buntil\s)"
                        r"\bthe\s+$", re.I)


# A side asks by a verb of asking; its hopes, conditions and needs ("the U.S. hopes that ...") are not asks of it.
_ASKING_VERB = re.compile(r"(?:\w+\s+){0,2}?(?:ask|request|demand|press|urg|seek|sought|propos|suggest|want|wish|"
                          r"approach|welcome|insist|appeal|plead|invit|persuad|induc|prevail)\w*\b(?!\s+to\b)", re.I)


@lru_cache(maxsize=1)
def _side_tail() -> re.Pattern[str]:
    aux = r"(?:\s+(?:had|has|have|were|was|are|is|been|would|will|also|still|then|now|again|\w+ly))*"
    speech = lexicon().alternation(lexicon().speech_verbs)
    relative = r"(?:,?\s+who|\s*,\s*(?:which|who)\b[^,;.]{1,100},)"  # "the United Kingdom, which seems ..., has"
    trying = r"(?:\s+(?:trying|tried|attempting|attempted|seeking|endeavou?ring|endeavou?red)\s+to)?"
    return compiled(rf"(?:\s+(?:side|government|authorities|delegation|leadership))?{relative}?{aux}{trying}"
                      rf"(?:\s+(?:{speech})\s+(?:that\s+)?(?:they|it){aux})?\s+", re.I)


_GRANTED = re.compile(r"(?:at|upon|on)\s+the\s+(?:\w+\s+)?request\s+of\s+", re.I)


def granted(ext: Extraction, cue: tuple[int, int]) -> int | None:
    """The asker of a request granted: "At the request of the Chancellor, the President will send ..."."""
    found = _GRANTED.match(ext.document.text, cue[0], cue[1])
    if not found:
        return None
    people = mentions_in(ext, Span(found.end(), cue[1]), (Kind.PERSON,))
    return people[0][0] if people else None


# A message that asks, and who sent it: "a message from the Indonesian Ambassador, Diah, asking him to agree to
# meet ...", "a message from Abu Bakar of Nigeria had recently arrived urging him to ...".
_SENT = re.compile(r"\b(?:message|letter|note|telegram|cable|petitions?|appeal|communication|approach(?:es)?)\b"
                   r"[^.;]{0,60}?\bfrom\s+(?P<who>[^.;]{1,100}?)[,\s]*$", re.I)
PARTICIPLE = re.compile(r"\b(?:asking|requesting|urging|inviting|begging|seeking|proposing|suggesting|pressing)\b",
                        re.I)


def sender(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """The sender of a message that asks, written as a participle after it: the last person named after
    "from", else the first country or body there."""
    text = ext.document.text
    if not PARTICIPLE.match(text, cue[0], cue[1]):
        return None
    found = _SENT.search(text, max(sentence.start, cue[0] - 200), cue[0])
    if not found:
        return None
    return _person_else_side(ext, Span(found.start("who"), cue[0]), last=True)


_PASSIVE = re.compile(r"(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:asked|requested|invited|urged|pressed|begged)\b",
                      re.I)
_BY = re.compile(r"\bby\s+", re.I)


def is_passive(text: str, cue: tuple[int, int]) -> bool:
    """Is the cue an ask in the passive ("we were asked to", "was asked by the British for")?"""
    return _PASSIVE.match(text, cue[0], cue[1]) is not None


def passive_agent(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """Who asks in the passive: the one named after "by" in the cue ("was asked by the British for"), else
    after the last "by" earlier in the sentence ("was contacted by an officer of this High Commission, and
    was asked to reconsider"); the person named there, else the first country or body."""
    text = ext.document.text
    if not is_passive(text, cue):
        return None
    inside = _BY.search(text, cue[0], cue[1])
    earlier = list(_BY.finditer(text, sentence.start, cue[0]))
    start = inside.end() if inside else earlier[-1].end() if earlier else None
    if start is None:
        return None
    return _person_else_side(ext, Span(start, cue[1] if inside else cue[0]), last=False)


def _person_else_side(ext: Extraction, where: Span, *, last: bool) -> int | None:
    """The person named in ``where`` (the last or the first), else the first country or body there."""
    people = mentions_in(ext, where, (Kind.PERSON,))
    sides = mentions_in(ext, where, (Kind.COUNTRY, Kind.ORGANIZATION))
    return people[-1 if last else 0][0] if people else sides[0][0] if sides else None


_RELAY = re.compile(rf"\b(?:ask|asked|asking|get|got|instruct|instructed)\s+{COURTESY}$")


def relayed(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """Who passes an ask on: in "I asked Mr. Bareham to ask China Resources for agreement", Bareham asks
    China Resources (the person asked to ask, right before "to" and the cue)."""
    found = [(i, m) for i, m in ext.mentions_between(sentence.start, cue[0]) if m.kind is Kind.PERSON]
    if not found:
        return None
    index, mention = found[-1]
    text = ext.document.text
    if not re.fullmatch(r"\s+to\s+", text[mention.span.end : cue[0]]):
        return None
    return index if _RELAY.search(text, max(sentence.start, mention.span.start - 30), mention.span.start) else None


def first_found(*indices: int | None) -> int | None:
    """The first mention index that is not None (0 is a mention)."""
    return next((i for i in indices if i is not None), None)


# What carries a verb of asking on after its subject: "Head returned to the attack and persisted in seeking
# some assurance", "he tried to obtain", "went on to ask" (only lower-case words between, no clause break).
_CARRIED = re.compile(r"(?:’s|'s)?\s+(?:[a-z]+\s+){0,6}?(?:persisted|persevered|insisted|continued|tried|kept|"
                      r"went\s+on|began|attempted|sought)\s+(?:in\s+|on\s+|to\s+)?$")


def acting_subject(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """The person who goes on asking, named as the subject of a verb that carries the asking verb:
    "Head ... persisted in seeking some assurance from the Tunku" is Head's ask, whoever reports it."""
    if not _ASKING_VERB.match(ext.document.text, cue[0], cue[1]):
        return None
    found = ext.mentions_between(sentence.start, cue[0])
    if not found or found[-1][1].kind is not Kind.PERSON:
        return None
    index, mention = found[-1]
    return index if _CARRIED.fullmatch(ext.document.text, mention.span.end, cue[0]) else None


# An ask named as a noun: a request only where the side that made it is named with it (``named_side``).
_NAMED = re.compile(r"(?:request|proposal|demand|suggestion)s?(?:\s*,[^,;]{1,100},)?\s+that\b"
                    r"|(?:proposal|demand|suggestion)s?(?:\s*,[^,;]{1,100},)?\s+for\b", re.I)


def is_named(text: str, cue: tuple[int, int]) -> bool:
    """Is the cue an ask named as a noun ("request that", "proposal for")?"""
    return _NAMED.match(text, cue[0], cue[1]) is not None


def named_side(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """The side whose ask is named as a noun: "the Australian request that we should maintain the
    agreement" is Australia's, "the Soviet proposal for a conference" the Soviet Union's."""
    found = ext.mentions_between(sentence.start, cue[0])
    if not found or found[-1][1].kind not in (Kind.COUNTRY, Kind.ORGANIZATION):
        return None
    index, mention = found[-1]
    text = ext.document.text
    if text[mention.span.end : cue[0]].strip() or not re.search(r"\bthe\s+$", text[sentence.start : mention.span.start],
                                                                re.I):
        return None
    return index


def government_named(ext: Extraction, side: int) -> int | None:
    """Where ``side`` is a country whose government the record names somewhere ("the Australian Government"),
    the first mention of that government: "the Australian request" is the Australian Government's."""
    from graph.extract.institutions import government_of  # not at the top: it imports resolve, which imports extract
    from graph.resolve.gazetteer import Gazetteer

    kind, _, key = ext.mentions[side].key.partition(":")
    if kind != Kind.COUNTRY.value:
        return None
    government = government_of(Gazetteer.default(), key)
    return next((i for i, m in enumerate(ext.mentions) if government and m.key == government), None)


# An ask named as a noun with its maker after "by"/"from": "calls by the USSR for a conference", "a request from
# the Chinese side to switch the financing", "the suggestion by the British Chiefs of Staff that ..."
_NOUN_BY = re.compile(r"(?:calls?|demands?|requests?|proposals?|pleas?|suggestions?|appeals?(?=\s+by))\s+(?:by|from)\s+"
                      r"(?P<who>[^,.;:]{1,80}?)\s+(?:for|to|that)\s+$", re.I)


def is_noun_by(text: str, cue: tuple[int, int]) -> bool:
    """Is the cue an ask named as a noun with its maker after "by"/"from" ("calls by the USSR for")?"""
    return _NOUN_BY.match(text, cue[0], cue[1]) is not None


def noun_by(ext: Extraction, cue: tuple[int, int]) -> int | None:
    """The maker of an ask named after "by"/"from": the person named there, else the first country or body."""
    found = _NOUN_BY.match(ext.document.text, cue[0], cue[1])
    return _person_else_side(ext, Span(found.start("who"), found.end("who")), last=False) if found else None


def asker(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> int | None:
    """Who asks at ``cue`` when the sentence says so itself (else None: the sentence's voice asks):
    the side that made an ask named as a noun ("the Australian request that"), the agent of an ask in the
    passive ("was asked by the British to"), the maker of an ask named after "by" ("calls by the USSR for"), or a
    possessor ("Kohler's
    request"), the one a request is granted to ("at the request of"), a message's sender ("a message from
    X asking him to"), the writer ("my requests", "asked me to", "I raise this, in the hope that you can"),
    or the subject who persists in asking ("Head ... persisted in seeking")."""
    if is_noun_by(ext.document.text, cue):
        return noun_by(ext, cue)
    if is_named(ext.document.text, cue):
        return named_side(ext, sentence, cue)
    return first_found(passive_agent(ext, sentence, cue), possessor(ext, sentence, cue[0]), granted(ext, cue),
                       sender(ext, sentence, cue), relayed(ext, sentence, cue),
                       writers_request(ext, sentence, cue),
                       writers_asker(ext, sentence, cue), writers_hope(ext, sentence, cue),
                       acting_subject(ext, sentence, cue))
