"""Find people's names by how records write them, not by a list of this record's people.

Rules, strongest first (each a separate function, each tagging its mentions with ``source``):
participants lists, honorifics ("Cde.", "Mr."), office titles ("Foreign Minister"), initials plus
surname ("A. N. Kosygin"), full names in the people authority, family-name-first East Asian
names, then short forms: a bare surname of someone already found, a surname in the authority
where the sentence treats it as a person, and a capitalised word coordinated with a person
("Hill or Grippa").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.extract.lexicon import lexicon
from graph.resolve.people import PeopleAuthority, name_key
from graph.types import Document, Kind, Mention, Span

UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
LOWER = "a-zß-öø-ÿā-ž"
WORD = rf"[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}{LOWER}][{LOWER}]+)*|Mc[{UPPER}][{LOWER}]+|O'[{UPPER}][{LOWER}]+"
INITIAL = rf"[{UPPER}][{LOWER}]?\."
PARTICLE = r"(?:de|da|di|du|van|von|der|den|la|bin|ibn|al|del|dos)"
NAME = (
    rf"(?:(?:{INITIAL}\s?){{1,3}}(?:{PARTICLE}\s)?(?:{WORD})"
    rf"|(?:{WORD})(?:\s(?:{INITIAL}\s)*(?:{PARTICLE}\s)?(?:{WORD})){{0,3}}"
    rf"|(?:{PARTICLE})\s(?:{WORD}))"
)
_NAME_RE = re.compile(NAME)
_WORD_RE = re.compile(rf"\b(?:{WORD})\b")


def find_people(doc: Document, blocked: list[Span], people: PeopleAuthority) -> list[Mention]:
    """Person mentions in ``doc``; ``blocked`` spans (places, countries, organisations) are
    never read as names."""
    finder = _Finder(doc, blocked, people)
    finder.run()
    return finder.mentions


class _Finder:
    def __init__(self, doc: Document, blocked: list[Span], people: PeopleAuthority) -> None:
        self.doc = doc
        self.text = doc.text
        self.blocked = blocked
        self.people = people
        self.lex = lexicon()
        self.mentions: list[Mention] = []
        self._taken: list[Span] = []

    def run(self) -> None:
        self.from_participants()
        self.after_honorifics()
        self.after_titles()
        self.with_initials()
        self.authority_names()
        self.family_first_names()
        self.short_forms()

    # ------------------------------------------------------------------ bookkeeping
    def add(self, span: Span, source: str) -> bool:
        span = self._trim(span)
        surface = span.of(self.text)
        if not surface or not self._plausible(surface):
            return False
        if any(span.overlaps(t) for t in self._taken):
            return False
        if any(span.overlaps(b) and not _covers(span, b) for b in self.blocked):
            return False
        if any(b.start == span.start and b.end == span.end for b in self.blocked) and source in {
            "authority-surname", "coordinated"}:
            return False
        self._taken.append(span)
        self.mentions.append(Mention(span, Kind.PERSON, surface, source=source))
        return True

    def _trim(self, span: Span) -> Span:
        start, end = span.start, span.end
        while end > start and self.text[end - 1] in " ,;:’'":
            end -= 1
        if self.text[end - 2 : end] in ("’s", "'s"):
            end -= 2
        return Span(start, end)

    def _plausible(self, surface: str) -> bool:
        words = surface.replace(".", ". ").split()
        last = words[-1]
        if last.rstrip(".") in self.lex.not_names or last.endswith("."):
            return False
        return not all(w.rstrip(".") in self.lex.not_names for w in words)

    def _name_at(self, pos: int, limit: int | None = None) -> Span | None:
        match = _NAME_RE.match(self.text, pos, limit or len(self.text))
        if not match:
            return None
        words = match.group(0).split()
        while words and words[-1].rstrip(".") in self.lex.not_names:
            words.pop()
        if not words:
            return None
        return Span(match.start(), match.start() + len(" ".join(words)))

    # ------------------------------------------------------------------ rules
    def from_participants(self) -> None:
        for item in self.doc.participants:
            core = self._strip_courtesy(item)
            if core:
                self.add(core, "participants")
        for span in (*self.doc.translators, *self.doc.contributors, *self.doc.recorders):
            core = self._strip_courtesy(span)
            if core:
                self.add(core, "credits")

    def _strip_courtesy(self, span: Span) -> Span | None:
        """The name inside a list item: courtesy and office words before it, titles after a comma
        dropped."""
        text = self.text
        pos, end = span.start, span.end
        comma = text.find(",", pos, end)
        if comma != -1:
            end = comma
        lex = self.lex
        prefix = re.compile(rf"(?:{lex.alternation(lex.honorifics)}\.?|{lex.alternation(lex.titles)})\s+")
        while True:
            match = prefix.match(text, pos, end)
            if not match:
                break
            pos = match.end()
        name = self._name_at(pos, end)
        return name

    def after_honorifics(self) -> None:
        pattern = re.compile(rf"\b{self.lex.alternation(self.lex.honorifics)}\.?\s+")
        for match in pattern.finditer(self.text):
            self._names_from(match.end(), "honorific", plural=match.group(0).strip().rstrip(".").endswith("s"))

    def _names_from(self, pos: int, source: str, plural: bool = False) -> None:
        """A name at ``pos``; after a plural courtesy form ("Cdes.") a list of them."""
        while True:
            name = self._name_at(pos)
            if name is None:
                return
            self.add(name, source)
            if not plural:
                return
            sep = re.compile(r",\s*(?:and\s+)?|\s+and\s+").match(self.text, name.end)
            if not sep:
                return
            pos = sep.end()

    def after_titles(self) -> None:
        pattern = re.compile(rf"\b{self.lex.alternation(tuple(self.lex.titles))}\s+(?=[{UPPER}])")
        for match in pattern.finditer(self.text):
            name = self._name_at(match.end())
            if name and (self._known(name) or len(name.of(self.text).split()) > 1):
                self.add(name, "title")

    def with_initials(self) -> None:
        pattern = re.compile(rf"(?<![\w.])(?:{INITIAL}\s?){{1,3}}(?:{PARTICLE}\s)?(?:{WORD})\b")
        for match in pattern.finditer(self.text):
            self.add(Span(match.start(), match.end()), "initials")

    def authority_names(self) -> None:
        for start, end in _capitalised_runs(self.text):
            words = list(re.finditer(r"\S+", self.text[start:end]))
            for size in range(min(4, len(words)), 1, -1):
                for i in range(len(words) - size + 1):
                    span = Span(start + words[i].start(), start + words[i + size - 1].end())
                    if self.people.is_full_name(span.of(self.text)):
                        self.add(span, "authority")
        for match in re.finditer(rf"\b{PARTICLE}\s(?:{WORD})", self.text):
            if self.people.is_full_name(match.group(0)):
                self.add(Span(match.start(), match.end()), "authority")

    def family_first_names(self) -> None:
        surnames = self.lex.family_first_surnames
        pattern = re.compile(rf"\b({self.lex.alternation(surnames)})((?:\s(?:{WORD})){{1,2}})\b")
        for match in pattern.finditer(self.text):
            given = match.group(2).split()
            if len(given) == 2 and given[1] in surnames:
                given = given[:1]  # "Tao Zhu Liu Shaoqi": the next name starts here
            if any(g in self.lex.not_names or g.rstrip("s") in self.lex.not_names for g in given):
                continue
            end = match.start(2) + len(" " + " ".join(given))
            self.add(Span(match.start(), end), "family-first")

    def short_forms(self) -> None:
        known = {name_key(m.surface.split()[-1]) for m in self.mentions}
        known |= {name_key(m.surface) for m in self.mentions if " " not in m.surface}
        speech = self.lex.alternation(self.lex.speech_verbs)
        for match in _WORD_RE.finditer(self.text):
            word = match.group(0)
            if word in self.lex.not_names or word.upper() == word:
                continue
            span = Span(match.start(), match.end())
            key = name_key(word)
            if key in known:
                self.add(span, "surname")
            elif self.people.with_surname(word) and self._person_context(span, speech):
                self.add(span, "authority-surname")
        self._coordinated()

    def _person_context(self, span: Span, speech: str) -> bool:
        """The sentence treats the word as a person: it speaks, owns, or is spoken to."""
        before = self.text[max(0, span.start - 30) : span.start]
        after = self.text[span.end : span.end + 40]
        if _sentence_start(self.text, span.start) and not re.match(rf"\s+{speech}\b", after):
            return False
        return bool(
            re.match(rf"(?:’s|'s)?\s+(?:{speech}|and|or|had|has|was|is|will|would)\b", after)
            or re.search(r"\b(?:to|with|by|from|and|or|between|told|asked|met|for|of)\s+$", before)
        )

    def _coordinated(self) -> None:
        """"Hill or Grippa": a capitalised word joined by and/or to a person is one too."""
        people = sorted(m.span for m in self.mentions)
        for span in people:
            after = re.match(rf"\s+(?:and|or)\s+({WORD})\b", self.text[span.end : span.end + 40])
            if after:
                start = span.end + after.start(1)
                self.add(Span(start, span.end + after.end(1)), "coordinated")

    def _known(self, span: Span) -> bool:
        return bool(self.people.with_surname(span.of(self.text).split()[-1]))


def _covers(span: Span, other: Span) -> bool:
    return span.start <= other.start and other.end <= span.end and span != other


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return pos == 0 or bool(re.search(r"(?:[.!?:]\s+|\n\s*)$", before)) or before.strip() == ""


def _capitalised_runs(text: str) -> Iterable[tuple[int, int]]:
    pattern = re.compile(rf"(?:(?:{WORD}|{INITIAL}|{PARTICLE})\s){{1,4}}(?:{WORD})")
    for match in pattern.finditer(text):
        yield match.start(), match.end()
