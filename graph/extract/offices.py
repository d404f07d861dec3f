"""Offices and who held them: the key an office is compared by, and the offices the people authority
gives a name in a given year.

An office has a coarse key, its head word ("Minister-Counselor" -> "counselor"), and where it is a
ministry's head a finer one by portfolio ("The Foreign Secretary", "Secretary of State for Foreign
Affairs" -> "foreign minister"; lexicon ``portfolios``). Junior posts ("Under Secretary of State for
Foreign Affairs", a British "Minister of State") have no portfolio key.

>>> office_keys("THE SECRETARY OF STATE FOR DEFENCE"), office_keys("Foreign Minister")
(['defence minister', 'secretary'], ['foreign minister', 'minister'])
>>> office_keys("Deputy Prime Minister"), office_keys("Minister of State for Foreign Affairs")
(['deputy minister'], ['minister'])
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.lexicon import lexicon
from graph.patterns import compiled
from graph.resolve.people import PeopleAuthority
from graph.resolve.tenure import Tenure, span, tenures


def office_key(title: str) -> str:
    """The head of a title: "Minister-Counselor" -> "counselor", "Foreign Minister" -> "minister";
    a deputy's keeps its rank, being never "the Minister": "Deputy Foreign Minister" -> "deputy minister"."""
    words = re.split(r"[\s-]+", title.strip().lower())
    return f"{words[0]} {words[-1]}" if len(words) > 1 and words[0] in lexicon().deputy_ranks else words[-1]


def office_keys(title: str) -> list[str]:
    """The keys to compare an office by, finest first: its portfolio's, if it has one, then its head's."""
    title = re.sub(r"^(?:the\s+)", "", title.strip(), flags=re.I)
    fine = portfolio_keys(title)
    coarse = office_key(re.split(r"\s+(?:of|for)\s+", title, maxsplit=1, flags=re.I)[0])
    return [*fine, coarse] if coarse not in fine else fine


def portfolio_keys(text: str) -> list[str]:
    """The ministries whose head ``text`` names ("Foreign Secretary", "Minister for External Affairs")."""
    forms = dict((form.lower(), key) for form, key in lexicon().portfolios)
    found = []
    for match in _portfolio_regex().finditer(text):
        if match.group("junior") or match.group("state") and match.group("head2").lower() == "minister":
            continue
        key = forms.get(re.sub(r"\s+", " ", match.group("form") or match.group("form2")).lower())
        if key and f"{key} minister" not in found:
            found.append(f"{key} minister")
    return found


@lru_cache(maxsize=1)
def _portfolio_regex() -> re.Pattern[str]:
    lex = lexicon()
    forms = lex.alternation(tuple(form for form, _ in lex.portfolios))
    junior = rf"(?P<junior>\b(?:{lex.alternation(lex.junior_ranks)})[ \t-]+)?"
    head = r"(?P<head>Minister|Secretary)"
    return compiled(rf"{junior}(?:\b(?P<form>{forms})[ \t]+{head}\b"
                      rf"|\b{head.replace('head', 'head2')}(?P<state>[ \t]+of[ \t]+State)?[ \t]+(?:for|of)[ \t]+"
                      rf"(?:the[ \t]+)?(?P<form2>{forms})\b)", re.I)


def known_holder(mine: str, offices: list[str], named: dict[str, str], people: PeopleAuthority, *,
                  year: int | None = None) -> set[str]:
    """Which of the parties ``named`` (surname key -> name as written) holds office ``mine``, where every
    label is an office ("The Prime Minister", "THE FOREIGN SECRETARY"): offices go one by one, in the
    order the labels come, to the one party still unplaced whom the people authority knows in it (in
    the record's ``year``, where the authority dates it), so that a surname shared by others in the
    authority is settled by the offices already placed; else the parties left once the others are placed."""
    held = {key: authority_offices(people, name, year=year) for key, name in named.items()}
    placed: dict[str, str] = {}
    while True:
        free = {party: known for party, known in held.items() if party not in placed.values()}
        found = next(((office, holder) for office in dict.fromkeys([*offices, mine]) if office not in placed
                      and (holder := _holder(office, free)) is not None), None)
        if found is None:
            break
        placed[found[0]] = found[1]
    return {placed[mine]} if mine in placed else set(named) - set(placed.values())


def _holder(office: str, held: dict[str, set[str]]) -> str | None:
    """The one party known in the office, by its finest key anyone is known by ("foreign minister"
    before "minister")."""
    for key in office_keys(office):
        if any(key in offices for offices in held.values()):
            return sole_holder(key, held)
    return None


def sole_holder(office: str, held: dict[str, set[str]]) -> str | None:
    """The one party whose known offices (``held``: party -> office keys) include ``office``, if only one."""
    parties = [key for key, offices in held.items() if office in offices]
    return parties[0] if len(parties) == 1 else None


def authority_offices(people: PeopleAuthority, name: str, *, year: int | None = None) -> set[str]:
    """The offices (as keys: "prime minister", "minister", "commissioner") the authority's remarks give
    the people of this name (full name if written so, else everyone with the surname); with ``year``,
    only those the remarks do not date to other years (``graph.resolve.tenure``, ``_held_in``)."""
    ids = people.lookup(name) if len(name.split()) > 1 else people.with_surname(name)
    out: set[str] = set()
    for pid in ids:
        posts: dict[str, list[Tenure]] = {}
        for remark in people.get(pid).remarks:
            for post in tenures(remark):
                for key in _post_keys(post.post):
                    posts.setdefault(key, []).append(post)
        out |= {key for key, held in posts.items() if year is None or _held_in(held, year)}
    return out


def _held_in(posts: list[Tenure], year: int) -> bool:
    """Whether an office was held in ``year``: only a remark that dates every mention of it rules a year
    out (the authority's dates are sometimes partial or wrong; an undated mention leaves it open)."""
    return any(p.start is None and p.end is None for p in posts) or span(posts).covers(year)


def _post_keys(post: str) -> set[str]:
    return {office_key(found) for found in _titles_regex().findall(post)} | set(portfolio_keys(post))


@lru_cache(maxsize=1)
def _titles_regex() -> re.Pattern[str]:
    lex = lexicon()
    return compiled(rf"\b(?:{lex.alternation(tuple(t for t in lex.titles if t[0].isupper()))})\b")


def office_label(words: str) -> str | None:
    """``words`` as an office, in ordinary case, if that is what they are: a speaker label such as
    "The Minister", "THE CHANCELLOR" or "THE SECRETARY OF STATE FOR DEFENCE" (British minutes write
    offices in capitals).

    >>> office_label("THE SECRETARY OF STATE FOR DEFENCE"), office_label("The Minister"), office_label("MALAYSIA")
    ('The Secretary of State for Defence', 'The Minister', None)
    """
    if words.isupper():
        words = " ".join(w.lower() if i and w.lower() in _LINK_WORDS else w.capitalize()
                         for i, w in enumerate(words.split()))
    return words if _office_label_regex().fullmatch(words) else None


_LINK_WORDS = {"of", "for", "the", "and", "to"}


@lru_cache(maxsize=1)
def _office_label_regex() -> re.Pattern[str]:
    titles = lexicon().alternation(tuple(lexicon().titles))
    return compiled(rf"(?:[Tt]he\s+)?(?:[A-Z]\w+\s+){{0,2}}?(?:{titles})(?:\s+of\s+State)?"
                      rf"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+)?)?")
