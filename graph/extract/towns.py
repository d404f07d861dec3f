"""Towns the curated gazetteer leaves out, named where the text places them.

A capitalised name counts as a town (``graph/data/towns.tsv``, GeoNames cities of 15,000+ people) only
when the sentence says a place is meant: after a locative word ("talks in Baden-Baden", "the port of
Keelung", "their visit to Windsor"), or in a list with a place already found ("Kaohsiung, Keelung",
"Zabrze, Poland"). The whole capitalised run must be the town's name ("in Windsor Castle" is not Windsor,
"at Dover's house" is not Dover), and a name the people component took for a person (it runs first)
stays a person. A town of under 100,000 people counts only in a record that names its country, so the
record itself vouches for which of the world's Dovers is meant::

    >>> from graph.extract import extract
    >>> from graph.types import Document
    >>> ext = extract(Document(path="x.txt", format="plain", text="The West German Chancellor met Mr Wilson "
    ...     "in Baden-Baden, and later in Windsor Castle; he flew on to Keelung and Dover."))
    >>> [(m.surface, m.key) for m in ext.mentions if m.source == "town"]
    [('Baden-Baden', 'place:baden_baden')]
"""

from __future__ import annotations

import re

from graph.extract.lexicon import lexicon
from graph.patterns import compiled
from graph.resolve.gazetteer import Gazetteer
from graph.resolve.towns import Town
from graph.types import Extraction, Kind, Mention, Span

_WORD = r"(?:St\.[ \t]+)?[A-Z][\w'’-]*"
_JOIN = r"(?:upon|am|an|der|de|del|di|la|le|les|sur|en|on[ \t]+the)"
_RUN = rf"(?<![\w'’.-]){_WORD}(?:[ \t]+(?:{_JOIN}[ \t]+)?{_WORD})*"
_MOTION = (r"(?:visits?|visited|visiting|trips?|journey|flights?|flew|fly|flying|went|go|goes|going|gone|"
           r"travel(?:s|led|ling)?|return(?:s|ed|ing)?|came|come|comes|coming|moved?|sailed|drove|arrived|back)")
_CUE = (rf"\b(?:in|at|near|outside|via|around|{_MOTION}[ \t]+(?:to|from)|"
        r"(?:town|city|port|village|suburb|harbou?r|district)[ \t]+of)")
_PLACED = re.compile(rf"{_CUE}[ \t]+(?P<name>{_RUN})")
_LIST_AFTER = re.compile(rf"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(?P<name>{_RUN})")
_LIST_BEFORE = re.compile(rf"(?P<name>{_RUN})(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$")
SMALL = 100_000


def find_towns(ext: Extraction, gazetteer: Gazetteer) -> list[Mention]:
    """Town mentions (``Kind.PLACE``, key ``place:<town key>``) not overlapping any mention found before."""
    text = ext.document.text
    taken = sorted((m.span.start, m.span.end) for m in ext.mentions)
    countries = {m.key.split(":", 1)[1] for m in ext.mentions if m.kind is Kind.COUNTRY and m.key}
    found: dict[int, Mention] = {}

    def consider(start: int, name: str) -> Mention | None:
        end = start + len(name)
        if start in found or _overlaps(taken, start, end):
            return None
        town = _pick(gazetteer.towns.named(name), countries)
        if town is None:
            return None
        found[start] = Mention(Span(start, end), Kind.PLACE, name, key=town.entry.id, source="town")
        return found[start]

    for match in _PLACED.finditer(text):
        consider(match.start("name"), match.group("name"))
    anchors = [(m.span.start, m.span.end) for m in ext.mentions if m.kind in (Kind.PLACE, Kind.COUNTRY)]
    anchors += [(m.span.start, m.span.end) for m in found.values()]
    while anchors:
        start, end = anchors.pop()
        after = _LIST_AFTER.match(text, end)
        before = _LIST_BEFORE.search(text, max(0, start - 60), start)
        for hit in (after, before):
            town = hit and consider(hit.start("name"), hit.group("name"))
            if town:
                anchors.append((town.span.start, town.span.end))
    return [found[start] for start in sorted(found)]


def _pick(towns: tuple[Town, ...], countries: set[str]) -> Town | None:
    """The town of a country the record names, else the most populous of the name if it is not small."""
    named = [t for t in towns if t.entry.country in countries or t.nation in countries]
    if named:
        return named[0]
    return towns[0] if towns and towns[0].population >= SMALL else None


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


_LEAD = r"(?:The|At|In|To|From|On|By|Near|For|And|Of)"  # a sentence's first word, not the site's
SITE = "site:"  # a mention key: a place named by its own words ("Heathrow Airport"), resolved to place/<slug>


def find_sites(ext: Extraction) -> list[Mention]:
    """Sites named with a site word (lexicon ``site_words``): "Heathrow Airport", "Bogor Palace", "Windsor
    Castle". A place's name may open it ("London Airport"); a person's or a body's may not ("Leslie Castle").

    >>> from graph.types import Document
    >>> ext = Extraction(document=Document(path="x.txt", format="plain",
    ...     text="He flew from Heathrow Airport to the Presidential Palace; The Palace was quiet."))
    >>> [(m.surface, m.key) for m in find_sites(ext)]
    [('Heathrow Airport', 'site:heathrow-airport'), ('Presidential Palace', 'site:presidential-palace')]
    """
    words = lexicon().site_words
    if not words:
        return []
    text = ext.document.text
    pattern = compiled(rf"(?<![\w'’.-])(?!{_LEAD}\b)((?:[A-Z][\w'’-]* ){{1,3}}?)(?:{lexicon().alternation(words)})\b")
    taken = sorted((m.span.start, m.span.end) for m in ext.mentions if m.kind in (Kind.PERSON, Kind.ORGANIZATION))
    found = []
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        if not _overlaps(taken, start, end):
            slug = re.sub(r"[^a-z0-9]+", "-", match.group(0).lower()).strip("-")
            found.append(Mention(Span(start, end), Kind.PLACE, match.group(0), key=SITE + slug, source="site"))
    return found
