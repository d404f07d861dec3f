"""Proposed venues: places named where the talk is of where to meet or negotiate, voiced by the
speaker of their sentence (``facts.scopes``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from graph.extract.askers import PARTICIPLE, first_found, home_voice, sender
from graph.extract.lexicon import lexicon
from graph.extract.speakers import Scope, Spoken, mentions_in, partner_of, scopes
from graph.patterns import compiled
from graph.types import Extraction, Kind, Mention, Span, Stance, VenueProposal

_LOCATIVE_GAP = re.compile(r"^(?:\s|,|\b(?:or|and|not|to|in|at|the|even|possibly|perhaps|maybe|either|also)\b)*$",
                           re.I)
_LOCATIVE = re.compile(r"\b(?:in|at|(?:go|come|travel|fly|send|invite\w*|move|transfer\w*)\s+(?:\w+\s+){0,3}?to|"
                       r"such\s+(?:countries|places|cities)\s+as|than|host(?:ed|ing)?|venue|preference\s+for|"
                       r"(?:would|will|could|should|might|must)\s+(?:\w+\s+)?be)\s*(?:the\s+)?$", re.I)
_STANCE_REJECTED = re.compile(
    r"\b(?:not|rather\s+than|instead\s+of|anywhere\s+but|unsuitable|unacceptable|ruled\s+out|rejected?)\b[^.;]*$", re.I)
_STANCE_EXAMPLE = re.compile(r"\b(?:for\s+example|for\s+instance|e\.g\.|possibly|perhaps|such\s+as|might)\b", re.I)


def find_proposals(ext: Extraction, spoken: Spoken | None = None) -> list[VenueProposal]:
    """Places named where the talk is of where to meet or negotiate. A short sentence ("Maybe
    in Yalta.", "Where, in Moscow?") borrows the context of the sentence before it."""
    text = ext.document.text
    out: list[VenueProposal] = []
    anchor: Span | None = None  # the last long sentence: short ones after it share its context
    for scope, sentence in spoken if spoken is not None else scopes(ext):
        short = len(sentence.of(text).split()) <= _SHORT
        context = Span(anchor.start, sentence.end) if anchor else sentence
        after_cue = bool(anchor) and bool(_cue_spans(text, context))
        if not short or _cue_spans(text, sentence):
            anchor = sentence
        if not (after_cue or _cue_spans(text, sentence)):
            continue
        if scope.speaker is None:  # an unsigned cable from home: "We wish you to ... in Paris"
            scope = Scope(scope.span, home_voice(ext, sentence), scope.turn)
        if scope.speaker is None:
            continue
        out.extend(_proposals_in(ext, scope, sentence, short and after_cue, after_cue))
    return out


_SHORT = 12
_DIRECT = re.compile(r"\b(?:in|at|to)\s+$", re.I)
_NEAR = 60  # characters: a venue cue this close to the place ties the place to the talk of meeting
_PAST = re.compile(r"^\s*(?:in|during)\s+(?:19|20)\d\d\b|^\s*(?:in|during)\s+(?:January|February|March|April|May|June|"
                   r"July|August|September|October|November|December)\b")
_PAST_BEFORE = re.compile(r"\b(?:during|at)\s+(?:the\s+(?:last\s+|previous\s+|recent\s+)?|"
                          r"(?:the\s+)?(?:last|previous|recent)\s+(?:year[’']s\s+)?(?:\S+\s+){0,4}?)"
                          r"(?:meeting|talks|conference|negotiations|session)s?\s+(?:\S+\s+){0,6}$", re.I)
# Talks already held are reported, not proposed: "the Chancellor had recently held talks in Kiev",
# "talks were held in Geneva".
_HELD = re.compile(r"\b(?:(?:had|has|have)\s+(?:\w+ly\s+|already\s+|just\s+)*(?:held|had|conducted)\s+"
                   r"(?:\w+\s+){0,2}(?:talks|discussions|negotiations|meetings?|conversations?)|"
                   r"(?:were|was|had\s+been)\s+held)\s+(?:\S+\s+){0,4}$", re.I)
# What follows the place says it is reported, not proposed: "In Brussels I have talked to ...", "in none of his
# discussions in Djakarta had there been ...", "at Indonesia's request" (a possessive: the place is no venue).
_REPORTED_AFTER = re.compile(r"[’']s\b|\s*,?\s*(?:(?:I|we|he|she|they)\s+(?:have|had|has)\s+\w+|(?:had|has|have)\s+"
                             r"(?:there\s+)?been\b|(?:had|has|have)\s+(?:\w+ly\s+|already\s+|just\s+)?(?:sent|received|"
                             r"reported|told|said|informed|written|cabled|passed|conveyed|delivered)\b)")
# (or what someone posted there did: "his Ambassador in Bangkok had sent a message")
_EXAMPLE = re.compile(r"\b(?:let[’']s\s+say|for\s+example|for\s+instance|e\.g\.|say)[,\s]+(?:in|at)\s+$", re.I)
# A place put first in its sentence ("For example, in Tashkent one could ...") may take its cue after it.
_FRONTED = re.compile(r"^\W*(?:(?:for\s+example|for\s+instance|let[’']s\s+say|possibly|perhaps|maybe|but|and|say|then|"
                      r"or|only)[,\s]+)*(?:in|at)\s+$", re.I)


def _cue_spans(text: str, span: Span) -> list[Span]:
    """The venue cues inside ``span``: looked up among the whole text's, found once per text."""
    starts, cues = _all_cue_spans(text)
    out: list[Span] = []
    for cue in cues[bisect_left(starts, span.start):]:
        if cue.start >= span.end:
            break
        if cue.end <= span.end:
            out.append(cue)
    return out


@lru_cache(maxsize=4)
def _all_cue_spans(text: str) -> tuple[list[int], list[Span]]:
    cues = [Span(m.start(), m.end()) for m in _venue_cue_regex().finditer(text) if not _a_post(text, m)]
    return [c.start for c in cues], cues


_POST_OWNER = re.compile(r"\b(?:our|your|their|his|her|its|the|an?)\s+$", re.I)
# approached through a post: "by approaching the Chinese Ambassador in Paris", "contact the Soviet Ambassador in"
_CHANNEL = re.compile(r"\b(?:approach\w*|contact\w*|in\s+touch\s+with|call(?:ed|ing|s)?\s+on|through|via)\s+"
                      r"(?:the|our|your|their|his|her|its)\s+(?:[A-Z][\w.’'-]*\s+){0,2}$")


def _a_post(text: str, cue: re.Match[str]) -> bool:
    """A post, not a channel: "Sugiharto, the former Indonesian Ambassador in Burma" describes a man, where
    "get in touch with our ambassador in Warsaw" and "approaching the Chinese Ambassador in Paris" name where
    contact is to be made (lexicon ``venue_post_cues``: such a cue counts only right after a determiner, or
    after a verb of contact)."""
    posts = lexicon().venue_post_cues
    return cue.group(0).lower() in posts and not _POST_OWNER.search(text, max(0, cue.start() - 8), cue.start()) \
        and not _CHANNEL.search(text, max(0, cue.start() - 80), cue.start())


@lru_cache(maxsize=1)
def _venue_cue_regex() -> re.Pattern[str]:
    return compiled(rf"\b{lexicon().alternation(lexicon().venue_cues)}\w*", re.I)


def _cue_before(cues: list[Span], place: int) -> bool:
    """A venue cue shortly before the place: "negotiations with the Americans in Moscow",
    "our ambassador in Warsaw"."""
    return any(0 <= place - c.start <= _NEAR for c in cues)


def _proposals_in(ext: Extraction, scope: Scope, sentence: Span, short: bool,
                  after_cue: bool = False) -> list[VenueProposal]:
    """Venues in one sentence. ``short``: it borrows the cue of the sentence before; ``after_cue``:
    the sentence before spoke of venues, so places it puts first or offers as examples count."""
    text = ext.document.text
    places = [(i, m) for i, m in mentions_in(ext, sentence, (Kind.PLACE, Kind.COUNTRY)) if not _adjectival(text, m)]
    cues = _cue_spans(text, sentence)
    out: list[VenueProposal] = []
    previous_end: int | None = None
    for index, mention in places:
        before = text[sentence.start : mention.span.start]
        listed = previous_end is not None and out and out[-1].evidence == sentence and \
            _LOCATIVE_GAP.match(text[previous_end : mention.span.start])
        after = text[mention.span.end : mention.span.end + 40]
        near = (short and _DIRECT.search(before)) or _cue_before(cues, mention.span.start) or \
            ((_FRONTED.match(before) or _EXAMPLE.search(before)) and (cues or after_cue)) or \
            re.search(r"such\s+(?:countries|places|cities)\s+as", before, re.I) or _WHERE_MEETING.match(after) \
            or _TO_TALK.match(after)
        past = (_PAST.match(after) or _PAST_BEFORE.search(before) or _HELD.search(before)
                or _REPORTED_AFTER.match(after) or _stationed(before))
        if (listed or (_LOCATIVE.search(before) and near)) and not past:
            stance = _stance(text, sentence, mention.span)
            if listed and stance is Stance.PROPOSED:  # "not necessarily in the Soviet Union or the United States"
                stance = out[-1].stance
            proposer = first_found(_wisher(ext, sentence, mention.span.start),
                                   _sent_by(ext, sentence, mention.span.start))
            voice = scope.speaker if proposer is None else proposer
            out.append(VenueProposal(sentence, index, voice, stance))
            joint = partner_of(ext, voice) if voice is not None else None
            if joint is not None:  # "the two Ministers urged ...": each proposes it
                out.append(VenueProposal(sentence, index, joint, stance))
            previous_end = mention.span.end
    return out


# The meeting named right after the place: "a strong preference for London, where the meeting would have ..."
_WHERE_MEETING = re.compile(r",?\s+where\s+(?:the\s+|a\s+|such\s+)?(?:\w+\s+){0,2}?(?:meeting|talks|conference|"
                            r"negotiations|summit|discussions)\b", re.I)


# Going to the place to talk: "he hoped to go to Kuala Lumpur today to talk with the Tunku"
_TO_TALK = re.compile(r"\s+(?:[\w,]+\s+){0,2}?to\s+(?:talk|meet|negotiate|confer)\b", re.I)


# A person's wish reported by the sentence's speaker: "Lee seemed keen to have talks in London", "Kosygin
# would prefer to meet in Geneva", "Head wanted the talks held in Bangkok".
_WISH = re.compile(r"\s+(?:(?:also|still|clearly|evidently|obviously|now|then)\s+)?(?:(?:seemed|was|were|is|appeared|"
                   r"seems|appears)\s+(?:(?:very|most|rather|quite)\s+)?(?:keen|anxious|eager)\s+to|wanted|wants|wished|"
                   r"wishes|would\s+(?:like|prefer)|preferred|prefers|favou?red|favou?rs|proposed|suggested)\b")


def _sent_by(ext: Extraction, sentence: Span, place: int) -> int | None:
    """The sender of a message that asks for the place: "a message from the Indonesian Ambassador, Diah,
    asking him to agree to meet Sukarno and Macapagal in Bangkok" (``askers.sender``)."""
    asking = list(PARTICIPLE.finditer(ext.document.text, sentence.start, place))
    return sender(ext, sentence, (asking[-1].start(), asking[-1].end())) if asking else None


def _wisher(ext: Extraction, sentence: Span, place: int) -> int | None:
    """The person named before ``place`` in the sentence whose wish the place is, if the sentence
    says so (``_WISH`` right after the name); the nearest such person."""
    text = ext.document.text
    found = None
    for index, mention in mentions_in(ext, Span(sentence.start, place), (Kind.PERSON,)):
        if _WISH.match(text, mention.span.end, place):
            found = index
    return found


def _stationed(before: str) -> bool:
    """"our forces in Singapore": the place is where something is kept (lexicon ``stationed_nouns``)."""
    return _stationed_regex().search(before) is not None


@lru_cache(maxsize=1)
def _stationed_regex() -> re.Pattern[str]:
    return compiled(rf"\b{lexicon().alternation(lexicon().stationed_nouns)}\s+(?:in|at)\s+(?:the\s+)?$", re.I)


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
