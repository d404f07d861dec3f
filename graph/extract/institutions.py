"""Institutions named by a country or place: "Polish Govt", "American Embassy", "Sov MFA",
"Embassy in Warsaw", "British High Commission". The institution words are data
(``lexicon.yaml`` ``institutions``); the country or place comes from the gazetteer's mentions.
Names the gazetteer already knows whole ("Soviet Government") are left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from graph.extract.lexicon import lexicon
from graph.extract.people_cues import common_word
from graph.patterns import compiled
from graph.resolve.gazetteer import Entry, Gazetteer, Match
from graph.types import Extraction, Kind, Mention, Span

PREFIX = "institution:"


def institution_key(owner_key: str, institution: str) -> str:
    """``institution:<owner kind:key>:<institution>``, e.g. ``institution:country:poland:government``.

    >>> institution_key("country:poland", "Govt")
    'institution:country:poland:government'
    """
    word = _CANONICAL.get(institution.lower(), institution.lower())
    return f"{PREFIX}{owner_key}:{re.sub(r'[^a-z]+', '-', word).strip('-')}"


_CANONICAL = {"govt": "government", "govts": "government", "foreign office": "foreign ministry",
              "ministry of foreign affairs": "foreign ministry", "consulate general": "consulate-general",
              "defence ministry": "ministry of defence", "defense ministry": "ministry of defence",
              "ministry of defense": "ministry of defence"}


def government_of(gazetteer: Gazetteer, country: str) -> str | None:
    """The curated government of a country (a top-level state body named for government), if any.

    >>> government_of(Gazetteer.default(), "drv")
    'organization:drv_government'
    """
    return _governments(gazetteer).get(country)


@lru_cache(maxsize=4)
def _governments(gazetteer: Gazetteer) -> dict[str, str]:
    # the country's government as such ("soviet_government"), not a regime's own body that has the word in its
    # name (the PRG of South Vietnam, Cambodia's GRUNK of 1970-75): "South Vietnamese Govt" is neither
    return _first_per_country(gazetteer, lambda e: e.subkind == "state body" and not e.parent
                              and e.key.endswith("_government"))


def _first_per_country(gazetteer: Gazetteer, wanted: Callable[[Entry], bool]) -> dict[str, str]:
    """Country key -> the curated organisation ``wanted`` picks, the shortest key first."""
    found: dict[str, str] = {}
    for entry in sorted(gazetteer.entries(Kind.ORGANIZATION), key=lambda e: (len(e.key), e.key)):
        if entry.country and wanted(entry):
            found.setdefault(entry.country, entry.id)
    return found


def owned_key(gazetteer: Gazetteer, owner_key: str, institution: str) -> str:
    """A curated entry where there is one ("Soviet Govt" -> the USSR's government), else an
    institution key."""
    kind, _, key = owner_key.partition(":")
    if kind == Kind.COUNTRY.value and _CANONICAL.get(institution.lower(), institution.lower()) == "government":
        return government_of(gazetteer, key) or institution_key(owner_key, institution)
    return institution_key(owner_key, institution)


def find_institutions(ext: Extraction, gazetteer: Gazetteer) -> list[Mention]:
    """Organisation mentions formed by a country/place mention and an institution word."""
    text = ext.document.text
    words = lexicon().alternation(lexicon().institutions)
    after = compiled(rf"[ \t]+({words})\b")
    embassy_in = compiled(rf"\b({words})[ \t]+(?:in|at|to)[ \t]+(?:the[ \t]+)?$")
    taken = [m.span for m in ext.mentions if m.kind is Kind.ORGANIZATION]
    found = []
    for mention in list(ext.mentions):
        if mention.kind not in (Kind.COUNTRY, Kind.PLACE) or not mention.key:
            continue
        follow = after.match(text, mention.span.end)
        lead = embassy_in.search(text, max(0, mention.span.start - 40), mention.span.start)
        if follow and mention.kind is Kind.COUNTRY:
            span, word = Span(mention.span.start, follow.end(1)), follow.group(1)
        elif lead and (mention.kind is Kind.PLACE or _LOCATED.fullmatch(lead.group(1))):
            # "Embassy in Warsaw", "Embassy in the Soviet Union", "the Government in Saigon"
            span, word = Span(lead.start(1), mention.span.end), lead.group(1)
        else:
            continue
        if any(span.overlaps(t) for t in taken):
            continue
        taken.append(span)
        key = owned_key(gazetteer, mention.key, word) if follow else located_key(mention.key, word)
        found.append(Mention(span, Kind.ORGANIZATION, span.of(text), key=key, source="institution"))
    found += _host_ministries(ext, gazetteer, taken)
    found += find_units(ext, taken) + find_bodies_of(ext, taken)
    return found + _home_bodies(ext, gazetteer, taken)  # after the longer names: "Committee of Cabinet"


# Only a mission is named by where it is: "the Government in Saigon" is the country's own.
_LOCATED = re.compile(r"(?:Embassy|High Commission|Legation|Consulate(?:[- ]General)?|Mission|Delegation|"
                      r"Trade Mission|Military Mission)", re.I)


def foreign_ministry_of(gazetteer: Gazetteer, country: str) -> str | None:
    """The curated foreign ministry of a country, if any.

    >>> foreign_ministry_of(Gazetteer.default(), "ussr")
    'organization:ussr_mfa'
    """
    return _foreign_ministries(gazetteer).get(country)


@lru_cache(maxsize=4)
def _foreign_ministries(gazetteer: Gazetteer) -> dict[str, str]:
    named = compiled(r"(?:Ministry of Foreign Affairs|Foreign Ministry)\b")
    return _first_per_country(gazetteer, lambda e: any(named.match(n) for n in (e.name, *e.aliases)))


def located_key(place_key: str, institution: str) -> str:
    """A mission named by where it is, not whose it is: ``institution:in-<kind>:<key>:<word>``.

    >>> located_key("country:ussr", "Embassy"), located_key("place:warsaw", "Embassy")
    ('institution:in-country:ussr:embassy', 'institution:in-place:warsaw:embassy')
    """
    kind, _, key = place_key.partition(":")
    return institution_key(f"in-{kind}:{key}", institution)


def _host_ministries(ext: Extraction, gazetteer: Gazetteer, taken: list[Span]) -> list[Mention]:
    """A foreign ministry named without its country ("MFA", "FonMin", "the Foreign Ministry") in a
    record dated from a place abroad is the host country's: a telegram from Moscow means the Soviet
    one. Not in a record dated at home (the archive's own country, ``lexicon.yaml``
    ``archive_countries``), and not "FonMin" as a title ("FonMin Rapacki")."""
    doc = ext.document
    host = dateline_country(ext, gazetteer)
    if host is None or host == lexicon().archive_country(doc.format):
        return []
    text, found = doc.text, []
    for match in re.finditer(rf"\b(?:{lexicon().alternation(lexicon().bare_foreign_ministries)})\b", text):
        span = Span(match.start(), match.end())
        title_use = _NAME_AFTER.match(text, span.end) and not _TITLE_BEFORE.search(text, 0, span.start)
        if any(span.overlaps(t) for t in taken) or title_use:
            continue
        taken.append(span)
        owner = f"{Kind.COUNTRY.value}:{host}"
        key = foreign_ministry_of(gazetteer, host) or institution_key(owner, "Foreign Ministry")
        found.append(Mention(span, Kind.ORGANIZATION, span.of(text), key=key, source="institution"))
    return found


def dateline_country(ext: Extraction, gazetteer: Gazetteer) -> str | None:
    """The country of the record's dateline place, where the gazetteer knows it."""
    place = ext.document.place
    keys = [m.key for m in ext.mentions if place and m.span == place and m.key]
    if len(keys) != 1:
        return None
    entry = gazetteer.get(keys[0])
    return entry.key if entry.kind is Kind.COUNTRY else entry.country


def national_body(gazetteer: Gazetteer, country: str, word: str) -> str | None:
    """The curated state body of ``country`` that ``word`` names alone there ("Cabinet" in Canberra is the
    Australian Cabinet, "Congress" in Washington the United States Congress), if one.

    >>> national_body(Gazetteer.default(), "australia", "Cabinet")
    'organization:au_cabinet'
    """
    return _national_bodies(gazetteer, word).get(country)


@lru_cache(maxsize=16)
def _national_bodies(gazetteer: Gazetteer, word: str) -> dict[str, str]:
    return _first_per_country(gazetteer, lambda e: e.subkind == "state body" and any(
        n.endswith(f" {word}") for n in (e.name, *e.aliases)))


# A capitalised word before the body's word makes another body's name ("Sato Cabinet", "Shadow Cabinet"), unless
# it only opens the sentence or the title ("The Cabinet", "MINUTE GORTON TO CABINET").
_NAMED_BEFORE = re.compile(r"\b(?!(?i:the|a|this|that|to|in|at|by|of|for|and|from|with)\b)[A-Z][\w'’-]*[ \t]+$")


def _home_bodies(ext: Extraction, gazetteer: Gazetteer, taken: list[Span]) -> list[Mention]:
    """A state body named by its word alone ("Cabinet", "Parliament", "Congress"; ``lexicon.yaml``
    ``bare_national_bodies``) is the one of the country the record is dated in. Not as part of another
    name ("Cabinet Office", "Sato Cabinet")."""
    country = dateline_country(ext, gazetteer)
    words = lexicon().bare_national_bodies
    if country is None or not words:
        return []
    text, found = ext.document.text, []
    capitals = lexicon().alternation(tuple(w.upper() for w in words))
    pattern = compiled(rf"\b({lexicon().alternation(words)}|{capitals})\b")
    for match in pattern.finditer(text):
        span = Span(match.start(), match.end())
        key = national_body(gazetteer, country, match.group(1).capitalize())
        if key is None or any(span.overlaps(t) for t in taken) or _NAME_AFTER.match(text, span.end) \
                or _NAMED_BEFORE.search(text, max(0, span.start - 30), span.start):
            continue
        taken.append(span)
        found.append(Mention(span, Kind.ORGANIZATION, span.of(text), key=key, source="institution"))
    return found


# A capitalised word right after, and none right before: the word is a title there ("I saw FonMin
# Rapacki"), not in "DirGen FonMin Michalowski" (an official of the ministry). People are found
# after institutions, so this looks at the text.
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_TITLE_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[ \t]+$")


UNIT = "unit:"
_DETERMINERS = "The|A|An|This|That|These|Those|Our|Your|His|Her|Their|Its"
# A word that may open a unit's name only as something else: "Head Second European Department", "Under Section 51".
_NOT_LEAD = re.compile(rf"(?:{_DETERMINERS}|Each|Every|Head|Chief|Under|In|At|Of|From|To|By|For|With|And|High)$")
# A body's name starts after these wherever they stand: "Andropov Our Party" is no party's name.
_DETERMINER = re.compile(rf"(?:{_DETERMINERS})$")
_WORD = r"[A-Z][A-Za-z'’-]+"  # a capitalised word of a body's name


def find_units(ext: Extraction, taken: list[Span]) -> list[Mention]:
    """Named units of a ministry or office: "Second European Department", "South-West Pacific
    Department", "Post Liaison and Guidance Section" (the unit words are ``lexicon.yaml``
    ``sub_units``; never a numbered section of a law: "Section 51")."""
    text = ext.document.text
    pattern = compiled(rf"\b((?:{_WORD}[ \t]+(?:and[ \t]+)?){{1,4}})({lexicon().alternation(lexicon().sub_units)})\b"
                         rf"(?![ \t]*(?:\d|[IVX]+\b|of\b))(?!(?<=Association)[ \t]+with\b)")
    found = []
    for match in pattern.finditer(text):
        # "the Foreign and Commonwealth Office South-West Pacific Department": the unit starts after
        # the organisation (or person) named before it
        owners = [t.end for t in taken if match.start(1) <= t.end <= match.start(2)]
        owners += [m.span.end for _, m in ext.mentions_between(match.start(1), match.start(2))
                   if m.kind in (Kind.ORGANIZATION, Kind.PERSON)]
        start = _name_start(text, max(owners, default=match.start(1)), match.start(2))
        if start is None or (_in_heading(text, start) and common_word(text, text[start:].split()[0])):
            continue  # "Future Association with ..." heads a section: no body's name
        span = Span(start, match.end(2))
        if span.of(text) not in lexicon().not_units and not any(span.overlaps(t) for t in taken):
            found.append(_unit(text, span, taken))
    return found


def opens_longer_name(text: str, match: Match) -> bool:
    """Is ``match`` the first words of a longer name? A one-word organisation's name opening a body's
    ("Commonwealth Parliamentary Association", "Politburo Standing Committee", "Commonwealth Bureau of
    Meteorology": ``find_units`` and ``find_bodies_of`` take those) or an event's ("the Commonwealth
    Prime Ministers' Conference" is a meeting, not a mention of the Commonwealth); a region's name opening
    a unit's ("Pacific and Americas Branch", "South-East Asia Department": no place is talked of there); a
    region's adjective before a capitalised word ("East Asian Affairs"): a name's, not the region's."""
    entry = match.entry
    if entry.kind is Kind.ORGANIZATION and match.surface.isalpha() and not match.surface.isupper():
        return _longer_name(body_or_event=True).match(text, match.end) is not None
    if entry.kind is Kind.PLACE and match.via == "demonym":  # "Bureau of East Asian Affairs"
        return re.match(r"[ \t]+[A-Z]", text[match.end : match.end + 3]) is not None
    if entry.kind is Kind.PLACE and entry.subkind not in ("city", "site"):
        return _longer_name(body_or_event=False).match(text, match.end) is not None
    return False


_EVENTS = ("Conference", "Meeting", "Summit")


@lru_cache(maxsize=2)
def _longer_name(*, body_or_event: bool) -> re.Pattern[str]:
    """The rest of a longer name after its first words: up to three capitalised words, then a unit's head
    word (``sub_units``), or also a body's or an event's (``bodies_of``, ``_EVENTS``); built once per kind
    (the gazetteer asks for every match)."""
    lex = lexicon()
    heads = (*lex.sub_units, *lex.bodies_of, *_EVENTS) if body_or_event else lex.sub_units
    return compiled(rf"[ \t]+(?:and[ \t]+)?(?:{_WORD}[ \t]+(?:and[ \t]+)?){{0,3}}(?:{lex.alternation(heads)})\b"
                    rf"(?![ \t]*(?:\d|[IVX]+\b))")


def _owner(text: str, word: str) -> bool:
    """Is ``word`` a proper name in the possessive ("Holyoake's", "Singapore's")? Not an office
    ("Prime Minister's Department") nor a common noun ("People's Party", "Servicemen's League")."""
    name = re.fullmatch(r"(.+?)['’]s", word)
    if name is None:
        return False
    last = name.group(1).split("-")[-1]
    if re.search(r"(?:men|People|Children)$", last):  # plurals without -s: "Servicemen's League"
        return False
    return last not in lexicon().titles and name.group(1) not in lexicon().titles and not common_word(text, last)


_MINOR_WORD = re.compile(r"(?:a|an|the|and|or|of|for|to|in|on|with|by|at|from)$")


def _in_heading(text: str, pos: int) -> bool:
    """Is ``pos`` on a heading inside the record: a line in title case, not a list of names, not the
    record's own title ("Future Association with British-Malaysian Defence Treaty")? Its capitals are
    the heading's, not names'."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : len(text) if end < 0 else end].strip()
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    lower = [w for w in words if w[0].islower() and not _MINOR_WORD.match(w)]
    return start > 0 and len(words) >= 3 and not lower and "," not in line and not line.endswith(".")


def _name_start(text: str, start: int, head: int) -> int | None:
    """Where a body's name starts among the words from ``start`` to its head word: not at "The",
    "Head", "Under", "and" ... (``_NOT_LEAD``); None if no word is left."""
    words = list(re.finditer(r"\S+", text[start:head]))
    owners = [i for i, w in enumerate(words)
              if _owner(text, w.group(0)) or _DETERMINER.match(w.group(0)) or re.fullmatch(r"['’]s?", w.group(0))]
    if owners:  # "Keith Holyoake's National Party", "Andropov Our Party": the name starts after its owner
        words = words[owners[-1] + 1 :]
    while words and (_NOT_LEAD.match(words[0].group(0)) or words[0].group(0) == "and"):
        words.pop(0)
    return start + words[0].start() if words else None


def _unit(text: str, span: Span, taken: list[Span]) -> Mention:
    """An organisation named by its own words (one IRI per name), marked as taken."""
    slug = re.sub(r"[^a-z0-9]+", "-", span.of(text).lower()).strip("-")
    taken.append(span)
    return Mention(span, Kind.ORGANIZATION, span.of(text), key=f"{UNIT}{slug}", source="unit")


def find_bodies_of(ext: Extraction, taken: list[Span]) -> list[Mention]:
    """Bodies named "<head> of <capitalised words>": "Ministry of Economic Affairs", "Department of
    Minerals and Energy", "Export-Import Bank of Japan", "Commission of Historians" (the head words are
    ``lexicon.yaml`` ``bodies_of``). Names the gazetteer or another rule took are left to it."""
    text = ext.document.text
    pattern = compiled(rf"\b((?:{_WORD}[ \t]+){{0,3}})({lexicon().alternation(lexicon().bodies_of)})[ \t]+of[ \t]+"
                         rf"(?:the[ \t]+)?{_WORD}(?:[ \t]+(?:(?:and|&)[ \t]+)?{_WORD}){{0,3}}")
    found = []
    for match in pattern.finditer(text):
        owners = [m.span.end for _, m in ext.mentions_between(match.start(1), match.start(2))]
        start = _name_start(text, max(owners, default=match.start(1)), match.start(2))
        span = Span(match.start(2) if start is None else start, match.end())  # after "Australian": the body
        if re.search(r"\b[A-Z][a-z]{0,2}$", match.group(0)) and text[match.end() : match.end() + 1] == ".":
            continue  # "the Court of St. James": cut at an abbreviation
        if not any(span.overlaps(t) for t in taken) and not ext.mentions_between(span.start, span.end):
            found.append(_unit(text, span, taken))
    return found
