"""The extract stage: a Document becomes an Extraction (mentions, turns, requests, proposals).

Like a spaCy pipeline, extraction is a fixed order of named components, each reading what the
ones before it set and adding its own annotations:

>>> from graph.read.wilson_text import read
>>> doc = read("Skip to content\\n\\nMay 1, 1965\\n\\nTalk\\n\\nPresent were: Cde. A. N. Kosygin."
...            "\\n\\nA. N. Kosygin We are ready to meet in Hanoi.\\n\\nDocument Information\\n", "x")[0]
>>> ext = extract(doc)
>>> [ext.mentions[t.speaker].surface for t in ext.turns]
['A. N. Kosygin']
>>> [(ext.mentions[p.venue].surface, p.stance.value) for p in ext.proposals]
[('Hanoi', 'proposed')]
"""

from __future__ import annotations

import re

from graph.extract.facts import find_requests
from graph.extract.institutions import find_institutions, opens_longer_name
from graph.extract.lexicon import lexicon
from graph.extract.offices import known_holder, office_label
from graph.extract.people import find_people
from graph.extract.possessives import find_possessives
from graph.extract.roles import find_pairs, find_roles, record_year, silent_parties
from graph.extract.sentences import sentences
from graph.extract.speakers import Spoken, partner_of, scopes, surname, writer_met
from graph.extract.towns import find_sites, find_towns
from graph.extract.turns import Label, find_labels, turn_spans
from graph.extract.venues import find_proposals
from graph.patterns import compiled
from graph.resolve.gazetteer import Gazetteer, Match
from graph.resolve.people import PeopleAuthority, name_key
from graph.types import Document, Extraction, Kind, Mention, Span, Turn

COMPONENTS = ("gazetteer", "institutions", "people", "towns", "sites", "roles", "turns", "credits", "attendees",
              "affiliations", "possessives", "requests", "proposals")


def extract(doc: Document, *, gazetteer: Gazetteer | None = None, people: PeopleAuthority | None = None) -> Extraction:
    """Run every component over ``doc``."""
    gazetteer = gazetteer or Gazetteer.default()
    people = people or PeopleAuthority.default()
    ext = Extraction(document=doc)
    _add_gazetteer_mentions(ext, gazetteer)
    for mention in find_institutions(ext, gazetteer):
        ext.add_mention(mention)
    # no person inside a law's or a treaty's name either ("the Statute of Westminster")
    blocked = [m.span for m in ext.mentions] + [Span(s, e) for s, e in _named_things(doc.text)]
    for mention in sorted(find_people(doc, blocked, people), key=lambda m: m.span):
        ext.add_mention(mention)
    for mention in [*find_towns(ext, gazetteer), *find_sites(ext)]:
        ext.add_mention(mention)
    for role, person in find_roles(ext, people):
        ext.coref[ext.add_mention(role)] = person
    for pair, first, second in find_pairs(ext):
        index = ext.add_mention(pair)
        ext.coref[index], ext.partners[index] = first, second
    _add_turns(ext, people)
    _add_credits(ext)
    spoken = list(scopes(ext))  # every sentence with who speaks it, shared by the components below
    _add_attendees(ext, spoken)
    _add_affiliations(ext)
    for mention in find_possessives(ext, gazetteer):
        ext.add_mention(mention)
    ext.requests = find_requests(ext, spoken)
    ext.proposals = find_proposals(ext, spoken)
    return ext


def _add_gazetteer_mentions(ext: Extraction, gazetteer: Gazetteer) -> None:
    """Every gazetteer match; a name that needs context ("Paris", "Bonn") counts after a locative
    preposition, as the dateline's place ("Bonn, 22 October 1997"), or listed with places that
    need none ("Repeated to London, Paris, Saigon, and Hong Kong")."""
    text = ext.document.text
    place = ext.document.place
    named_things = _named_things(text)
    matches = [m for m in gazetteer.find(text)
               if not any(s <= m.start and m.end <= e for s, e in named_things) and not opens_longer_name(text, m)
               and not _portfolio_of_an_office(text, m)]
    plain = {(m.start, m.end) for m in matches
             if m.entry.kind in (Kind.PLACE, Kind.COUNTRY) and "require_context" not in (m.flags | m.entry.flags)}
    for n, match in enumerate(matches):
        dateline = place is not None and place.start <= match.start < place.end
        if "require_context" in (match.flags | match.entry.flags) and not (
                _capitalised_context(text, match.start) or dateline
                or _listed_with(text, match, matches[n - 1] if n else None, plain)
                or _listed_with(text, match, matches[n + 1] if n + 1 < len(matches) else None, plain)):
            continue
        source = "demonym" if match.via == "demonym" else "gazetteer"
        ext.add_mention(Mention(Span(match.start, match.end), match.entry.kind, match.surface,
                                key=match.entry.id, source=source))


# "Minister for External Affairs", "Secretary of State for Foreign Affairs": a portfolio in an office's title
_OFFICE_FOR = re.compile(r"\b(?:Ministers?|Secretary[ \t]+of[ \t]+State)[ \t]+(?:for|of)[ \t]+$")


def _portfolio_of_an_office(text: str, match: Match) -> bool:
    """A ministry's name as the portfolio of an office ("the Minister for External Affairs", "His Ministers
    of External Affairs and Defence") names the office, not the ministry."""
    return match.entry.kind is Kind.ORGANIZATION and _OFFICE_FOR.search(text, max(0, match.start - 40),
                                                                         match.start) is not None


def _named_things(text: str) -> list[tuple[int, int]]:
    """Where the text names a thing that is none of the entities whose names it holds ("the Statute of
    Westminster" is a law, not the UK Parliament; lexicon ``not_mentions``), or a treaty or a peace named
    after a place ("the Treaty of Rome", "the Congress of Vienna"; lexicon ``named_after_places``)."""
    lex = lexicon()
    found = []
    if lex.not_mentions:
        found += [(m.start(), m.end()) for m in compiled(rf"\b{lex.alternation(lex.not_mentions)}\b").finditer(text)]
    if lex.named_after_places:
        heads = lex.alternation(lex.named_after_places)
        after = compiled(rf"\b(?:{heads})[ \t]+of[ \t]+[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)?")
        found += [(m.start(), m.end()) for m in after.finditer(text)]
    return found


def _listed_with(text: str, match: Match, other: Match | None, plain: set[tuple[int, int]]) -> bool:
    """``other`` is a place needing no context, next to ``match`` in a list (", ", " and ")."""
    if other is None or (other.start, other.end) not in plain:
        return False
    first, second = sorted((match, other), key=lambda m: m.start)
    return re.fullmatch(r",?\s*(?:and|or)?\s*|,\s*", text[first.end : second.start]) is not None


def _capitalised_context(text: str, start: int) -> bool:
    """An ambiguous place name counts after a locative preposition only."""
    return bool(re.search(r"\b(?:in|at|to|from|of)\s+$", text[max(0, start - 6) : start]))


def _known_names(ext: Extraction) -> set[str]:
    strong = {"participants", "honorific", "initials", "authority", "title", "family-first", "credits", "addressee"}
    keys = set()
    for mention in ext.mentions:
        if mention.kind is Kind.PERSON and mention.source in strong:
            keys.add(name_key(mention.surface))
    return keys


def _add_turns(ext: Extraction, people: PeopleAuthority | None = None) -> None:
    doc = ext.document
    labels = find_labels(doc, _known_names(ext), [m.span for m in ext.mentions if m.kind is Kind.PERSON])
    things = {m.span for m in ext.mentions if m.kind in (Kind.COUNTRY, Kind.PLACE, Kind.ORGANIZATION)}
    labels = [label for label in labels if label.name not in things]  # "Malaysia: Defence Aspects" is a heading
    ext.reported_speech = any(label.reported for label in labels)
    for position, (label, span) in enumerate(turn_spans(doc, labels), start=1):
        speaker = _office_holder(ext, label.name, labels, people)
        speaker = _person_at(ext, label.name) if speaker is None else speaker
        ext.turns.append(Turn(position=position, label=label.name, span=span, speaker=speaker))


def _office_holder(ext: Extraction, label: Span, labels: list[Label], people: PeopleAuthority | None = None,
                   ) -> int | None:
    """A speaker labelled by office ("The Minister") that no one in the record holds by title is
    the one party the record names (title, Present list) who has no label of their own: in a
    "Record of Conversation between McNamara and Hasluck" labelled "The Minister" and "McNamara",
    the Minister is Hasluck. The label becomes a role mention standing for that person."""
    text = ext.document.text
    if office_label(label.of(text)) is None or any(
            m.kind is Kind.PERSON and m.source != "role" for _, m in ext.mentions_between(label.start, label.end)):
        return None
    existing = [i for i, m in ext.mentions_between(label.start, label.end) if i in ext.coref]
    if existing:
        return existing[0]
    doc = ext.document
    parties = [*doc.participants, *([doc.title] if doc.title else [])]
    surname = {i: _last_word(m.surface) for i, m in enumerate(ext.mentions)
               if m.kind is Kind.PERSON and m.source != "role" and any(m.span in p for p in parties)}
    labelled = {_last_word(other.name.of(text)) for other in labels if office_label(other.name.of(text)) is None}
    left = {key for key in surname.values() if key and key not in labelled}
    if len(left) > 1 and people is not None:
        offices = [o for o in (office_label(o.name.of(text)) for o in labels) if o]
        named = {key: ext.mentions[min(i for i, k in surname.items() if k == key)].surface for key in left}
        left = known_holder(office_label(label.of(text)) or "", offices, named, people, year=record_year(ext))
    if len(left) != 1:
        return None
    holder = min(i for i, key in surname.items() if key in left)
    role = ext.add_mention(Mention(label, Kind.PERSON, label.of(text), source="role"))
    ext.coref[role] = holder
    return role


def _last_word(name: str) -> str:
    words = name_key(name).split()
    return words[-1] if words else ""


def _person_at(ext: Extraction, span: Span) -> int:
    people = [(i, m) for i, m in ext.mentions_between(span.start, span.end) if m.kind is Kind.PERSON]
    for i, mention in people:
        if mention.span == span:
            return i
    if people:  # a shorter match inside the label
        return people[0][0]
    text = ext.document.text
    return ext.add_mention(Mention(span, Kind.PERSON, span.of(text), source="speaker-label"))


def _add_attendees(ext: Extraction, spoken: Spoken) -> None:
    doc = ext.document
    seen: set[int] = set()
    listed = [i for i, m in enumerate(ext.mentions)  # a Present list; the title's parties come below
              if m.kind is Kind.PERSON and any(m.span in item for item in doc.participants)
              and not (doc.title and m.span in doc.title)]
    voices = _turn_speakers(ext)
    if not listed and (not voices or ext.reported_speech):  # a telegram, a report: who speaks was there
        headings = {t.speaker for t in ext.turns} - set(voices)
        listed = [i for i in _reported_speakers(ext, spoken) if i not in headings]
    for index in [*listed, *voices, *_said_present(ext), *_writer_present(ext),
                  *_named_in_title(ext)]:
        if index not in seen:
            seen.add(index)
            ext.attendees.append(index)


def _turn_speakers(ext: Extraction) -> list[int]:
    """The labelled turns' speakers. A label that names no one the record knows as a person
    ("From: Kawase Ikkan", "Amount: $150 million", "Disarmament: ...") is a heading, unless
    the labels make a dialogue of two voices or more."""
    voices = [t.speaker for t in ext.turns]
    if len({surname(ext, i) for i in voices}) >= 2:
        return voices
    return [i for i in voices if ext.mentions[i].source != "speaker-label"]


_MEETING_TITLE = re.compile(r"\b(?:conversations?|meetings?|talks|discussions?|interview|audience|call on|"
                            r"memorandum of conversation|record of conversation)\b", re.I)


def _named_in_title(ext: Extraction) -> list[int]:
    """The people a meeting's title names: "Record of Conversation between Woolcott and Ch'iao",
    "The Chancellor's Conversation with ... Leonid Kuchma"."""
    title = ext.document.title
    if title is None or not _MEETING_TITLE.search(title.of(ext.document.text)):
        return []
    return [i for i, m in ext.mentions_between(title.start, title.end) if m.kind is Kind.PERSON]


def _said_present(ext: Extraction) -> list[int]:
    """People named in a sentence that says who was there: "Troyanovsky was present as well as
    Smirnovsky", "Australia was represented by Whitlam, Armstrong ...", "Janczewski acted as
    interpreter" (body or footnotes)."""
    lex = lexicon()
    cue = compiled(rf"\b{lex.alternation(lex.presence_cues)}", re.I)
    negation = compiled(rf"\b{lex.alternation(lex.presence_negations)}", re.I)
    doc = ext.document
    found: list[int] = []
    for block in (*doc.paragraphs, *doc.footnotes):
        for sentence in sentences(doc.text, block):
            chunk = sentence.of(doc.text)
            if cue.search(chunk) and not negation.search(chunk):
                found += [i for i, m in ext.mentions_between(sentence.start, sentence.end) if m.kind is Kind.PERSON]
    return found


def _writer_present(ext: Extraction) -> list[int]:
    """The writer, where he says in the first person that he was there: "From a 30-minute
    conversation (which I joined five minutes after it started), I note:"; and with him whom he says
    he met ("I saw Huang and his Counsellor", "I called on the Minister"). A memorandum's writer
    who only summarises ("I essentially state") or signs is not said to have been present."""
    lex = lexicon()
    if ext.writer is None or not lex.writer_presence_cues:
        return []
    cue = compiled(rf"\bI\s+(?:also\s+|then\s+|later\s+|\w+ly\s+)?{lex.alternation(lex.writer_presence_cues)}\b")
    doc = ext.document
    met = [i for p in doc.paragraphs for i in writer_met(ext, p)]
    present = met or any(cue.search(doc.text, p.start, p.end) for p in doc.paragraphs)
    return [ext.writer, *met] if present else []


def _speaks_here(ext: Extraction, index: int) -> bool:
    """Does the speaking of mention ``index`` belong to this meeting? Not inside someone's
    quotation ('(Kuchma: "Yeltsin told me that too")': what Yeltsin said elsewhere), nor in the
    past perfect ("Yeltsin had told him"): both report another occasion."""
    doc = ext.document
    span = ext.mentions[index].span
    para = next((p for p in doc.paragraphs if p.start <= span.start < p.end), None)
    if para is not None:
        before = doc.text[para.start : span.start]
        if before.count("“") > before.count("”") or before.count('"') % 2:
            return False
    return re.match(r"(?:’s|'s)?,?\s+had\s+(?:\w+ly\s+)?(?:\w+ed|told|said|spoken|made|put)\b",
                    doc.text[span.end : span.end + 40]) is None


def _reported_speakers(ext: Extraction, spoken: Spoken) -> list[int]:
    """People reported speaking ("Rapacki said ...") at this meeting (``_speaks_here``) and, where
    the writer speaks in the first person ("I told him"), the writer; nobody where the record is a
    letter or only its writer speaks."""
    if re.match(r"(?i)letter\b", ext.document.doc_type or ""):
        return []  # a letter is no meeting: only a Present list or a presence sentence says who met
    speakers = sorted({s.speaker for s, _ in spoken if s.speaker is not None and _speaks_here(ext, s.speaker)})
    speakers = sorted({*speakers, *(i for s in speakers if (i := partner_of(ext, s)) is not None)})
    writer = _last_word(ext.mentions[ext.writer].surface) if ext.writer is not None else None
    if writer is not None and all(_last_word(ext.mentions[i].surface) == writer for i in speakers):
        return []  # the writer alone ("I hope ...") is no conversation
    text = ext.document.text
    if ext.writer is not None:  # the writer's "I shall", "I passed to you": his writing, not his speaking
        speakers = [i for i in speakers if _last_word(ext.mentions[i].surface) != writer]
    if speakers and ext.writer is not None and re.search(
            r"\bI\s+(?:told|said|asked|replied|informed|stressed|pointed out|called on)\b", text):
        speakers.append(ext.writer)  # the "I" only: a co-signer (Kohler under Harriman's telegram) may be absent
    return speakers


def _add_credits(ext: Extraction) -> None:
    doc = ext.document
    for spans, target in ((doc.translators, ext.translators), (doc.contributors, ext.contributors),
                          (doc.recorders, ext.recorders)):
        for span in spans:
            target.extend(i for i, m in enumerate(ext.mentions) if m.kind is Kind.PERSON and m.span in span)
    sender = _sender(ext)
    if sender is None and not ext.recorders:
        sender = _silent_narrator(ext)
    if sender is not None and sender not in ext.recorders:
        ext.recorders.append(sender)
    ext.writer = sender if sender is not None else (ext.recorders[0] if ext.recorders else None)


_FIRST_PERSON = re.compile(r"\b(?:I\s+(?:(?:also|then|again|first|later|\w+ly)\s+)?(?:said|asked|told|replied|"
                           r"explained|pointed|mentioned|stressed|added|thought|felt|agreed|suggested|made|put|"
                           r"emphasi[sz]ed|undertook|indicated|took|did|saw|gave|drew|raised|noted|remarked|"
                           r"enquired|inquired|reminded|assured|commented|answered|recalled|observed|expressed)|"
                           r"myself)\b")


def _silent_narrator(ext: Extraction) -> int | None:
    """Who writes a record of conversation in the first person without signing it: the one party its
    title or Present list names who is never named again in its text ("Record of Conversation between
    McMahon, Green and Holdridge", then "Mr Green said ... I asked that he ..."). Only where "I" acts
    at least twice."""
    doc = ext.document
    if len(_FIRST_PERSON.findall(doc.text, doc.body.start, doc.body.end) if doc.body else []) < 2:
        return None
    silent = silent_parties(ext, beside_notes=True)  # an editor's note identifying him is not the record naming him
    return next(iter(silent.values())) if len(silent) == 1 else None


def _sender(ext: Extraction) -> int | None:
    """Who a telegram or letter is from, as its opening says: "For the President and SecState
    from Harriman.", "From: Ambassador Kohler": the name ends the line or sentence ("From Pelaez,
    I heard ..." is whom the writer heard)."""
    doc = ext.document
    for para in doc.paragraphs[:3]:
        for match in re.finditer(r"\b[Ff]rom:?\s+", doc.text[para.start : para.end]):
            start = para.start + match.end()
            people = [i for i, m in ext.mentions_between(start, min(para.end, start + 40))
                      if m.kind is Kind.PERSON]
            after = doc.text[ext.mentions[people[0]].span.end :][:2] if people else ""
            if people and re.match(r"[.;:\n]|$", after):
                return people[0]
    return None


def _add_affiliations(ext: Extraction) -> None:
    """Titles beside a name: "CPSU CC General Secretary Cde. L. I. Brezhnev",
    "Cde. Le Duc Tho, member of the Politburo and Secretary of the VWP CC"."""
    text = ext.document.text
    lex = lexicon()
    courtesy = rf"(?:\s|{lex.alternation(lex.honorifics)}\.?)*"
    title_words = rf"(?:{lex.alternation(tuple(lex.titles))}|member|candidate|head|chief|of|the|and)"
    for p, person in enumerate(ext.mentions):
        if person.kind is not Kind.PERSON:
            continue
        nearby = ext.mentions_between(max(0, person.span.start - 200), person.span.end + 200)
        for o, org in ((o, m) for o, m in nearby if m.kind is Kind.ORGANIZATION):
            gap = _gap(text, org.span, person.span)
            if gap is None:
                continue
            before = org.span.end <= person.span.start
            pattern = (rf"\s*((?:{title_words}\s*)*?)\s*{courtesy}" if before else
                       rf",\s*(?:((?:{title_words}|\w+)(?:\s+(?:{title_words}|\w+)){{0,8}}?)\s+(?:of\s+)?(?:the\s+)?)?")
            title = re.fullmatch(pattern, gap, re.I)
            if title:
                ext.affiliations.append((p, o))
                job = (title.group(1) or "").strip(" ,")
                if job and re.search(lex.alternation(tuple(lex.titles)), job):
                    ext.titles.append((p, job))


def _gap(text: str, org: Span, person: Span) -> str | None:
    """The text between an organisation and a person next to it, if short."""
    if org.end <= person.start and person.start - org.end <= 40:
        return text[org.end : person.start]
    if person.end <= org.start and org.start - person.end <= 80 and "\n" not in text[person.end : org.start]:
        return text[person.end : org.start]
    return None
