""""Our Party", "your government", "the Politburo of our Party": organisations named by whose
they are. "Our" is the speaker's side, "your" the side spoken to; a side's party comes from the
affiliations the record states ("Cde. Le Duc Tho, member of the Politburo and Secretary of the
VWP CC"), its state from that party's country. Nothing is guessed where the record does not say.
"""

from __future__ import annotations

import re

from graph.extract.institutions import owned_key
from graph.resolve.gazetteer import Gazetteer
from graph.resolve.people import name_key
from graph.types import Extraction, Kind, Mention, Span

_ORGANS = {"politburo": "cc_politburo", "presidium": "cc_politburo", "cc politburo": "cc_politburo",
           "political bureau": "cc_politburo", "cc": "cc", "central committee": "cc", "secretariat": "cc_secretariat",
           "plenum": "cc_plenum", "party": "", "government": "government"}
_WORDS = (r"(?:CC\s+Politburo|Politburo|Presidium|Political\s+Bureau|Central\s+Committee|CC|Secretariat|Plenum|"
          r"Party|[Gg]overnment)")
_OUR = re.compile(rf"\b(?P<who>[Oo]ur|[Yy]our)\s+(?P<what>{_WORDS})\b")
_OF_OUR = re.compile(rf"\b(?P<what>{_WORDS})\s+of\s+(?P<who>our|your)\s+Party\b")


def find_possessives(ext: Extraction, gazetteer: Gazetteer) -> list[Mention]:
    """Organisation mentions for possessive references whose side is known."""
    text = ext.document.text
    parties = _parties_by_person(ext, gazetteer)
    found = []
    for turn_index, turn in enumerate(ext.turns):
        mine = parties.get(_surname(ext, turn.speaker) or "")
        theirs = _other_side(ext, turn_index, parties, mine)
        for pattern in (_OF_OUR, _OUR):
            for match in pattern.finditer(text, turn.span.start, turn.span.end):
                party = mine if match.group("who").lower() == "our" else theirs
                key = _organ_key(gazetteer, party, match.group("what")) if party else None
                if key:
                    span = Span(match.start(), match.end())
                    found.append(Mention(span, Kind.ORGANIZATION, span.of(text), key=key, source="possessive"))
    return _outermost(found)


def _surname(ext: Extraction, mention: int | None) -> str | None:
    return name_key(ext.mentions[mention].surface.split()[-1]) if mention is not None else None


def _other_side(ext: Extraction, turn_index: int, parties: dict[str, str], mine: str | None) -> str | None:
    """The party of the nearest speaker on another side than the speaker's."""
    for turn in [*ext.turns[turn_index + 1 :], *reversed(ext.turns[:turn_index])]:
        party = parties.get(_surname(ext, turn.speaker) or "")
        if party and party != mine:
            return party
    return None


def _parties_by_person(ext: Extraction, gazetteer: Gazetteer) -> dict[str, str]:
    """Surname -> party key, from the record's stated affiliations. A "Present" list is one
    delegation: its people without a stated party share the one party its others state."""
    out: dict[str, str] = {}
    for person, org in ext.affiliations:
        key = ext.mentions[org].key
        party = _party_of(gazetteer, key) if key in gazetteer else None
        if party:
            out.setdefault(_surname(ext, person) or "", party)
    listed = {_surname(ext, i) for i, m in enumerate(ext.mentions)
              if m.kind is Kind.PERSON and any(m.span in item for item in ext.document.participants)}
    stated = {out[s] for s in listed if s in out}
    if len(stated) == 1:
        for surname in listed:
            out.setdefault(surname or "", next(iter(stated)))
    return out


def _party_of(gazetteer: Gazetteer, kind_key: str) -> str | None:
    entry = gazetteer.get(kind_key)
    for _ in range(5):  # organ -> CC -> party
        if entry.subkind == "party":
            return entry.key
        parent = f"{Kind.ORGANIZATION.value}:{entry.parent}" if entry.parent else ""
        if parent not in gazetteer:
            return None
        entry = gazetteer.get(parent)
    return None


def _organ_key(gazetteer: Gazetteer, party: str, what: str) -> str | None:
    suffix = _ORGANS[re.sub(r"\s+", " ", what).lower()]
    if suffix == "":
        return f"{Kind.ORGANIZATION.value}:{party}"
    if suffix == "government":
        country = gazetteer.get(f"{Kind.ORGANIZATION.value}:{party}").country
        return owned_key(gazetteer, f"{Kind.COUNTRY.value}:{country}", "Government") if country else None
    organ = gazetteer.organ(party, suffix)
    return organ.id if organ else None


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """"the Politburo of our Party" wins over the "our Party" inside it."""
    return [m for m in mentions if not any(o is not m and m.span in o.span for o in mentions)]
