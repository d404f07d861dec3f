"""Names listed with a person are people too: "Hill or Grippa", "Whitlam, Armstrong (High Commissioner),
Bunting and officials" (after a person) and "called Head, Wade, Mr Butler and me" (before one). A mixin of
the people finder (``graph.extract.people``): it adds through the finder's ``add``."""

from __future__ import annotations

import re

from graph.extract.lexicon import Lexicon
from graph.extract.people_cues import before_a_unit, common_word
from graph.extract.word_shape import WORD, in_title_case, inverted, sentence_start
from graph.patterns import compiled
from graph.resolve.people import PeopleAuthority
from graph.types import Kind, Mention, Span


class Coordination:
    text: str
    lex: Lexicon
    people: PeopleAuthority
    mentions: list[Mention]

    def add(self, span: Span, source: str) -> bool:
        raise NotImplementedError

    def _coordinated(self) -> None:
        """"Hill or Grippa", "Whitlam, Armstrong (High Commissioner), Bunting and officials": a
        capitalised word listed with a person is one too."""
        link = compiled(
            rf"(?P<note>\s*\([^()\n]{{1,80}}\))?(?P<sep>,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)({WORD})\b")
        pending = sorted(m.span for m in self.mentions)
        while pending:
            span = pending.pop(0)
            after = link.match(self.text, span.end)
            if not after or self.lex.no_name_alone(after.group(3)):
                continue  # "Michael Newington, Counsellor (Scientific)": an office, not another person
            name = Span(after.start(3), after.end(3))
            if (not self._listed_person(after, name) or in_title_case(self.text, name)
                    or inverted(self.text, span, name) or before_a_unit(self.text, name, self.lex)):
                continue
            if self.add(name, "coordinated"):
                pending.append(name)
        self._coordinated_before()

    def _coordinated_before(self) -> None:
        """"Tunku called Head, Wade, Butler (new Canadian High Commissioner) and me": a surname the people
        authority knows, listed by a comma right before a person, is one too (not a common word)."""
        courtesy = rf"(?:(?:{self.lex.alternation(self.lex.honorifics)})\.?\s+)?"
        link = compiled(rf"(?<![\w'’.-])({WORD})(?:\s*\([^()\n]{{1,80}}\))?,\s*{courtesy}$")
        pending = sorted((m.span for m in self.mentions if m.kind is Kind.PERSON), key=lambda s: -s.start)
        while pending:
            span = pending.pop(0)
            before = link.search(self.text, max(0, span.start - 100), span.start)
            if not before:
                continue
            name = Span(before.start(1), before.end(1))
            word = name.of(self.text)
            if (not self.people.with_surname(word) or self.lex.no_name_alone(word) or common_word(self.text, word)
                    or sentence_start(self.text, name.start) or in_title_case(self.text, name)):
                continue
            if self.add(name, "coordinated"):
                pending.insert(0, name)

    def _listed_person(self, link: re.Match[str], name: Span) -> bool:
        """A surname the authority knows counts; after "and"/"or" any name; after a bare comma (lists of
        topics look the same) a name that is no common word ("Crises") and that a parenthesis or "and" follows."""
        word = name.of(self.text)
        if self.people.with_surname(word):
            return True
        if link.group("note") or re.search(r"\b(?:and|or)\s+$", link.group("sep")):
            return True
        if common_word(self.text, word):  # "with Gregory Pemberton, Crises and Commitments: The Politics ..."
            return False
        return bool(re.match(r"\s*\(|\s+and\s", self.text[name.end : name.end + 6]))
