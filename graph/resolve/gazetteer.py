"""The curated gazetteer: countries, places, organizations and item kinds, and a fast text scanner.

The data lives in ``graph/data/{countries,places,organizations,items}.yaml`` (see each file's header
for its fields); users add their own YAML files with the same schema::

    >>> gz = Gazetteer.default()
    >>> gz.get("country:drv").name
    'Democratic Republic of Vietnam'
    >>> [(m.surface, m.entry.key, m.via) for m in gz.find("The Soviets and the Warsaw Pact met in Hanoi.")]
    [('Soviets', 'ussr', 'demonym'), ('Warsaw Pact', 'warsaw_pact', 'alias'), ('Hanoi', 'hanoi', 'name')]

``find`` scans left to right, longest match first, without overlaps, using one regular expression
compiled (once) from a character trie of every surface form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

from graph.patterns import plain_char, trie_regex
from graph.types import Kind

if TYPE_CHECKING:
    from graph.resolve.towns import Towns

Via = Literal["name", "alias", "demonym", "pattern"]
CATEGORIES = frozenset(
    {"aircraft", "missile", "radar/electronic equipment", "specialists", "coastal defence", "diplomatic action",
     "other"}
)
DEFAULT_FILES = ("countries.yaml", "organizations.yaml", "places.yaml", "items.yaml")
FILE_KINDS = {"countries": Kind.COUNTRY, "places": Kind.PLACE, "organizations": Kind.ORGANIZATION,
              "items": Kind.ITEM}
KIND_RANK = {Kind.COUNTRY: 0, Kind.ORGANIZATION: 1, Kind.PLACE: 2, Kind.ITEM: 3, Kind.PERSON: 4}
VIA_RANK = {"name": 0, "alias": 1, "demonym": 2, "pattern": 3}
APOSTROPHES = "'\u2019\u2018\u02bc"
DESIGNATION = re.compile(r"^([A-Za-z]{1,4})[-\u2013 ]?(\d{1,3}[A-Za-z]{0,2})$")


@dataclass(frozen=True)
class Entry:
    """One curated entity. ``subkind`` is the file's ``kind`` field (city, party, ...)."""

    key: str
    kind: Kind
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    geonames: str | None = None
    iso: str | None = None
    country: str | None = None
    parent: str | None = None
    category: str | None = None
    subkind: str | None = None
    historical: bool = False
    flags: frozenset[str] = frozenset()  # "ambiguous", "require_context"
    demonyms: tuple[str, ...] = ()
    context_aliases: frozenset[str] = frozenset()
    pattern: str | None = None
    sovereign_from: str | None = None  # ISO date a colony became a state (countries only)

    @property
    def id(self) -> str:
        """``kind:key``, the argument of :meth:`Gazetteer.get`."""
        return f"{self.kind.value}:{self.key}"

    def territory_on(self, date: str | None) -> bool:
        """Was this country a colony or trust territory (a place) on ``date``?

        >>> Gazetteer.default().get("country:singapore").territory_on("1963-01-17")
        True
        >>> Gazetteer.default().get("country:singapore").territory_on("1966-04-19")
        False
        """
        return bool(self.sovereign_from and date and date[:10] < self.sovereign_from)


@dataclass(frozen=True)
class Match:
    """A span ``[start, end)`` of the scanned text naming ``entry``."""

    start: int
    end: int
    entry: Entry
    surface: str
    via: Via
    alternatives: tuple[Entry, ...] = ()  # other entries with the same surface form (homonyms)
    flags: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class OrganSuffix:
    """How a party's organ is named: ``words`` that follow a party ("CC", "Politburo")."""

    key: str
    of: str
    name: str
    words: tuple[str, ...]
    forms: tuple[str, ...]


@dataclass(frozen=True)
class _Cand:
    entry: Entry
    via: Via
    derived: bool  # a case or spelling variant rather than the form as written
    context: bool  # a context alias


def fold(text: str) -> str:
    """Strip accents: ``fold("Kraków") == "Krakow"``."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalize(surface: str) -> str:
    """Collapse whitespace, straighten apostrophes and en dashes, as the scanner does before a lookup."""
    table = {ord(c): "'" for c in APOSTROPHES[1:]} | {0x2013: "-"}
    return re.sub(r"\s+", " ", surface.translate(table)).strip()


def is_abbreviation(form: str) -> bool:
    """True for forms matched only as written: ``US``, ``U.S.``, ``CPSU``, ``MiG-21``, ``CPA (M-L)``."""
    letters = [c for c in form if c.isalpha()]
    if letters and not any(c.islower() for c in letters):
        return True
    return " " not in form and sum(c.isupper() for c in letters) >= 2


def plural(word: str) -> str | None:
    """A regular English plural of the last word, or None where none is needed."""
    low = word.lower()
    if low.endswith("man"):
        return word[:-3] + ("MEN" if word.isupper() else "men")
    if low.endswith(("s", "sh", "ch", "x", "z", "ese", "ics")):
        return None
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    return word + ("S" if word.isupper() and word[-1].isalpha() else "s")


def designation_variants(form: str) -> set[str]:
    """``MiG-21`` -> ``MIG-21``, ``Mig 21``, ``MiG21``, ``MiG–21``... (letters-digits designations)."""
    m = DESIGNATION.match(form)
    if not m:
        return set()
    letters, number = m.groups()
    cases = {letters, letters.upper(), letters.capitalize()}
    return {f"{c}{sep}{number}" for c in cases for sep in ("-", " ", "", "\u2013")}


def case_variants(form: str, kind: Kind) -> set[str]:
    """The forms a surface matches in: as written; all capitals (telegrams); either case of the
    first letter for multiword forms and item names."""
    out = {form}
    if is_abbreviation(form):
        return out
    if len(form) >= 4:
        out.add(form.upper())
    if " " in form or kind is Kind.ITEM:
        out.add(form[0].swapcase() + form[1:])
    return out


def surfaces(entry: Entry) -> Iterator[tuple[str, Via, bool, bool]]:
    """Every (variant, via, derived, context) an entry is found by."""
    groups: list[tuple[Via, Iterable[str]]] = [("name", [entry.name]), ("alias", entry.aliases)]
    plurals = [plural(d) for d in entry.demonyms] if entry.kind is not Kind.PLACE else []  # "Europeans" are people
    groups.append(("demonym", list(dict.fromkeys([*entry.demonyms, *(p for p in plurals if p)]))))
    for via, forms in groups:
        for form in forms:
            context = form in entry.context_aliases
            written = {form, fold(form)}
            spellings = written.union(*(designation_variants(w) for w in written))
            extra = {p for w in spellings if entry.kind is Kind.ITEM and (p := plural(w))}
            for variant in sorted(spellings | extra):
                for v in sorted(case_variants(variant, entry.kind)):
                    yield v, via, v != form, context


def _trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, longest first (any apostrophe for ``'``, a hyphen or an en dash
    for ``-``: "South–East Asia")."""
    return trie_regex(words, _char)


def _char(ch: str) -> str:
    if ch == "'":
        return "['\u2019\u2018\u02bc]"
    if ch == "-":
        return "[-\u2013]"
    return plain_char(ch)


def _entry_from(raw: dict[str, Any], kind: Kind) -> Entry:
    def tup(name: str) -> tuple[str, ...]:
        return tuple(str(x) for x in raw.get(name) or ())

    return Entry(
        key=str(raw["key"]), kind=kind, name=str(raw["name"]), aliases=tup("aliases"),
        wikidata=raw.get("wikidata"), geonames=_str(raw.get("geonames")), iso=raw.get("iso"),
        country=raw.get("country"), parent=raw.get("parent"), category=raw.get("category"),
        subkind=raw.get("kind"), historical=bool(raw.get("historical", False)),
        flags=frozenset(tup("flags")), demonyms=tup("demonyms"),
        context_aliases=frozenset(tup("context_aliases")), pattern=raw.get("pattern"),
        sovereign_from=_str(raw.get("sovereign_from")),
    )


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _merge(old: Entry, new: Entry) -> Entry:
    """A later definition of the same entity: its fields win, forms are united."""
    def pick(a: Any, b: Any) -> Any:
        return b if b not in (None, "", ()) else a

    aliases = tuple(dict.fromkeys(old.aliases + new.aliases + ((old.name,) if new.name != old.name else ())))
    return Entry(
        key=old.key, kind=old.kind, name=new.name, aliases=tuple(a for a in aliases if a != new.name),
        wikidata=pick(old.wikidata, new.wikidata), geonames=pick(old.geonames, new.geonames),
        iso=pick(old.iso, new.iso), country=pick(old.country, new.country), parent=pick(old.parent, new.parent),
        category=pick(old.category, new.category), subkind=pick(old.subkind, new.subkind),
        historical=old.historical or new.historical, flags=old.flags | new.flags,
        demonyms=tuple(dict.fromkeys(old.demonyms + new.demonyms)),
        context_aliases=old.context_aliases | new.context_aliases, pattern=pick(old.pattern, new.pattern),
        sovereign_from=pick(old.sovereign_from, new.sovereign_from),
    )


class Gazetteer:
    """Curated entries by ``kind:key``, and :meth:`find` over text."""

    def __init__(self, entries: Iterable[Entry], organ_suffixes: dict[str, OrganSuffix] | None = None) -> None:
        self.organ_suffixes: dict[str, OrganSuffix] = dict(organ_suffixes or {})
        self._entries: dict[str, Entry] = {}
        for e in entries:
            self._entries[e.id] = _merge(self._entries[e.id], e) if e.id in self._entries else e
        self._scanner: tuple[re.Pattern[str], dict[str, list[_Cand]], re.Pattern[str] | None] | None = None

    # -- loading -------------------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Gazetteer:
        """The package's own data files (loaded once per process)."""
        return _default()

    @classmethod
    def from_files(cls, *paths: str | Path, defaults: bool = False) -> Gazetteer:
        """Load YAML files (the package's own first when ``defaults``). A file's entity kind is its
        ``entity_kind:`` key, else its name (countries, places, organizations, items). A later entry
        with the same kind and key extends the earlier one.

        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "extra.yaml")
        >>> _ = open(p, "w").write("entity_kind: place\\nentries:\\n- {key: x, name: Xanadu, kind: city}\\n")
        >>> gz = Gazetteer.from_files(p, defaults=True)
        >>> gz.get("place:x").name, gz.get("country:ussr").name
        ('Xanadu', 'Soviet Union')
        """
        docs = [(_default_text(n), n) for n in DEFAULT_FILES] if defaults else []
        docs += [(Path(p).read_text(encoding="utf-8"), Path(p).name) for p in paths]
        entries: list[tuple[Entry, Any]] = []
        suffixes: dict[str, OrganSuffix] = {}
        for text, name in docs:
            doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
            kind = Kind(doc["entity_kind"]) if "entity_kind" in doc else FILE_KINDS[Path(name).stem]
            suffixes.update(_suffixes(doc.get("organ_suffixes") or {}))
            entries += [(_entry_from(raw, kind), raw.get("organs")) for raw in doc.get("entries") or ()]
        organs = [o for e, wanted in entries for o in _organs(e, wanted, suffixes)]
        return cls(organs + [e for e, _ in entries], suffixes)

    # -- lookup --------------------------------------------------------------------------------------
    def get(self, kind_key: str) -> Entry:
        """The entry with id ``kind:key`` (``"country:ussr"``), or the town ``place:<key>`` (:attr:`towns`);
        KeyError if none."""
        entry = self._entries.get(kind_key)
        if entry is None and _is_place(kind_key):
            return self.towns.get(kind_key)
        if entry is None:
            raise KeyError(kind_key)
        return entry

    def __contains__(self, kind_key: object) -> bool:
        return kind_key in self._entries or (_is_place(kind_key) and kind_key in self.towns)

    @property
    def towns(self) -> Towns:
        """The package's GeoNames towns, looked up by name only where the text places a name (not scanned)."""
        from graph.resolve.towns import Towns  # towns.py builds on this module's Entry

        return Towns.default()

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self, kind: Kind | None = None) -> list[Entry]:
        """All entries (of one kind), in id order."""
        return [e for i, e in sorted(self._entries.items()) if kind is None or e.kind is kind]

    def organ(self, party: str, suffix: str) -> Entry | None:
        """The organ ``suffix`` (a key of :attr:`organ_suffixes`) of a party key, if curated.

        >>> Gazetteer.default().organ("vwp", "cc_politburo").parent
        'vwp_cc'
        """
        return self._entries.get(f"{Kind.ORGANIZATION.value}:{party}_{suffix}")

    # -- scanning ------------------------------------------------------------------------------------
    def find(self, text: str) -> list[Match]:
        """Every non-overlapping, leftmost-longest mention of a curated entry in ``text``.

        >>> [(m.surface, m.entry.id) for m in Gazetteer.default().find("West German and MiG-21s")]
        [('West German', 'country:frg'), ('MiG-21s', 'item:mig-21')]
        """
        regex, table, patterns = self._compiled()
        found = [self._match(m, table) for m in regex.finditer(text)]
        if patterns is not None:
            found += [self._pattern_match(m) for m in patterns.finditer(text)]
            found = _leftmost_longest(found)
        return found

    def _match(self, m: re.Match[str], table: dict[str, list[_Cand]]) -> Match:
        surface = m.group()
        cands = table[normalize(surface)]
        best = cands[0]
        flags = best.entry.flags | ({"require_context"} if best.context else frozenset())
        others = tuple(dict.fromkeys(c.entry for c in cands[1:] if c.entry != best.entry))
        return Match(m.start(), m.end(), best.entry, surface, best.via, others, flags)

    def _pattern_match(self, m: re.Match[str]) -> Match:
        entry = self._entries[self._pattern_ids[int(str(m.lastgroup)[1:])]]
        return Match(m.start(), m.end(), entry, m.group(), "pattern", (), entry.flags)

    def _compiled(self) -> tuple[re.Pattern[str], dict[str, list[_Cand]], re.Pattern[str] | None]:
        if self._scanner is None:
            table: dict[str, list[_Cand]] = {}
            for e in self._entries.values():
                for variant, via, derived, context in surfaces(e):
                    table.setdefault(normalize(variant), []).append(_Cand(e, via, derived, context))
            for cands in table.values():
                cands.sort(key=lambda c: (c.derived, VIA_RANK[c.via], KIND_RANK[c.entry.kind], c.entry.key))
            regex = re.compile(r"(?<![\w'\u2019])" + _trie_regex(table) + r"(?![\w])")
            with_pattern = [e for e in self._entries.values() if e.pattern]
            self._pattern_ids = [e.id for e in with_pattern]
            alts = "|".join(f"(?P<p{i}>{e.pattern})" for i, e in enumerate(with_pattern))
            patterns = re.compile(rf"(?<![\w])(?:{alts})(?![\w])") if alts else None
            self._scanner = (regex, table, patterns)
        return self._scanner


def _is_place(kind_key: object) -> bool:
    """A ``place:<key>`` id, the only kind the towns table holds (other ids never load it)."""
    return isinstance(kind_key, str) and kind_key.startswith(f"{Kind.PLACE.value}:")


def _leftmost_longest(found: list[Match]) -> list[Match]:
    """Keep, left to right, the longest of overlapping matches (listed forms beat patterns on ties)."""
    found.sort(key=lambda m: (m.start, -(m.end - m.start), m.via == "pattern"))
    out: list[Match] = []
    for m in found:
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


def _suffixes(raw: dict[str, Any]) -> dict[str, OrganSuffix]:
    return {
        k: OrganSuffix(k, str(v.get("of") or ""), str(v["name"]), tuple(v.get("words") or ()),
                       tuple(v.get("forms") or ()))
        for k, v in raw.items()
    }


def _organs(party: Entry, organs: Any, suffixes: dict[str, OrganSuffix]) -> list[Entry]:
    """Generated organ entries of a party whose YAML ``organs`` names them ("all" = every suffix)."""
    if not organs:
        return []
    wanted = list(suffixes) if organs == "all" else list(organs)
    abbrs = [a for a in party.aliases if is_abbreviation(a) and " " not in a]
    names = [party.name] + [a for a in party.aliases if " " in a and not is_abbreviation(a)]
    out = []
    for key in wanted:
        s = suffixes[key]
        forms: list[str] = []
        for form in s.forms:
            if "{abbr}" in form:
                forms += [form.format(abbr=a) for a in abbrs]
            elif "{name}" in form:
                forms += [form.format(name=n) for n in names]
        parent = f"{party.key}_{s.of}" if s.of else party.key
        out.append(Entry(key=f"{party.key}_{key}", kind=Kind.ORGANIZATION, name=s.name.format(name=party.name),
                         aliases=tuple(dict.fromkeys(forms)), parent=parent, country=party.country,
                         subkind="party organ"))
    return out


def _default_text(name: str) -> str:
    return resources.files("graph.data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return Gazetteer.from_files(defaults=True)
