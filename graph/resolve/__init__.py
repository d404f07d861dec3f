"""The resolve stage: mentions become entities with stable ids.

Gazetteer mentions already carry their authority key. People are clustered within the record
(a surname or an initialled form joins the fuller name it agrees with) and each cluster is
linked to the FRUS people authority only when exactly one person fits the name and the
record's date; otherwise it stays unlinked with its candidates recorded.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from graph.extract.institutions import PREFIX as INSTITUTION
from graph.extract.institutions import UNIT
from graph.extract.lexicon import lexicon
from graph.extract.towns import SITE
from graph.resolve.gazetteer import Gazetteer
from graph.resolve.names import family_first, written_name
from graph.resolve.people import PeopleAuthority, name_key
from graph.resolve.units import join_short_forms
from graph.types import Entity, Extraction, Kind, Mention, Resolution

_PATH = {Kind.PERSON: "person", Kind.ORGANIZATION: "org", Kind.COUNTRY: "country", Kind.PLACE: "place",
         Kind.ITEM: "item"}


def resolve(ext: Extraction, *, gazetteer: Gazetteer | None = None,
            people: PeopleAuthority | None = None) -> Resolution:
    gazetteer = gazetteer or Gazetteer.default()
    people = people or PeopleAuthority.default()
    res = Resolution(extraction=ext)
    for index, mention in enumerate(ext.mentions):
        if mention.key.startswith(INSTITUTION):
            _resolve_institution(res, index, mention, gazetteer)
        elif mention.key.startswith(UNIT):  # "Second European Department": named by its own words
            entity_id = f"org/{mention.key[len(UNIT) :]}"
            res.entities.setdefault(entity_id, Entity(id=entity_id, kind=Kind.ORGANIZATION,
                                                            name=written_name(mention.surface)))
            res.entities[entity_id].alternate_names.add(mention.surface)
            res.entity_of[index] = entity_id
        elif mention.key.startswith(SITE):  # "Heathrow Airport": a place named by its own words
            entity_id = f"place/{mention.key[len(SITE) :]}"
            res.entities.setdefault(entity_id, Entity(id=entity_id, kind=Kind.PLACE, name=mention.surface))
            res.entities[entity_id].alternate_names.add(mention.surface)
            res.entity_of[index] = entity_id
        elif mention.key:
            _resolve_known(res, index, mention, gazetteer)
    _own_embassy(res, gazetteer)
    join_short_forms(res)
    _resolve_people(res, people)
    _resolve_items(res, gazetteer)
    _resolve_affiliations(res)
    return res


def _resolve_known(res: Resolution, index: int, mention: Mention, gazetteer: Gazetteer) -> None:
    entry = gazetteer.get(mention.key)
    if entry.kind is Kind.COUNTRY and (state := _state_of_nation(res, entry.key)):
        entry = gazetteer.get(f"country:{state}")  # "Germany" in 1967: the Federal Republic
    kind = Kind.PLACE if entry.territory_on(res.document.date) else entry.kind  # Singapore in 1963
    entity_id = f"{_PATH[kind]}/{entry.key}"
    entity = res.entities.get(entity_id)
    if entity is None:
        entity = Entity(id=entity_id, kind=kind, name=entry.name, category=entry.category)
        if entry.wikidata:
            entity.same_as.add(f"http://www.wikidata.org/entity/{entry.wikidata}")
        if entry.geonames:
            entity.same_as.add(f"https://sws.geonames.org/{entry.geonames}/")
        if entry.parent and entry.kind is Kind.ORGANIZATION:
            entity.parent = _add_parent(res, entry.parent, gazetteer)
        if entry.country:
            entity.country = f"country/{entry.country}"
        res.entities[entity_id] = entity
    entity.alternate_names.add(mention.surface)
    res.entity_of[index] = entity_id


def _state_of_nation(res: Resolution, nation: str) -> str | None:
    """The state a divided nation's bare name stands for in this record (lexicon ``divided_nations``)."""
    lex = lexicon()
    if not any(row[0] == nation for row in lex.divided_nations):
        return None
    named = {m.key.partition(":")[2] for m in res.extraction.mentions if m.key.startswith("country:")}
    return lex.state_of_nation(nation, res.document.year, named)


def _resolve_institution(res: Resolution, index: int, mention: Mention, gazetteer: Gazetteer) -> None:
    """ "Polish Govt" -> org/poland-government "Government of Poland"; "Embassy in Warsaw" ->
    org/embassy-in-warsaw "Embassy in Warsaw"."""
    owner_kind, owner_key, word = mention.key[len(INSTITUTION) :].split(":")
    located = owner_kind.startswith("in-")  # named by where it is ("Embassy in the Soviet Union"), not whose
    owner = gazetteer.get(f"{owner_kind.removeprefix('in-')}:{owner_key}")
    title = word.replace("-", " ").title().replace(" Of ", " of ")
    if located and owner.kind is Kind.COUNTRY:
        entity_id, name, country = f"org/{word}-in-{owner.key}", f"{title} in {owner.name}", None
    elif owner.kind is Kind.COUNTRY:
        entity_id, name, country = f"org/{owner.key}-{word}", f"{title} of {owner.name}", owner.key
    else:
        entity_id, name, country = f"org/{word}-in-{owner.key}", f"{title} in {owner.name}", owner.country
    entity = res.entities.setdefault(entity_id, Entity(id=entity_id, kind=Kind.ORGANIZATION, name=name))
    entity.country = f"country/{country}" if country else None
    entity.alternate_names.add(mention.surface)
    res.entity_of[index] = entity_id


def _own_embassy(res: Resolution, gazetteer: Gazetteer) -> None:
    """The writer's own embassy described two ways is one body: a telegram dated Moscow that names
    one embassy by its owner ("American Embassy") and one by where it is, Moscow itself ("Embassy in
    Moscow"), means one "Embassy of United States in Moscow"."""
    doc = res.document
    here = [m.key for m in res.extraction.mentions if doc.place and m.span == doc.place and m.key]
    owned = [e for e in res.entities if e.startswith("org/") and e.endswith("-embassy")]
    located = sorted(e for e in res.entities if e.startswith("org/embassy-in-"))
    if len(here) != 1 or len(owned) != 1 or not located:
        return
    town = here[0].split(":")[-1]
    host = gazetteer.get(here[0]).country or ""  # "Embassy in the Soviet Union" in a telegram from Moscow
    if not set(located) <= {f"org/embassy-in-{town}", f"org/embassy-in-{host}"}:
        return
    owner = res.entities[owned[0]]
    if owner.country is None or owner.country == f"country/{host}":
        return  # an American embassy is never in America
    where = gazetteer.get(here[0]).name
    entity_id = f"{owned[0]}-in-{town}"
    merged = Entity(id=entity_id, kind=Kind.ORGANIZATION, name=f"{owner.name} in {where}", country=owner.country,
                    alternate_names=owner.alternate_names.union(*(res.entities[e].alternate_names for e in located)))
    for old in (owned[0], *located):
        del res.entities[old]
    res.entities[entity_id] = merged
    for index, old in list(res.entity_of.items()):
        if old == owned[0] or old in located:
            res.entity_of[index] = entity_id


def _add_parent(res: Resolution, key: str, gazetteer: Gazetteer) -> str | None:
    """The parent organisation's entity id, adding it (and its own parents) so that every
    schema:parentOrganization points at a typed, named entity."""
    kind_key = f"{Kind.ORGANIZATION.value}:{key}"
    if kind_key not in gazetteer:
        return None
    entry = gazetteer.get(kind_key)
    entity_id = f"org/{entry.key}"
    if entity_id not in res.entities:
        parent = Entity(id=entity_id, kind=Kind.ORGANIZATION, name=entry.name)
        if entry.wikidata:
            parent.same_as.add(f"http://www.wikidata.org/entity/{entry.wikidata}")
        res.entities[entity_id] = parent
        if entry.parent:
            parent.parent = _add_parent(res, entry.parent, gazetteer)
    return entity_id


# ---------------------------------------------------------------------------------- people

class _Cluster:
    def __init__(self, words: list[str]) -> None:
        self.words = words  # the fullest form's words
        self.members: list[int] = []
        self.forms: set[str] = set()

    @property
    def surname(self) -> str:
        return name_key(self.words[_own_name(self.words)])

    def agrees(self, words: list[str]) -> bool:
        """Same surname, and each given name or initial agrees with this cluster's; or the name is the
        cluster's surname joined by a particle, whole or by its first part ("Couve de Murville",
        "M. Couve" and "Couve" for "Maurice Couve de Murville")."""
        own, known_own = _own_name(words), _own_name(self.words)
        if name_key(words[own]) != self.surname:
            first = _compound_first(self.words)
            return first is not None and name_key(words[-1]) == name_key(self.words[first]) and _given_agree(
                words[:-1], self.words[:first])
        keys = [name_key(w) for w in words]
        particle_first = len(words) > 1 and words[0].lower() in _JOINING  # "De Palma" for "Samuel De Palma"
        if (particle_first or _compound_first(words, lead=0) is not None) \
                and keys == [name_key(w) for w in self.words[-len(words):]]:
            return True
        return _given_agree(words[:own], self.words[:known_own])


def _given_agree(given: list[str], known: list[str]) -> bool:
    """Each given name or initial starts the known one in the same place (or is started by it)."""
    pairs = zip([name_key(w) for w in given], [name_key(w) for w in known], strict=False)
    return len(given) <= len(known) and all(k.startswith(g) or g.startswith(k) for g, k in pairs)


_JOINING = {"de", "da", "di", "du", "del", "dos", "van", "von", "der", "den", "la"}


def _compound_first(words: list[str], *, lead: int = 1) -> int | None:
    """Where a surname joined by a particle begins, when given names or initials (``lead`` of them at
    least) come before it: "Maurice Couve de Murville" -> 1. Not "Charles de Gaulle", whose "Charles" is
    a given name."""
    for n in range(lead + 1, len(words) - 1):
        if words[n] in _JOINING:
            return n - 1
    return None


def _resolve_people(res: Resolution, people: PeopleAuthority) -> None:
    mentions = res.extraction.mentions
    year = res.document.year
    persons = [(i, m, _name_words(m.surface, year)) for i, m in enumerate(mentions)
               if m.kind is Kind.PERSON and i not in res.extraction.coref]
    persons.sort(key=lambda row: (-len(row[2]), row[2][0] == "M.", row[1].span))  # "M. Lucet" after "Charles Lucet"
    # family names this record writes first, beyond the lexicon's (a credit "Kawase, Ikkan" as "Kawase Ikkan")
    families = {name_key(_words(m.surface)[0]) for _, m, _ in persons if m.source == "family-first"}
    clusters: list[_Cluster] = []
    for index, mention, words in persons:
        cluster = _find_cluster(clusters, words, families) or _misspelt(clusters, words, people)
        if cluster is None:
            cluster = _Cluster(words)
            clusters.append(cluster)
        cluster.members.append(index)
        cluster.forms.add(mention.surface)
    clusters = _join_knights(clusters, res, people)
    for cluster in clusters:
        cluster.words = _commonest_spelling(cluster, mentions)
        entity = _person_entity(cluster, people, year)
        entity = res.entities.setdefault(entity.id, entity)
        entity.alternate_names |= cluster.forms
        for index in cluster.members:
            res.entity_of[index] = entity.id
    for role, person in res.extraction.coref.items():  # "the Chancellor" is who holds the title
        if person in res.entity_of:
            res.entity_of[role] = res.entity_of[person]


def _join_knights(clusters: list[_Cluster], res: Resolution, people: PeopleAuthority) -> list[_Cluster]:
    """A knight named by his given name ("Sir Garfield", "Sir Robert" in a record that names Barwick or
    Menzies) is the one person of the record with that first given name: as written ("Garfield Barwick"),
    else, for a bare surname, as the authority knows one of the few people of that surname."""
    text, mentions = res.document.text, res.extraction.mentions
    kept = []
    for cluster in clusters:
        knighted = len(cluster.words) == 1 and all(
            text[max(0, mentions[i].span.start - 4) : mentions[i].span.start] == "Sir " for i in cluster.members)
        if not knighted:
            kept.append(cluster)
            continue
        given = name_key(cluster.words[0])
        others = [c for c in clusters if c is not cluster]
        fits = [c for c in others if len(c.words) > 1 and not _family_first(c.words) and name_key(c.words[0]) == given]
        fits = fits or [c for c in others if len(c.words) == 1 and given in _known_given(c, people, res.document.year)]
        if len(fits) == 1:
            fits[0].members += cluster.members
            fits[0].forms |= cluster.forms
        else:
            kept.append(cluster)
    return kept


def _known_given(cluster: _Cluster, people: PeopleAuthority, year: int | None) -> set[str]:
    ids = _alive(people.with_surname(cluster.words[0]), people, year)
    if len(ids) > 3:
        return set()
    return {name_key(people.get(i).forenames).split()[0] for i in ids if people.get(i).forenames}


def _commonest_spelling(cluster: _Cluster, mentions: list[Mention]) -> list[str]:
    """The fullest form as the record spells it most often: a title's "Mcnamara" (title case)
    gives way to the body's "McNamara", so records agree on the name of the IRI they share."""
    key = name_key(" ".join(cluster.words))
    in_text_order = sorted(cluster.members, key=lambda i: mentions[i].span.start)
    spellings = Counter(mentions[i].surface for i in in_text_order if name_key(mentions[i].surface) == key)
    if not spellings:
        return cluster.words
    # on a tie, not one in capitals (a shouted title's "WALLER"), then the one with more capitals
    # ("McNamara", not a title-cased "Mcnamara"), then the first
    return _words(max(spellings, key=lambda form: (spellings[form], not re.sub(r"Ma?c(?=[A-Z])", "", form).isupper(),
                                                   sum(c.isupper() for c in form))))


_PATRONYMIC = {"bin", "binti", "binte", "ibni", "ibn"}


def _own_name(words: list[str]) -> int:
    """Where the name a person goes by stands: the last word, or the word before "bin"/"ibn" in a Malay or
    Arabic name ("Suleiman bin Dato Abdul Rahman" is "Suleiman", "Abdul Razak bin Hussein" "Razak")."""
    for n, word in enumerate(words[1:], start=1):
        if word.lower() in _PATRONYMIC:
            return n - 1
    return len(words) - 1


def _words(surface: str) -> list[str]:
    return surface.replace(".", ". ").split()


def _name_words(surface: str, year: int | None) -> list[str]:
    """A name's words; a title that alone names one person that year ("Tunku") stands for the holder's name,
    less the titles the people finder leaves out too ("Tunku Abdul Rahman" is found as "Abdul Rahman")."""
    lex = lexicon()
    holder = lex.sole_title_holder(surface, year) if " " not in surface else None
    if holder is None:
        return _words(surface)
    words = _words(holder)
    while len(words) > 2 and (words[0] in lex.one_word_titles or words[0] in lex.honorifics):
        words = words[1:]
    return words


def _find_cluster(clusters: list[_Cluster], words: list[str], families: frozenset[str] | set[str] = frozenset(),
                  ) -> _Cluster | None:
    fits = [c for c in clusters if c.agrees(words)]
    if not fits and len(words) == 1:  # "Tho" for Le Duc Tho, "Giap" for Vo Nguyen Giap
        fits = [c for c in clusters if c.surname == name_key(words[0])]
        firsts = [c for c in clusters
                  if _family_first(c.words) or len(c.words) > 1 and name_key(c.words[0]) in families]
        fits += [c for c in firsts if name_key(c.words[0]) == name_key(words[0])]
    if not fits and len(words) == 2 and words[0] == "M.":  # "M. Lucet" beside "Charles Lucet": Monsieur
        fits = [c for c in clusters if c.surname == name_key(words[1])]
        fits = fits if len(fits) == 1 else []
    if not fits:
        return None
    return max(fits, key=lambda c: (len(c.members), -clusters.index(c)))


def _family_first(words: list[str]) -> bool:
    """A name written family name first ("Lee Kuan Yew", "Chou En-lai"): its first word is a family
    name of the lexicon and more words follow, none an initial."""
    return len(words) > 1 and family_first(words[0]) and not any(w.endswith(".") for w in words)


def _misspelt(clusters: list[_Cluster], words: list[str], people: PeopleAuthority) -> _Cluster | None:
    """A lone surname one slip away from the surname of someone the record names more than once
    ("Mr. Gromkyo" beside Gromyko): long surnames only, and never a surname the authority knows."""
    key = name_key(words[-1])
    if len(words) != 1 or len(key) < 6 or people.with_surname(words[-1]):
        return None
    fits = [c for c in clusters if len(c.members) >= 2 and len(c.surname) >= 6 and _one_slip(key, c.surname)]
    return fits[0] if len(fits) == 1 else None


def _one_slip(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _person_entity(cluster: _Cluster, people: PeopleAuthority, year: int | None) -> Entity:
    # an initial always with its dot ("A Snelling" and "A. Snelling" are one name in every record)
    full = " ".join(f"{w}." if len(w) == 1 and w.isupper() else w for w in cluster.words)
    ids = people.lookup(full) if len(cluster.words) > 1 else set()
    ids = _alive(ids, people, year)
    if len(ids) == 1:
        record = people.get(next(iter(ids)))
        entity = Entity(id=f"person/frus-{record.id}", kind=Kind.PERSON, name=record.name)
        entity.same_as.add(record.iri)
        if record.viaf:
            entity.same_as.add(f"http://viaf.org/viaf/{record.viaf}")
        entity.description = record.remarks[0] if record.remarks else None
        return entity
    entity = Entity(id=f"person/{_slug(full)}", kind=Kind.PERSON, name=written_name(full))
    candidates = ids or (people.with_surname(cluster.words[-1]) if len(cluster.words) == 1 else set())
    if len(candidates) <= 5:
        entity.candidates = sorted(people.get(i).iri for i in candidates)
    return entity


def _alive(ids: set[str], people: PeopleAuthority, year: int | None) -> set[str]:
    """Drop people not alive and adult in the record's year, when dates are known."""
    if year is None or len(ids) < 2:
        return ids
    kept = {i for i in ids if (people.get(i).birth_year or 0) + 16 <= year <= (people.get(i).death_year or 9999)}
    return kept or ids


def _slug(text: str) -> str:
    """
    >>> _slug("Le Duc Tho"), _slug("Gyula Kállai")
    ('le-duc-tho', 'gyula-kallai')
    """
    return re.sub(r"[^a-z0-9]+", "-", name_key(text)).strip("-") or "unnamed"


# ---------------------------------------------------------------------------------- items

def _resolve_items(res: Resolution, gazetteer: Gazetteer) -> None:
    """Each request's object is the thing asked for, in the record's words ("one regiment of
    MIG-17 aircraft"); where it is of a known type, ``type_of`` links it to that type's entity."""
    for index, request in enumerate(res.extraction.requests):
        digest = hashlib.sha256(request.item_label.lower().encode()).hexdigest()[:12]
        entity = res.entities.setdefault(
            f"item/asked-{digest}", Entity(id=f"item/asked-{digest}", kind=Kind.ITEM, name=request.item_label,
                                           category=request.category))
        if request.item_key:
            entry = gazetteer.get(request.item_key)
            kind = res.entities.setdefault(
                f"item/{entry.key}",
                Entity(id=f"item/{entry.key}", kind=Kind.ITEM, name=entry.name, category=entry.category))
            if entry.wikidata:
                kind.same_as.add(f"http://www.wikidata.org/entity/{entry.wikidata}")
            if request.item_span:
                kind.alternate_names.add(request.item_span.of(res.document.text))
            entity.type_of = kind.id
        res.item_of[index] = entity.id


def _resolve_affiliations(res: Resolution) -> None:
    ext = res.extraction
    for person, org in ext.affiliations:
        p, o = res.entity(person), res.entity(org)
        if p and o:
            p.member_of.add(o.id)
    for person, title in ext.titles:
        p = res.entity(person)
        if p:
            p.job_titles.add(title)
