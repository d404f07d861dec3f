"""How an entity's canonical name is written when it comes from the record's own words.

Records print the same name differently: a telegram shouts it ("McMAHON", "MENZIES"), a
typesetter curls the apostrophe ("Prime Minister’s Department"). An entity's IRI ignores case
and punctuation, so every record naming it must also agree on how its ``schema:name`` is
written, or the corpus graph gives one IRI two names. :func:`written_name` is that one way.

>>> written_name("McMAHON"), written_name("MCEWEN"), written_name("DOUGLAS-HOME"), written_name("O'NEILL")
('McMahon', 'McEwen', 'Douglas-Home', "O'Neill")
>>> written_name("Prime  Minister’s Department"), written_name("T. F. B. MacAdie")
("Prime Minister's Department", 'T. F. B. MacAdie')
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.lexicon import lexicon
from graph.resolve.people import name_key

_MC = re.compile(r"^Ma?c(?=[A-Z])")
_ROMAN = re.compile(r"^[IVX]+$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def written_name(surface: str) -> str:
    """``surface`` with whitespace collapsed, straight apostrophes, and, when it is written all
    in capitals, each word in title case (``Mc`` keeps the capital after it; roman numerals and
    one-letter initials stay as they are). A name in mixed case keeps its capitals."""
    name = " ".join(surface.translate(_APOSTROPHES).split())
    if not is_shouted(name):
        return name
    return " ".join(_title_word(word) for word in name.split(" "))


def is_shouted(name: str) -> bool:
    """Every word of two or more letters is in capitals (a ``Mc``/``Mac`` prefix aside)."""
    words = [_MC.sub("", w) for w in name.split() if sum(c.isalpha() for c in w) >= 2]
    return bool(words) and all(w.isupper() for w in words if not _ROMAN.match(w)) and not all(
        _ROMAN.match(w) for w in words)


def _title_word(word: str) -> str:
    if sum(c.isalpha() for c in word) < 2 or _ROMAN.match(word):
        return word
    return "".join(_title_part(part) for part in re.split(r"([-'])", word))


def _title_part(part: str) -> str:
    if part in ("-", "'") or not part:
        return part
    if len(part) > 3 and part[:2].upper() == "MC":
        return "Mc" + part[2].upper() + part[3:].lower()
    return part[0].upper() + part[1:].lower()


def family_first(word: str) -> bool:
    """A family name that opens a name written family name first, however romanised its apostrophe
    ("Ch'iao" as "Chiao", "Lee")."""
    return name_key(word) in _family_keys()


@lru_cache(maxsize=1)
def _family_keys() -> frozenset[str]:
    return frozenset(name_key(w) for w in lexicon().family_first_surnames)
