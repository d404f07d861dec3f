"""Requests: what one side asks of the other, found sentence by sentence with who speaks it
(``speakers.scopes``); the asking phrasings are ``lexicon.yaml`` ``request_patterns``."""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.anchors import anchors
from graph.extract.asked import Announced, asks, with_subject
from graph.extract.askers import (
    asker,
    government_named,
    home_voice,
    is_named,
    is_noun_by,
    is_passive,
    reporter,
    side,
)
from graph.extract.lexicon import lexicon
from graph.extract.sentences import break_start, question_from, sentences
from graph.extract.speakers import Scope, Spoken, mentions_in, scopes, surname
from graph.patterns import compiled, trie_regex
from graph.resolve.gazetteer import Gazetteer
from graph.types import Extraction, Kind, Mention, Request, Span

_CLAUSE_END = re.compile(r"[.;!?]|,\s+(?:but|because|since|as|so|inasmuch|which)\b")
_SPECIALISTS = re.compile(r"\b(?:specialists?|experts?|advis[eo]rs?|instructors?|technicians?|pilots?|crews?)\b", re.I)
_COASTAL = re.compile(r"\bcoast(?:al)?\b", re.I)
_DIPLOMATIC = re.compile(
    r"\b(?:let\b.*\bknow|inform|tell|convey|pass|advise|advice|views?|opinions?|influence|authority|support|"
    r"understand|secret|confidential|publicity|channels?|negotiat\w*|talks|recogni[sz]\w*|contacts?|"
    r"coordinate|mediat\w*|pressure|message|statement|visit|invit\w*)\b",
    re.I,
)


def find_requests(ext: Extraction, spoken: Spoken | None = None) -> list[Request]:
    """Requests in ``ext``; ``spoken`` is ``list(scopes(ext))`` where the caller has it already."""
    lex = lexicon()
    anchored = _anchored(lex.request_patterns)
    out: list[Request] = []
    announced = Announced()
    for scope, sentence in [*(spoken if spoken is not None else scopes(ext)), *_notes(ext)]:
        after = announced.after(ext.document.text, scope.span, scope.speaker, sentence)
        question = question_from(ext.document.text, sentence)
        if question == sentence.start:
            continue
        low = ext.document.text[sentence.start : sentence.end].lower()
        present = _words_present(anchored, low)
        patterns = [p for p, words in anchored if words is None or not present.isdisjoint(words)]
        if not after and not patterns:
            continue  # no pattern can match: none of the words it needs is in the sentence
        cues = [(cue, asker(ext, sentence, cue))
                for cue in _cues(ext.document.text, sentence, patterns + announced.patterns if after else patterns)
                if question is None or cue[0] < question]
        cues = [(cue, owner) for cue, owner in cues if owner is not None or not (
                is_named(ext.document.text, cue) or is_noun_by(ext.document.text, cue)
                or is_passive(ext.document.text, cue)
                or _not_asking(ext.document.text, sentence, cue) or _asked_of_the_speaker(ext, sentence, cue))]
        cues = [(cue, owner if owner is not None else reporter(ext, scope.speaker, sentence, cue))
                for cue, owner in cues]
        for n, (cue, owner) in enumerate(cues):  # "we need your aid, but we would like you to ..."
            end = cues[n + 1][0][0] if n + 1 < len(cues) else break_start(ext.document.text, question or sentence.end)
            voiced = scope if owner is None else Scope(scope.span, owner, scope.turn)
            behalf = side(ext, sentence, cue) if owner is None else None
            if owner is not None and is_named(ext.document.text, cue):  # "the Australian request that"
                behalf = government_named(ext, owner)
            if voiced.speaker is None and behalf is not None:  # a briefing paper: "The Chinese side has requested"
                voiced, behalf = Scope(scope.span, behalf, scope.turn), None
            if voiced.speaker is None:  # an unsigned cable from home: "We wish you to ..."
                voiced = Scope(scope.span, home_voice(ext, sentence, cue), scope.turn)
            if voiced.speaker is not None:
                for asked in asks(ext.document.text, sentence, cue, end):
                    out.extend(_requests_in(ext, voiced, sentence, asked, behalf))
    return with_subject(ext, _restated(ext, out))


def _notes(ext: Extraction) -> Spoken:
    """The editors' footnotes' sentences, voiced by no one: an ask counts there only where the sentence names
    who made it ("Dulles, for his part, proposed that ...", "calls by the USSR for a conference")."""
    text = ext.document.text
    return [(Scope(note, None, None), sentence)
            for note in ext.document.footnotes for sentence in sentences(text, note)]


# An object that only points back: "he was entitled to ask the British Government to agree to what he proposed".
_ANAPHORIC = re.compile(r"(?:agree\s+to\s+|accept\s+|consider\s+|do\s+)?(?:what\s+(?:he|she|we|i|they)\s+"
                        r"(?:had\s+|has\s+|have\s+)?\w+(?:\s+for)?|it|this|that|so|the\s+same)", re.I)


def _restated(ext: Extraction, requests: list[Request]) -> list[Request]:
    """Drop a request that restates one its requester made in an earlier sentence: its object only
    points back ("agree to what he proposed"), or it shares a pair of content words, not both
    capitalised (not just "British Government"), with it, and no other kind of item
    ("the principle of self determination", "let the Americans know")."""
    kept: list[Request] = []
    for request in requests:
        who = surname(ext, request.requester)
        earlier = [r for r in kept if surname(ext, r.requester) == who and r.evidence != request.evidence]
        pairs = _pairs(request.item_label)
        if earlier and _ANAPHORIC.fullmatch(request.item_label.strip()):
            continue
        if any(not (r.item_key and request.item_key and r.item_key != request.item_key)
               and pairs & _pairs(r.item_label) for r in earlier):
            continue
        kept.append(request)
    return kept


def _pairs(label: str) -> set[tuple[str, str]]:
    """Neighbouring content words (four letters or more, function words skipped) of a label."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]{3,}", label) if w.lower() not in lexicon().function_words]
    return {(a.lower(), b.lower()) for a, b in zip(words, words[1:], strict=False)
            if not (a[0].isupper() and b[0].isupper())}


# A request named rather than made ("the act setting out the request for legislation"), or one only
# supposed ("by doing this the Australian Government would be asking the British Government to ...").
_NAMED_REQUEST = re.compile(r"\b(?:the|a|an|this|that|these|those|any|such|its|their)\s+(?:\w+\s+)?$", re.I)
_SUPPOSED = re.compile(r"\b(?:would|could|might)\s+(?:\w+\s+)?be\s+$|\bif\s+(?:[\w.]+\s+){0,3}$", re.I)


# "Asked whether the cost would be prohibitive, Professor Burns said ...": the subject was asked, by someone unnamed.
_WAS_ASKED = re.compile(r"\W*(?:(?:When|On\s+being|Being)\s+)?(?=(?:asked|questioned|pressed)\s+(?:whether|if|about|"
                        r"what|how|why|when|where|for)\b)", re.I)


def _not_asking(text: str, sentence: Span, cue: tuple[int, int]) -> bool:
    opening = _WAS_ASKED.match(text, sentence.start, sentence.end)
    if opening and opening.end() == cue[0]:
        return True
    before = text[max(sentence.start, cue[0] - 60) : cue[0]]
    if re.match(r"requests?\b", text[cue[0] : cue[1]], re.I) and _NAMED_REQUEST.search(before):
        return True
    return bool(_SUPPOSED.search(before)) or _own_staff(text, cue)


def _own_staff(text: str, cue: tuple[int, int]) -> bool:
    """ "He asked his private secretary to arrange this": an order to one's own people, not a request
    to the other side (lexicon ``own_staff``)."""
    return _own_staff_regex().search(text, cue[0], cue[1]) is not None


@lru_cache(maxsize=1)
def _own_staff_regex() -> re.Pattern[str]:
    staff = lexicon().alternation(lexicon().own_staff)
    return compiled(rf"\b(?:his|her|their|its|my|our)\s+(?:\w+\s+){{0,2}}?{staff}\b", re.I)


def _asked_of_the_speaker(ext: Extraction, sentence: Span, cue: tuple[int, int]) -> bool:
    """ "He had just returned from Yalta where people constantly asked him to explain ...": in a
    sentence about "he", "asked him" is someone unnamed asking the speaker, not the speaker asking."""
    text = ext.document.text
    pronoun = re.match(r"\w+\s+(him|her)\b", text[cue[0] : cue[1]], re.I)
    if not pronoun:
        return False
    subject = "He" if pronoun.group(1).lower() == "him" else "She"
    return (re.match(rf"\W*(?:\w+\W+){{0,2}}?{subject}\b", text[sentence.start : cue[0]]) is not None
            and not mentions_in(ext, Span(sentence.start, cue[0]), (Kind.PERSON,)))


def _words_present(anchored: list[tuple[re.Pattern[str], tuple[str, ...] | None]], low: str) -> set[str]:
    """The anchor words (any pattern's) that occur in ``low``, as ``word in low`` would say for each:
    one scan of the sentence for all of them."""
    scanner, within = _anchor_scanner(tuple(anchored))
    return {w for found in set(scanner.findall(low)) for w in within[found]}


@lru_cache(maxsize=4)
def _anchor_scanner(anchored: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...]
                    ) -> tuple[re.Pattern[str], dict[str, set[str]]]:
    """A scanner trying every position (a lookahead, so matches may overlap) for the longest anchor
    word there, and each word -> the anchor words it contains (found with it at the same place)."""
    words = sorted({w for _, ws in anchored if ws for w in ws}, key=lambda w: (-len(w), w))
    scanner = compiled("(?=(" + (trie_regex(words, re.escape) if words else "(?!)") + "))")
    return scanner, {w: {v for v in words if v in w} for w in words}


@lru_cache(maxsize=4)
def _anchored(patterns: tuple[str, ...]) -> list[tuple[re.Pattern[str], tuple[str, ...] | None]]:
    """Each cue pattern with the words one of which it cannot match without (see ``anchors``):
    most sentences hold none of them, and a pattern is tried only where one of its words is."""
    return [(compiled(p, re.I), tuple(sorted(words)) if (words := anchors(p)) else None) for p in patterns]


def _cues(text: str, sentence: Span, patterns: list[re.Pattern[str]]) -> list[tuple[int, int]]:
    """(start, end) of each request cue in the sentence, left to right, not overlapping."""
    found = sorted((m.start(), m.end()) for p in patterns for m in p.finditer(text, sentence.start, sentence.end))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
        elif end > out[-1][1] and start == out[-1][0]:
            out[-1] = (start, end)
    return out


_LEAD = re.compile(r"^(?:\[?(?:you|that)\]?\s+|you,\s+[^,]{1,40},\s+|to\s+|(?:give|send|provide)\s+us\s+)+", re.I)


def _requests_in(ext: Extraction, scope: Scope, sentence: Span, asked: Span, side: int | None = None) -> list[Request]:
    """The requests asked in ``asked``, voiced by ``scope.speaker`` (for ``side``, a country or body, if
    the sentence makes it the asker)."""
    text = ext.document.text
    rest = _LEAD.sub("", text[asked.start : asked.end]).lower()
    if any(re.match(rf"{re.escape(w)}\b", rest) for w in lexicon().request_not_items) or _OURS.match(rest):
        return []
    groups = _item_groups(ext, asked)
    principal = side
    if principal is None and scope.speaker is not None and ext.mentions[scope.speaker].kind is Kind.PERSON:
        principal = _principal(ext, scope, sentence)  # a side asking speaks for no person
    base = {"requester": scope.speaker, "on_behalf_of": principal,
            "recipient": _addressee(ext, scope), "response": _response(ext, scope)}
    found: list[Request] = []
    head = _head(text, asked, groups)
    if head:
        topic = _topic(text, sentence)
        label = f"{topic} {head}".strip() if topic and topic.lower() not in head.lower() else head
        found.append(Request(evidence=sentence, item_label=label, category=_category(label, None), **base))
    for phrase, item in groups:
        words = phrase.of(text)
        found.append(Request(evidence=sentence, item_label=_clean(words), item_key=item.key, item_span=item.span,
                             category=_category(words, item.key), quantity=_quantity(words), **base))
    return _distinct(found)


# What the speaker's own side did is not asked of the other: "We need the decision about negotiations
# which we adopted ...".
_OURS = re.compile(r"(?:the|this|that|these|those|our)\s+(?:[\w-]+\s+){0,5}?(?:which|that)\s+(?:we|i)\s+"
                   r"(?:have\s+|had\s+)?(?:\w+ed|made|took|gave)\b", re.I)


def _distinct(requests: list[Request]) -> list[Request]:
    """Drop a request whose words are all in another request of the same sentence."""
    def words(r: Request) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", r.item_label.lower()) if len(w) > 2}

    return [r for r in requests
            if not any(o is not r and words(r) < words(o) or (o is not r and words(r) == words(o)
                                                             and requests.index(o) < requests.index(r))
                       for o in requests)]


def _item_groups(ext: Extraction, asked: Span) -> list[tuple[Span, Mention]]:
    """Items in what is asked for, one per noun phrase: "one regiment of MIG-17 aircraft" is
    one request for the MIG-17, not also one for "aircraft"."""
    text = ext.document.text
    groups: dict[Span, list[Mention]] = {}
    # "provide our military students ... with the appropriate equipment": the students receive, not asked for
    receivers = [Span(asked.start + m.start(1), asked.start + m.end(1))
                 for m in _RECEIVER.finditer(text[asked.start : asked.end])]
    for _, item in mentions_in(ext, asked, (Kind.ITEM,)):
        if any(item.span in r for r in receivers):
            continue
        groups.setdefault(_item_phrase(text, item.span, asked), []).append(item)
    merged: list[tuple[Span, list[Mention]]] = []
    for phrase, items in sorted(groups.items()):
        if not merged and _CONSEQUENCE.match(text, phrase.start):
            continue  # "sign the treaty and thus prevent ... nuclear weapons": a purpose, not an item
        if merged and (_SPECIFYING.fullmatch(text[merged[-1][0].end : phrase.start])
                       or _CONSEQUENCE.match(text, phrase.start)):
            merged[-1] = (Span(merged[-1][0].start, phrase.end), merged[-1][1] + items)
        else:
            merged.append((phrase, items))
    out = []
    for phrase, items in merged:
        specific = [m for m in items if re.search(r"\d", m.surface)]
        out.append((phrase, (specific or items)[0]))
    return out


_RECEIVER = re.compile(r"\b(?:provide|supply|furnish|equip)\s+((?:(?!\bwith\b)[^,;.]){1,80}?)\s+with\b", re.I)
_CONSEQUENCE = re.compile(r"\s*(?:thus|thereby|so\s+as\s+to|in\s+order\s+to|hence)\b", re.I)
_SPECIFYING = re.compile(
    r"[\s,]*(?:in\s+particular|particularly|especially|that\s+is|i\.e\.|namely|including|such\s+as)?[\s,:]*",
                         re.I)


def _head(text: str, asked: Span, groups: list[tuple[Span, Mention]]) -> str:
    """What is asked for before the first item, when it names something of its own:
    "ensure the coverage of our losses, and also ..." but not "give us new types of"."""
    first = groups[0][0].start if groups else asked.end
    head_text = text[asked.start : first]
    clause = re.search(r",\s*(?:and\s+)?(?:also\s+)?(?:to\s+|that\s+is)|;", head_text)
    if groups and clause and re.search(r"that\s+is$", clause.group(0)):
        return ""  # "the appropriate equipment, that is, give one regiment of ...": the items specify it
    if groups and clause:
        head_text = head_text[: clause.start()]
    elif groups and not _qualified_by_items(head_text):
        return ""
    head = _clean(head_text)
    content = [w for w in re.findall(r"[A-Za-z]{3,}|\d{3,}", head) if w.lower() not in lexicon().function_words]
    if len(content) == 1 and content[0].lower() in lexicon().whole_asks:
        return head  # "sought our views"
    return head if len(content) >= 2 else ""  # not "make this": a verb and a pronoun name nothing; "Agenda 2000"


def _qualified_by_items(head_text: str) -> bool:
    """Does the head name a thing of its own that the items only qualify: "press the Six now for specific
    quantitative guarantees for Australian butter and sugar" (four content words or more, then "for"/"of" and
    up to three words before the first item), unlike "give us new types of" (the items are what is asked)."""
    words = [w for w in re.findall(r"[A-Za-z]{3,}", head_text) if w.lower() not in lexicon().function_words]
    return len(words) >= 4 and re.search(r"\b(?:for|of)(?:\s+[\w-]+){0,3}\s*$", head_text) is not None


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:.“”\"")
    phrase = re.sub(r"^(?:to\s+|that\s+you\s+|\[?you\]?\s+to\s+|also\s+|us\s+)+", "", phrase, flags=re.I)
    phrase = re.sub(r"(?:,?\s+(?:that\s+is|i\.e\.|namely|and|or|also|give|to))+$", "", phrase, flags=re.I)
    return phrase[:240].strip(" ,;:")


def _topic(text: str, sentence: Span) -> str:
    """'As regards aircraft, we would ask...' -> 'aircraft'."""
    match = re.match(r"\s*(?:As\s+(?:regards|for|to)|Concerning|Regarding|(?:With|In)\s+regard\s+to)\s+([^,]{2,60}),",
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
    for index, mention in mentions_in(ext, window, (Kind.PERSON,)):
        after = text[mention.span.end : mention.span.end + 80]
        if re.match(r"(?:,[^,]{0,40},)?\s+(?:also\s+)?(?:asked|requested|instructed|wished|wants|wanted)\b", after):
            found = index
    return found if found != scope.speaker else None


def _addressee(ext: Extraction, scope: Scope) -> int | None:
    """The speaker of the nearest turn, after or before, by someone else (not the same person named again)."""
    if scope.turn is None:
        return None
    turns = ext.turns
    speaker = surname(ext, scope.speaker)
    for i in [*range(scope.turn + 1, len(turns)), *range(scope.turn - 1, -1, -1)]:
        if surname(ext, turns[i].speaker) != speaker:
            return turns[i].speaker
    return None


def _response(ext: Extraction, scope: Scope) -> Span | None:
    """The first sentence of the next turn by someone else."""
    if scope.turn is None:
        return None
    speaker = surname(ext, scope.speaker)
    for turn in ext.turns[scope.turn + 1 :]:
        if surname(ext, turn.speaker) != speaker:
            body = Span(turn.label.end, turn.span.end)
            first = sentences(ext.document.text, body)
            return first[0] if first else None
    return None
