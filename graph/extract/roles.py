"""Roles that stand for a person named elsewhere in the record: "the Chancellor", "The
Secretary said", "the Foreign Minister". A role refers to the one person the record gives that
title ("Chancellor Kohl", "Ambassador Foy D. Kohler", "John C. Guthrie, Minister-Counselor");
where no one or several people hold it, it is left alone.
"""

from __future__ import annotations

import re
from collections import Counter

from graph.extract.lexicon import lexicon
from graph.extract.offices import authority_offices, office_key, sole_holder
from graph.extract.sentences import sentences
from graph.extract.speakers import AND, COURTESY
from graph.patterns import compiled
from graph.resolve.names import family_first
from graph.resolve.people import PeopleAuthority, name_key
from graph.types import Extraction, Kind, Mention, Span


def person_titles(ext: Extraction) -> dict[int, set[str]]:
    """Titles written beside each person mention: before the name, or after a comma."""
    text = ext.document.text
    lex = lexicon()
    titles = lex.alternation(tuple(lex.titles))
    # "Chancellor Kohl", "Ambassador Mr. Foy Kohler", "The Chancellor's [Helmut Kohl's]"
    before = compiled(rf"\b({titles})(?:[’']s)?[ \t]+\[?(?:(?:{lex.alternation(lex.honorifics)})\.?[ \t]+)?$"
                        rf"|\b({titles})(?:[’']s)?[ \t]*\[$")
    after = compiled(rf"[ \t]*[,(][ \t]*(?:[\w-]+[ \t]+)?((?:[\w]+-)?{titles})\b")
    # a list line "Minister for External Affairs: The Honourable Paul Hasluck"
    listed = compiled(rf"^[ \t]*({titles})\b[^\n:]{{0,60}}:[ \t]*(?:The[ \t]+Hono(?:u)?rable[ \t]+)?"
                        rf"(?:(?:{lex.alternation(lex.honorifics)})\.?[ \t]+)?$", re.MULTILINE)
    found: dict[int, set[str]] = {}
    for index, mention in enumerate(ext.mentions):
        if mention.kind is not Kind.PERSON:
            continue
        lead = before.search(text, max(0, mention.span.start - 40), mention.span.start)
        line = listed.search(text, text.rfind("\n", 0, mention.span.start) + 1, mention.span.start)
        tail = after.match(text, mention.span.end)
        for match in (lead, line, tail):
            if match:
                found.setdefault(index, set()).add(office_key(next(g for g in match.groups() if g)))
        if _CHAIR_AFTER.match(text, mention.span.end) or _CHAIR_BEFORE.search(
                text, max(0, mention.span.start - 40), mention.span.start):
            found.setdefault(index, set()).add("chairman")
    return found


# Who chairs a meeting is its Chairman: "Senator Cormack in the Chair", "chaired by Mr Renouf".
_CHAIR_AFTER = re.compile(r"[ \t]+(?:was[ \t]+)?in[ \t]+the[ \t]+[Cc]hair\b")
_CHAIR_BEFORE = re.compile(r"\b(?:chaired|presided\s+over)\s+by\s+(?:(?:Mr|Mrs|Dr|Sir|Senator)\.?\s+)?$")


def find_roles(ext: Extraction, people: PeopleAuthority | None = None) -> list[tuple[Mention, int]]:
    """Role mentions with the person mention each refers to; ``people`` (the authority) tells which
    of the record's silent parties held an office the text gives no one."""
    text = ext.document.text
    lex = lexicon()
    titles = lex.alternation(tuple(t for t in lex.titles if t[0].isupper()))
    # "the Federal Chancellor" is the Chancellor (lexicon ``title_qualifiers``: words that change no office)
    qualifier = rf"(?:{lex.alternation(lex.title_qualifiers)}[ \t]+)?" if lex.title_qualifiers else ""
    pattern = compiled(rf"\b[Tt]he[ \t]+{qualifier}({titles})\b(?![ \t]+[A-Z][a-z])")
    holders: dict[str, set[int]] = {}
    for index, titles_of in person_titles(ext).items():
        for title in titles_of:
            holders.setdefault(title, set()).add(index)
    present = {i for i, m in enumerate(ext.mentions)
               if m.kind is Kind.PERSON and any(m.span in item for item in ext.document.participants)}
    matches = list(pattern.finditer(text))
    # A role is not the person its own sentence names beside it: "Mr. Gromyko said that he was glad
    # to meet the Minister", "The Minister asked whether Mr. Gromyko felt ..."
    not_them: dict[str, set[str]] = {}
    for match in matches:
        not_them.setdefault(office_key(match.group(1)), set()).update(_named_beside(ext, match))
    out = []
    fallback = _silent_party_role(ext, matches, holders)
    if people is not None:
        fallback = {**_offices_known(ext, matches, holders, people), **fallback}
    for match in matches:
        key = office_key(match.group(1))
        people = holders.get(key, set()) or fallback.get(key, set())
        people = (people & present) or people  # a title held by someone present wins
        surnames = {_surname(ext, i) for i in people}
        if len(surnames) > 1:  # several hold it: the one never named beside the role
            people = {i for i in people if _surname(ext, i) not in not_them.get(key, set())}
            surnames = {_surname(ext, i) for i in people}
        if len(surnames) == 1:  # one person holds the title (however often named)
            span = Span(match.start(), match.end())
            out.append((Mention(span, Kind.PERSON, span.of(text), source="role"), min(people)))
    return out


_PAIR_NOUNS = ("leaders", "men", "statesmen")


def find_pairs(ext: Extraction) -> list[tuple[Mention, int, int]]:
    """"The two Ministers" (or "the two leaders", "both Prime Ministers") standing for the two people
    named together just before in the paragraph ("Messrs. McMahon and Fraser"): each with the first
    and the second. Not after a longer list ("Lee, Goh and Toh"): which two is then unclear."""
    text = ext.document.text
    lex = lexicon()
    plurals = lex.alternation((*(f"{t}s" for t in lex.titles if t[0].isupper()), *_PAIR_NOUNS))
    pattern = compiled(rf"\b(?:[Tt]he[ \t]+two|[Bb]oth(?:[ \t]+the)?)[ \t]+(?:{plurals})\b")
    out = []
    for para in ext.document.paragraphs:
        for match in pattern.finditer(text, para.start, para.end):
            pair = _pair_before(ext, Span(para.start, match.start()))
            if pair is not None:
                span = Span(match.start(), match.end())
                out.append((Mention(span, Kind.PERSON, span.of(text), source="role"), *pair))
    return out


def _pair_before(ext: Extraction, span: Span) -> tuple[int, int] | None:
    """The last two people in ``span`` named as "X and Y", if no third is listed with them."""
    people = [i for i, m in ext.mentions_between(span.start, span.end) if m.kind is Kind.PERSON]
    text = ext.document.text
    for n in range(len(people) - 2, -1, -1):
        first, second = people[n], people[n + 1]
        if re.fullmatch(AND, text[ext.mentions[first].span.end : ext.mentions[second].span.start]):
            listed = n > 0 and re.fullmatch(rf",\s*{COURTESY}",
                                            text[ext.mentions[people[n - 1]].span.end : ext.mentions[first].span.start])
            return None if listed else (ext.coref.get(first, first), ext.coref.get(second, second))
    return None


def silent_parties(ext: Extraction, also_named: set[str] | frozenset[str] = frozenset(), *,
                   beside_notes: bool = False) -> dict[str, int]:
    """Surname key -> first mention of each party (title or Present list) whose surname the text never
    names again outside them (nor in ``also_named``; with ``beside_notes``, nor only in the editors'
    footnotes, "1 Gordon Jockel, Assistant Secretary"): in a "Record of Conversation between McMahon,
    Green and Holdridge" that then speaks only of "Mr Green", McMahon and Holdridge."""
    doc = ext.document
    parties = [*doc.participants, *([doc.title] if doc.title else [])]
    persons = [(i, m) for i, m in enumerate(ext.mentions) if m.kind is Kind.PERSON and m.source != "role"]
    notes = doc.footnotes if beside_notes else []
    named = {_surname_key(m.surface) for _, m in persons
             if not any(m.span in p for p in parties) and not any(m.span in n for n in notes)} | also_named
    silent: dict[str, int] = {}
    for i, m in persons:
        if any(m.span in p for p in parties) and not _family_keys(m.surface) & named:
            silent.setdefault(_surname_key(m.surface), i)
    return silent


def _surname_key(name: str) -> str:
    words = name_key(name).split()
    return words[-1] if words else ""


def _family_keys(name: str) -> set[str]:
    """The words a person may be named by alone: the last, and the first of a name written family name
    first ("Lee Kuan Yew" is "Mr. Lee")."""
    words = name_key(name).split()
    return {words[-1], *([words[0]] if len(words) > 1 and family_first(words[0]) else [])} if words else {""}


def _silent_party_role(ext: Extraction, matches: list[re.Match[str]],
                       holders: dict[str, set[int]]) -> dict[str, set[int]]:
    """The record's own principal, named only as a party and then by office: in a "Record of Conversation
    between Tunku Abdul Rahman and Hasluck" whose text says "The Minister asked the Tunku ...", the
    Minister is Hasluck, the one party the text never names again, by name or by an office it gives him
    ("the Tunku" is Tunku Abdul Rahman). Only for the office the record uses most (twice at least, and
    more than any other no one holds by name)."""
    used = {office_key(match.group(1)) for match in matches}
    by_office = {_surname_key(ext.mentions[i].surface) for key in used for i in holders.get(key, set())}
    silent = silent_parties(ext, by_office)
    unheld = Counter(key for match in matches if not holders.get(key := office_key(match.group(1))))
    ranked = unheld.most_common(2)
    if len(silent) != 1 or not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return {}
    return {ranked[0][0]: set(silent.values())}


def _offices_known(ext: Extraction, matches: list[re.Match[str]], holders: dict[str, set[int]],
                   people: PeopleAuthority) -> dict[str, set[int]]:
    """Offices the text gives no one, each held by one of the record's silent parties by the people
    authority's account: in a "Record of Conversation between Whitlam and James" that then says only
    "The High Commissioner said" and "The Prime Minister agreed", the authority knows a James who was a
    High Commissioner and a Whitlam who was Prime Minister. Only offices that speak in the record ("The
    High Commissioner said"), and only when no other silent party is known to have held the office."""
    speech = compiled(rf"\s+(?:then\s+|also\s+)?(?:{lexicon().alternation(lexicon().speech_verbs)})\b")
    unheld = {office_key(match.group(1)) for match in matches
              if not holders.get(office_key(match.group(1))) and speech.match(ext.document.text, match.end())}
    doc = ext.document
    if not (doc.participants or doc.title and re.search(r"\bbetween\b", doc.title.of(doc.text), re.I)):
        return {}  # not a meeting's parties: a letter's writer and addressee ("MESSAGE, WILSON TO MENZIES")
    silent = silent_parties(ext)
    if not unheld or len(silent) < 2:
        return {}
    year = record_year(ext)
    held_by = {key: authority_offices(people, ext.mentions[i].surface, year=year) for key, i in silent.items()}
    out = {}
    for office in unheld:
        holder = sole_holder(office, held_by)
        if holder is not None:
            out[office] = {silent[holder]}
    return out


def record_year(ext: Extraction) -> int | None:
    """The record's year, for the offices people held then."""
    return ext.document.year


def _surname(ext: Extraction, index: int) -> str:
    return ext.mentions[index].surface.split()[-1]


def _named_beside(ext: Extraction, match: re.Match[str]) -> set[str]:
    """Surnames of the people named in the role's sentence, other than in apposition to it
    ("The Minister, Mr. Hasluck, said")."""
    text = ext.document.text
    para = next((p for p in ext.document.paragraphs if p.start <= match.start() < p.end),
                Span(max(0, match.start() - 300), min(len(text), match.end() + 300)))
    sentence = next((s for s in sentences(text, para) if s.start <= match.start() < s.end), para)
    out = set()
    for _, mention in ext.mentions_between(sentence.start, sentence.end):
        if mention.kind is not Kind.PERSON or mention.source == "role":
            continue
        if re.fullmatch(r"[\s,(]*(?:\w+\.?\s+)?", text[match.end() : mention.span.start]):
            continue  # apposition
        out.add(mention.surface.split()[-1])
    return out
