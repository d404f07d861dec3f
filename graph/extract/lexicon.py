"""The extractor's word lists (``graph/data/lexicon.yaml``), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from graph.errors import AuthorityError
from graph.patterns import case_twins, trie_regex


@dataclass(frozen=True)
class Lexicon:
    honorifics: frozenset[str]
    titles: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    not_names: frozenset[str]
    family_first_surnames: frozenset[str]
    request_patterns: tuple[str, ...]
    request_not_items: tuple[str, ...]
    venue_cues: tuple[str, ...]
    presence_cues: tuple[str, ...]
    institutions: tuple[str, ...]
    presence_negations: tuple[str, ...]
    sub_units: tuple[str, ...] = ()
    not_units: frozenset[str] = frozenset()
    header_labels: frozenset[str] = frozenset()
    deputy_ranks: frozenset[str] = frozenset()
    units_not_names: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    bare_foreign_ministries: tuple[str, ...] = ()
    archive_countries: tuple[tuple[str, str], ...] = ()  # (reader format, the archive's own country key)

    def archive_country(self, fmt: str) -> str | None:
        """The country whose archive a reader's format is (FRUS: the United States), if one."""
        return dict(self.archive_countries).get(fmt)
    request_announcements: tuple[str, ...] = ()
    announced_request_patterns: tuple[str, ...] = ()
    writer_presence_cues: tuple[str, ...] = ()
    venue_post_cues: frozenset[str] = frozenset()
    stationed_nouns: tuple[str, ...] = ()
    own_staff: tuple[str, ...] = ()
    bodies_of: tuple[str, ...] = ()
    writer_meeting_cues: tuple[str, ...] = ()
    correspondence_genres: tuple[str, ...] = ()
    closing_lines: frozenset[str] = frozenset()  # lower case
    office_qualifiers: tuple[str, ...] = ()
    speech_nouns: frozenset[str] = frozenset()
    title_qualifiers: tuple[str, ...] = ()
    not_mentions: tuple[str, ...] = ()
    named_after_places: tuple[str, ...] = ()
    bare_national_bodies: tuple[str, ...] = ()
    portfolios: tuple[tuple[str, str], ...] = ()  # (a way of writing it, the portfolio's key)
    junior_ranks: tuple[str, ...] = ()
    whole_asks: frozenset[str] = frozenset()  # lower case
    sole_titles: tuple[tuple[str, str, int, int], ...] = ()  # (title, holder's full name, first year, last year)
    site_words: tuple[str, ...] = ()
    # (nation key, first year, last year, the state it names then, the other state whose naming keeps it the nation)
    divided_nations: tuple[tuple[str, int, int, str, str], ...] = ()

    def state_of_nation(self, nation: str, year: int | None, named: set[str] | frozenset[str]) -> str | None:
        """The state a divided nation's bare name stands for in ``year`` ("Germany" in 1967 is the Federal
        Republic), unless the record also names the other state (``named``: its country keys), which makes the
        bare name the nation again."""
        if year is None:
            return None
        return next((state for key, first, last, state, other in self.divided_nations
                     if key == nation and first <= year <= last and other not in named), None)

    def sole_title_holder(self, title: str, year: int | None) -> str | None:
        """Who a title alone names in ``year`` ("Tunku" -> "Tunku Abdul Rahman"); without a year, the
        title's only holder."""
        rows = [(name, first, last) for t, name, first, last in self.sole_titles if t == title]
        if year is None:
            return rows[0][0] if len(rows) == 1 else None
        return next((name for name, first, last in rows if first <= year <= last), None)

    @cached_property
    def one_word_titles(self) -> frozenset[str]:
        """Titles of one word ("Ambassador", "Chancellor"): they stand before a name like a courtesy."""
        return frozenset(t for t in self.titles if " " not in t)

    def no_name_alone(self, word: str) -> bool:
        """A word that is never a name, or an office ("Counsellor", "Manager"): not a person on its own."""
        return word in self.not_names or word in self.titles

    @cached_property
    def courtesy_words(self) -> frozenset[str]:
        """Honorifics and one-word titles: the words a name may open with ("Mr.", "Ambassador Kohler")."""
        return self.honorifics | self.one_word_titles

    def alternation(self, words: tuple[str, ...] | frozenset[str]) -> str:
        """A regex alternation of ``words``, longest first, spaces matching any white space."""
        return _alternation(words)


@lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """Built once per word list: extraction asks for the same alternations for every sentence."""
    if case_twins(words):  # see graph.patterns: the trie would not pick the longest under re.I
        ordered = sorted(words, key=lambda w: (-len(w), w))
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"
    return trie_regex(words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    source = resources.files("graph") / "data" / "lexicon.yaml"
    try:
        data = yaml.load(source.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return Lexicon(
            honorifics=frozenset(str(w).rstrip(".") for w in data["honorifics"]),
            titles=tuple(str(w) for w in data["titles"]),
            speech_verbs=tuple(str(w) for w in data["speech_verbs"]),
            not_names=frozenset(str(w) for w in data["not_names"]),
            family_first_surnames=frozenset(str(w) for w in data["family_first_surnames"]),
            request_patterns=tuple(str(w) for w in data["request_patterns"]),
            request_not_items=tuple(str(w) for w in data["request_not_items"]),
            venue_cues=tuple(str(w) for w in data["venue_cues"]),
            presence_cues=tuple(str(w) for w in data["presence_cues"]),
            institutions=tuple(str(w) for w in data["institutions"]),
            presence_negations=tuple(str(w) for w in data["presence_negations"]),
            sub_units=tuple(str(w) for w in data.get("sub_units", ())),
            deputy_ranks=frozenset(str(w).lower() for w in data.get("deputy_ranks", ())),
            not_units=frozenset(str(w) for w in data.get("not_units", ())),
            header_labels=frozenset(str(w) for w in data.get("header_labels", ())),
            units_not_names=frozenset(str(w) for w in data.get("units_not_names", ())),
            function_words=frozenset(str(w).lower() for w in data.get("function_words", ())),
            bare_foreign_ministries=tuple(str(w) for w in data.get("bare_foreign_ministries", ())),
            archive_countries=tuple(sorted((str(k), str(v)) for k, v in (data.get("archive_countries") or {}).items())),
            request_announcements=tuple(str(w) for w in data.get("request_announcements", ())),
            announced_request_patterns=tuple(str(w) for w in data.get("announced_request_patterns", ())),
            writer_presence_cues=tuple(str(w) for w in data.get("writer_presence_cues", ())),
            venue_post_cues=frozenset(str(w).lower() for w in data.get("venue_post_cues", ())),
            stationed_nouns=tuple(str(w) for w in data.get("stationed_nouns", ())),
            own_staff=tuple(str(w) for w in data.get("own_staff", ())),
            bodies_of=tuple(str(w) for w in data.get("bodies_of", ())),
            writer_meeting_cues=tuple(str(w) for w in data.get("writer_meeting_cues", ())),
            correspondence_genres=tuple(str(w) for w in data.get("correspondence_genres", ())),
            closing_lines=frozenset(str(w).lower() for w in data.get("closing_lines", ())),
            office_qualifiers=tuple(str(w) for w in data.get("office_qualifiers", ())),
            speech_nouns=frozenset(str(w) for w in data.get("speech_nouns", ())),
            title_qualifiers=tuple(str(w) for w in data.get("title_qualifiers", ())),
            not_mentions=tuple(str(w) for w in data.get("not_mentions", ())),
            named_after_places=tuple(str(w) for w in data.get("named_after_places", ())),
            bare_national_bodies=tuple(str(w) for w in data.get("bare_national_bodies", ())),
            portfolios=tuple(sorted((str(form), str(key)) for key, forms in (data.get("portfolios") or {}).items()
                                    for form in forms)),
            junior_ranks=tuple(str(w) for w in data.get("junior_ranks", ())),
            whole_asks=frozenset(str(w).lower() for w in data.get("whole_asks", ())),
            site_words=tuple(str(w) for w in data.get("site_words", ())),
            divided_nations=tuple((str(nation), int(first), int(last), str(state), str(other))
                                  for nation, rows in (data.get("divided_nations") or {}).items()
                                  for first, last, state, other in rows),
            sole_titles=tuple((str(title), str(name), int(first), int(last))
                              for title, rows in (data.get("sole_titles") or {}).items()
                              for name, first, last in rows),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as err:
        raise AuthorityError(f"cannot read the lexicon: {err}", path=str(source)) from err
