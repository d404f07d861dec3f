"""The people authority: the Office of the Historian's 16,312 people with their name variants
(``graph/data/frus-people.jsonl.gz``, public domain; see ``graph/data/SOURCES.md``).

>>> people = PeopleAuthority.default()
>>> [people.get(i).name for i in people.lookup_full("L. I. Brezhnev")]
['Leonid I. Brezhnev']
>>> sorted(people.get(i).name for i in people.with_surname("Lodge"))[:2]
['Henry Cabot Lodge II', 'John Davis Lodge']
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from graph.errors import AuthorityError

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_TITLE_WORDS = {
    "general", "secretary", "chairman", "president", "premier", "minister", "ambassador", "special",
    "adviser", "advisor", "admiral", "marshal", "colonel", "major", "captain", "madam", "mr", "mrs", "dr",
    "sir", "lord", "lady", "prince", "king", "queen", "senator", "governor", "deputy", "vice", "first",
    "foreign", "prime", "lieutenant", "commander", "bishop", "cardinal", "judge", "rev", "father",
}


@lru_cache(maxsize=1 << 16)  # pure, and asked of the same few thousand names over and over
def name_key(name: str) -> str:
    """Lower case, no accents, no dots or commas, hyphens as spaces, initials joined.

    >>> name_key("Cde. L. I. Brezhnev"), name_key("Mao Tse-tung"), name_key("Andreĭ Gromyko")
    ('cde li brezhnev', 'mao tse tung', 'andrei gromyko')
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", text.replace("'", "").replace("\u2019", ""))
    out: list[str] = []
    joining = False
    for word in words:
        if len(word) == 1 and joining:
            out[-1] += word
        else:
            out.append(word)
            joining = len(word) == 1
    return " ".join(out)


@dataclass
class PersonRecord:
    id: str
    name: str  # display form, "Forenames Surname"
    surname: str
    forenames: str
    variants: list[str] = field(default_factory=list)
    birth_year: int | None = None
    death_year: int | None = None
    remarks: list[str] = field(default_factory=list)
    viaf: str | None = None
    anchors: list[str] = field(default_factory=list)  # "frus1964-68v14#p_BLI1"

    @property
    def iri(self) -> str:
        return f"https://history.state.gov/people/id/{self.id}"


def split_variant(variant: str) -> tuple[str, str]:
    """(forenames, surname) of a printed name form.

    >>> split_variant("Lodge, Henry Cabot, Jr."), split_variant("Le Duc Tho, Special Adviser")
    (('Henry Cabot', 'Lodge'), ('', 'Le Duc Tho'))
    >>> split_variant("Chairman Aleksei N. Kosygin")
    ('Aleksei N.', 'Kosygin')
    """
    parts = [p.strip() for p in variant.split(",") if p.strip()]
    parts = [p for p in parts if name_key(p) not in _SUFFIXES]
    if not parts:
        return "", variant.strip()
    head = parts[0]
    rest = parts[1] if len(parts) > 1 else ""
    rest_words = name_key(rest).split()
    if len(parts) == 1 or (rest_words and rest_words[0] in _TITLE_WORDS and len(head.split()) > 1):
        words = head.split()
        while len(words) > 1 and name_key(words[0]) in _TITLE_WORDS:
            words = words[1:]
        if len(words) == 1 or _family_first(words):
            return "", " ".join(words)
        return " ".join(words[:-1]), words[-1]
    forenames = " ".join(w for w in rest.split() if name_key(w) not in _TITLE_WORDS)
    return re.sub(r"\s*\(.*?\)", "", forenames).strip(), re.sub(r"\s*\(.*?\)", "", head).strip()


def _family_first(words: list[str]) -> bool:
    """Names printed without a comma and without forenames-like initials are kept whole
    ("Le Duc Tho", "Ho Chi Minh"): only a final word after initials is a surname."""
    return not any(w.endswith(".") for w in words[:-1]) and len(words) >= 3


class PeopleAuthority:
    """Look people up by full name, initials + surname, or surname."""

    def __init__(self, records: list[PersonRecord]) -> None:
        self._records = {r.id: r for r in records}
        self._full: dict[str, set[str]] = {}
        self._surname: dict[str, set[str]] = {}
        self._anchor: dict[str, str] = {}
        self._forenames: dict[int, frozenset[str]] = {}
        for record in records:
            self._index(record)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> PeopleAuthority:
        source = resources.files("graph") / "data" / "frus-people.jsonl.gz"
        with resources.as_file(source) as path:
            return cls.from_file(path)

    @classmethod
    def from_file(cls, path: str | Path) -> PeopleAuthority:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as lines:
                return cls([_record(json.loads(line)) for line in lines if line.strip()])
        except (OSError, ValueError, KeyError) as err:
            raise AuthorityError(f"cannot read the people authority: {err}", path=str(path)) from err

    def forenames(self, *, least: int = 2) -> frozenset[str]:
        """First forenames ("Keith", "Curtis") that at least ``least`` people of the authority bear: the
        given names a text may put before a surname the authority does not know.

        >>> {"Robert", "Charles", "Keith"} <= PeopleAuthority.default().forenames()
        True
        """
        if least not in self._forenames:
            counts: dict[str, int] = {}
            for record in self._records.values():
                first = record.forenames.split()[0] if record.forenames else ""
                if re.fullmatch(r"[A-Z][a-z]{2,}", first):
                    counts[first] = counts.get(first, 0) + 1
            self._forenames[least] = frozenset(w for w, n in counts.items() if n >= least)
        return self._forenames[least]

    def _index(self, record: PersonRecord) -> None:
        for variant in record.variants:
            forenames, surname = split_variant(variant)
            if not surname:
                continue
            self._surname.setdefault(name_key(surname), set()).add(record.id)
            last = surname.split()[-1]
            if len(surname.split()) > 1:  # "Pham Van Dong" is also "Dong" in running text
                self._surname.setdefault(name_key(last), set()).add(record.id)
            for form in _full_forms(forenames, surname):
                self._full.setdefault(name_key(form), set()).add(record.id)
        for anchor in record.anchors:
            self._anchor[anchor] = record.id

    def get(self, person_id: str) -> PersonRecord:
        return self._records[person_id]

    def lookup_full(self, name: str) -> set[str]:
        """Ids whose full name (or initials + surname) is ``name``."""
        return set(self._full.get(name_key(name), ()))

    def lookup(self, name: str) -> set[str]:
        """Ids for a name with forenames or initials: an exact full form, else the people with
        that surname whose forenames agree with every given forename or initial.

        >>> people = PeopleAuthority.default()
        >>> [people.get(i).name for i in people.lookup("Yu. V. Andropov")]
        ['Yuriy Vladimirovich Andropov']
        """
        exact = self.lookup_full(name)
        words = name.replace(".", ". ").split()
        if exact or len(words) < 2:
            return exact
        given = [name_key(w) for w in words[:-1]]
        return {
            pid for pid in self.with_surname(words[-1])
            if _forenames_agree(given, name_key(self._records[pid].forenames).split())
        }

    def with_surname(self, surname: str) -> set[str]:
        return set(self._surname.get(name_key(surname), ()))

    def is_full_name(self, name: str) -> bool:
        return name_key(name) in self._full

    def by_anchor(self, anchor: str) -> str | None:
        """The person a FRUS volume's persons list anchor names ("frus1964-68v14#p_BLI1")."""
        return self._anchor.get(anchor)


def _forenames_agree(given: list[str], known: list[str]) -> bool:
    """Each given forename or initial starts the known forename in the same place."""
    if not known or len(given) > len(known):
        return False
    return all(k.startswith(g) for g, k in zip(given, known, strict=False))


def _full_forms(forenames: str, surname: str) -> list[str]:
    if not forenames:
        return [surname] if len(surname.split()) > 1 else []
    words = [w for w in forenames.replace(".", ". ").split() if w]
    initials = " ".join(f"{w[0]}." for w in words)
    first_only = f"{words[0]} {surname}"
    return [f"{forenames} {surname}", f"{initials} {surname}", first_only, f"{words[0][0]}. {surname}"]


def _record(row: dict) -> PersonRecord:
    forenames, surname = split_variant(row["preferred"])
    variants = [row["preferred"], *row.get("alternates", []), *(v["name"] for v in row.get("variants", []))]
    anchors = []
    for variant in row.get("variants", []):
        for url in variant.get("sources", []):
            match = re.search(r"historicaldocuments/([^/]+)/persons#(\S+)$", url)
            if match:
                anchors.append(f"{match.group(1)}#{match.group(2)}")
    suffix = row["preferred"].split(",")[-1].strip() if row["preferred"].count(",") >= 2 else ""
    name = " ".join(x for x in (forenames, surname, suffix) if x)
    return PersonRecord(
        id=row["id"], name=name, surname=surname, forenames=forenames, variants=list(dict.fromkeys(variants)),
        birth_year=_year(row.get("birth_year")), death_year=_year(row.get("death_year")),
        remarks=[r.get("text", "") for r in row.get("remarks", [])],
        viaf=(row.get("authorities") or {}).get("viaf"), anchors=anchors,
    )


def _year(value: object) -> int | None:
    try:
        return int(str(value)[:4]) if value else None
    except ValueError:
        return None
