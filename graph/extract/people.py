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
from graph.extract.people_cues import (
    _COMMON_ENDING,
    appositives,
    common_word,
    credited_full_names,
    offices_then_names,
    present_lists,
    speech_subjects,
    written_lower,
)
from graph.extract.people_lists import Coordination
from graph.extract.speakers import met_pattern
from graph.extract.word_shape import (
    INITIAL,
    INITIALS,
    LOWER,
    NAME,
    PARTICLE,
    UPPER,
    WORD,
    covers,
    in_title_case,
    inverted_forenames,
    sentence_start,
    shouted,
    titled,
)
from graph.extract.word_shape import (
    NAME_SPACE as _SP,
)
from graph.patterns import compiled
from graph.resolve.gazetteer import Gazetteer
from graph.resolve.names import family_first
from graph.resolve.people import PeopleAuthority, name_key
from graph.types import Document, Kind, Mention, Span, SpanIndex

_NAME_RE = re.compile(NAME)
_BARE_INITIAL = re.compile(rf"[{UPPER}]{_SP}(?=[{UPPER}][{LOWER}])")
_WORD_RE = re.compile(rf"\b(?:{WORD})\b")
_THE_BEFORE = re.compile(r"\bthe\s+$")
_MID_SENTENCE = re.compile(r"[a-z,;][ \t]+$")  # not "‘Well,", "4 Light"
_NOT_A_SUBJECT = re.compile(r"\b(?:[Tt]he|in|at|near|of)\s+$")


def find_people(doc: Document, blocked: list[Span], people: PeopleAuthority) -> list[Mention]:
    """Person mentions in ``doc``; ``blocked`` spans (places, countries, organisations) are
    never read as names."""
    finder = _Finder(doc, blocked, people)
    finder.run()
    return finder.mentions


class _Finder(Coordination):
    def __init__(self, doc: Document, blocked: list[Span], people: PeopleAuthority) -> None:
        self.doc = doc
        self.text = doc.text
        self.blocked = blocked
        self.people = people
        self.lex = lexicon()
        self.mentions: list[Mention] = []
        self._taken = SpanIndex()
        self._blocked = SpanIndex(blocked)

    def run(self) -> None:
        self.from_participants()
        self.sole_titles()
        self.after_honorifics()
        self.after_titles()
        self.with_initials()
        self.authority_names()
        self.family_first_names()
        self.met_by_writer()
        self.by_cues()
        self.with_forenames()
        self.short_forms()

    # ------------------------------------------------------------------ bookkeeping
    def add(self, span: Span, source: str) -> bool:
        span = self._trim(span)
        surface = span.of(self.text)
        if not surface or not self._plausible(surface):
            return False
        if self._taken.near(span):
            return False
        blocked = self._blocked.near(span)
        if any(not covers(span, b) for b in blocked):
            return False
        if any(b.start == span.start and b.end < span.end for b in blocked):
            return False  # "U. S. Hand Tools": a name does not open with a country or an organisation
        if span in set(blocked) and source in {"authority-surname", "coordinated", "credits", "addressee", "met"}:
            return False
        self._taken.add(span)
        self.mentions.append(Mention(span, Kind.PERSON, surface, source=source))
        return True

    def _trim(self, span: Span) -> Span:
        start, end = span.start, span.end
        inner = _INNER_COURTESY.search(self.text, start, end)
        if inner:  # "the Lord Privy Seal Mr Heath": the name starts after the office
            start = inner.end()
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
        words = list(re.finditer(r"\S+", match.group(0)))
        while words and words[0].group(0).rstrip(".") in self.lex.courtesy_words:  # "Ambassador Kohler" -> "Kohler"
            words.pop(0)
        while words and words[-1].group(0).rstrip(".") in self.lex.not_names:
            words.pop()
        if not words:
            return None
        return Span(match.start() + words[0].start(), match.start() + words[-1].end())

    # ------------------------------------------------------------------ rules
    def from_participants(self) -> None:
        for item in self.doc.participants:
            core = self._strip_courtesy(item)
            if shouted(item.of(self.text)):  # a title in capitals names "McMAHON", "HOLDRIDGE" whole
                core = item
            if core:
                self.add(core, "participants")
        credits = [*self.doc.translators, *self.doc.contributors, *self.doc.recorders]
        for span, family_first_form in credited_full_names(self.text, credits):  # "Kawase, Ikkan": "Kawase Ikkan"
            self.add(span, "family-first" if family_first_form else "credits")
        for spans, source in ((credits, "credits"),
                              (self.doc.addressees, "addressee")):
            for span in spans:
                core = span if shouted(span.of(self.text)) else self._strip_courtesy(span)  # "JOHNSTON"
                if core:
                    self.add(core, source)

    def sole_titles(self) -> None:
        """ "the Tunku", "the Shah": a title that alone names one person in the record's year (lexicon
        ``sole_titles``); resolve gives the mention its holder's name."""
        titles = tuple(dict.fromkeys(t for t, *_ in self.lex.sole_titles
                                     if self.lex.sole_title_holder(t, self.doc.year)))
        if titles:
            pattern = compiled(rf"\b[Tt]he{_SP}+({self.lex.alternation(titles)})\b(?!{_SP}*[{UPPER}])")
            for match in pattern.finditer(self.text):
                self.add(Span(match.start(1), match.end(1)), "sole-title")

    def _strip_courtesy(self, span: Span) -> Span | None:
        """The name inside a list item: courtesy and office words before it, titles after a comma
        dropped."""
        text = self.text
        pos, end = span.start, span.end
        comma = text.find(",", pos, end)
        if comma != -1:
            end = comma
        lex = self.lex
        # "The Chancellor", "the Minister": an office alone names no one here (roles.py may tell who holds it)
        courtesy = rf"(?:{lex.alternation(lex.honorifics)}\.?|{lex.alternation(lex.titles)})"
        prefix = compiled(rf"(?:[Tt]he\s+)?{courtesy}(?:\s+|$)")
        while True:
            match = prefix.match(text, pos, end)
            if not match:
                break
            pos = match.end()
        name = self._name_at(pos, end)
        return name

    def after_honorifics(self) -> None:
        pattern = compiled(rf"\b{self.lex.alternation(self.lex.honorifics)}\.?{_SP}+")
        # "the Lord Privy Seal": an office that opens with a courtesy word, no name after it
        office = compiled(rf"(?:{self.lex.alternation(tuple(t for t in self.lex.titles if ' ' in t))})\b"
                            rf"(?!{_SP}+[{UPPER}])")
        for match in pattern.finditer(self.text):
            if office.match(self.text, match.start()):
                continue
            self._names_from(match.end(), "honorific", plural=match.group(0).strip().rstrip(".").endswith("s"))

    def _names_from(self, pos: int, source: str, plural: bool = False) -> None:
        """A name at ``pos``; after a plural courtesy form ("Cdes.") a list of them."""
        while True:
            name = self._name_at(pos)
            bare = _BARE_INITIAL.match(self.text, pos)  # "Sir A Douglas Home": an initial written without its dot
            if bare and (rest := self._name_at(bare.end())) and rest.start == bare.end():
                name = Span(pos, rest.end)
            if name is None:
                return
            self.add(name, source)
            if not plural:
                return
            sep = compiled(r",\s*(?:and\s+)?|\s+and\s+").match(self.text, name.end)
            if not sep:
                return
            pos = sep.end()

    def after_titles(self) -> None:
        pattern = compiled(rf"\b{self.lex.alternation(tuple(self.lex.titles))}{_SP}+(?=[{UPPER}])")
        offices = set(self.lex.titles)
        for match in pattern.finditer(self.text):
            name = self._name_at(match.end())
            # "your Deputy High Commissioner(s)": one office, no name after a title
            if name and {name.of(self.text), name.of(self.text).removesuffix("s")} & offices:
                continue
            if name and (self._known(name) or len(name.of(self.text).split()) > 1 or self._titled_surname(match, name)):
                self.add(name, "title")
        # an office in lower case after a determiner, before a full name: "the Portuguese diplomatic
        # advisor Joao Pimentel", "the foreign minister Andrei Gromyko" (not "in general European Security")
        lower = tuple(dict.fromkeys(t.lower() for t in self.lex.titles
                                    if t[:1].isupper() and t.lower() not in _ADJECTIVES))
        pattern = compiled(rf"\b(?:the|his|her|their|its|our|your|a|an){_SP}+(?:[A-Za-z-]+{_SP}+){{0,2}}"
                             rf"{self.lex.alternation(lower)}{_SP}+(?=[{UPPER}])")
        for match in pattern.finditer(self.text):
            name = self._name_at(match.end())
            if name and len(name.of(self.text).split()) > 1:
                self.add(name, "title")

    def with_initials(self) -> None:
        """ "A. N. Kosygin", "S.A. FitzGerald", with a forename before: "Lyndon B. Johnson", and a surname
        joined by a particle: "M. Couve de Murville"."""
        pattern = compiled(rf"(?<![\w.])(?:({WORD}){_SP})?{INITIALS}(?:{PARTICLE}{_SP})?(?:{WORD})"
                           rf"(?:{_SP}{PARTICLE}{_SP}{WORD})?\b")
        for match in pattern.finditer(self.text):
            start = match.start()
            if not match.group(1) and _THE_BEFORE.search(self.text, max(0, start - 5), start):
                continue  # "to chase the C.C.O. More seriously, ...": an abbreviation, then the next sentence
            if match.group(1) and match.group(1) in self.lex.not_names:
                start = match.start(1) + len(match.group(1)) + 1  # "President L. Johnson": not a forename
            self.add(Span(start, match.end()), "initials")

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

    def with_forenames(self) -> None:
        """"Curtis Keeble", "Keith Waller": a given name many people of the authority bear before one
        capitalised word that is no word of the lexicon, of the gazetteer or of the text in lower case
        (not "Will Britain", "Grant Aid", "Victoria Street"); two words alone, not part of a longer run."""
        forenames = self.people.forenames()
        pair = compiled(rf"(?<![\w'’.-])({WORD})[ \t]+({WORD})(?![\w'’-])(?![ \t]+(?!I\b)[A-Z])")
        for match in pair.finditer(self.text):
            given, surname = match.group(1), match.group(2)
            if re.search(r"[A-Z][\w'’.-]*[ \t]+$", self.text[max(0, match.start() - 30) : match.start()]) or \
                    inverted_forenames(self.text, Span(match.start(), match.end())):
                continue  # the end of a longer run ("Lim Kim San") or forenames ("Kuchma, Leonid Danylovych;")
            if given not in forenames or written_lower(self.text, given) or common_word(self.text, surname) or any(
                    self.lex.no_name_alone(w) or Gazetteer.default().find(w) for w in (given, surname)):
                continue
            self.add(Span(match.start(), match.end()), "forename")

    def family_first_names(self) -> None:
        surnames = self.lex.family_first_surnames
        pattern = compiled(rf"\b({self.lex.alternation(surnames)})((?:\s(?:{WORD})){{1,2}})\b")
        for match in pattern.finditer(self.text):
            given = match.group(2).split()
            if len(given) == 2 and given[1] in surnames and given[1] != match.group(1):
                given = given[:1]  # "Tao Zhu Liu Shaoqi": the next name starts here (not "Wee Kim Wee")
            if any(g in self.lex.not_names or g.rstrip("s") in self.lex.not_names for g in given):
                continue
            end = match.start(2) + len(" " + " ".join(given))
            if self._blocked.near(Span(match.start(2), end)):
                continue  # "proposed to Lee Singapore's removal": a place is no given name
            self.add(Span(match.start(), end), "family-first")

    def met_by_writer(self) -> None:
        """"I saw Huang and his Counsellor", "I called on Razak": whom the writer says he met is a
        person, even named by a bare surname (lexicon ``writer_meeting_cues``)."""
        for cue in met_pattern().finditer(self.text):
            name = self._name_at(cue.end())
            if name and name.start == cue.end() and not re.match(r"[’']s\b", self.text[name.end :]):
                self.add(name, "met")

    def by_cues(self) -> None:
        """Unknown names the record treats as people: repeated speakers, appositions of an office."""
        for span in (*appositives(self.text, WORD, self.lex), *offices_then_names(self.text, WORD, self.lex)):
            self.add(span, "apposition")
        for span in speech_subjects(self.text, WORD, self.lex):
            self.add(span, "speech-subject")

    def short_forms(self) -> None:
        known = {name_key(m.surface.split()[-1]) for m in self.mentions}
        known |= self._family_names()
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
            elif (self.people.with_surname(word) and word not in self.lex.units_not_names
                  and not titled(self.text, span, self.lex.titles) and self._person_context(span, speech)):
                self.add(span, "authority-surname")
        self._again_as_found()
        self._present_lists()
        self._coordinated()

    def _again_as_found(self) -> None:
        """A surname the authority gave a person in one context ("Head agreed") names him elsewhere too
        ("Head returned to the attack"), but not as a common word ("the Head of Mission", "the major Powers",
        a word the record also writes in lower case)."""
        found = sorted({m.surface for m in self.mentions if m.source == "authority-surname"}
                       - {w for w in {m.surface for m in self.mentions} if self._common(w)})
        if not found:
            return
        for match in re.finditer(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, found))})(?![\w-])", self.text):
            if not re.match(r"\s+of\b", self.text[match.end() : match.end() + 4]) \
                    and not re.search(r"\b[Tt]he\s+$", self.text[max(0, match.start() - 4) : match.start()]):
                self.add(Span(match.start(), match.end()), "surname")

    def _common(self, word: str) -> bool:
        """A common word here, but a surname ending in "s" ("Dulles", "Jenkins") is a plural only where the record
        writes the word without its "s" too ("Powers" beside "Power")."""
        if not common_word(self.text, word):
            return False
        if written_lower(self.text, word) or not re.search(r"[^s]s$", word) or _COMMON_ENDING.search(word[:-1]):
            return True
        return re.search(rf"\b{re.escape(word[:-1])}\b", self.text, re.I) is not None

    def _present_lists(self) -> None:
        for span in present_lists(self.text, WORD, self.lex):
            self.add(span, "present-list")

    def _family_names(self) -> set[str]:
        """The family names of the family-name-first names found ("Chou" of "Chou En-lai"), so that
        the family name alone is the person too; not two-letter ones ("Le", "Do", "He")."""
        firsts = (m.surface.split() for m in self.mentions if " " in m.surface)
        return {name_key(words[0]) for words in firsts
                if family_first(words[0]) and len(words[0]) > 2
                and words[0].lower() not in self.lex.function_words}

    def _person_context(self, span: Span, speech: str) -> bool:
        """The sentence treats the word as a person: it speaks, owns, or is spoken to."""
        before = self.text[max(0, span.start - 30) : span.start]
        after = self.text[span.end : span.end + 40]
        if re.match(rf",\s+who\s+(?:\w+ly\s+)?(?:{speech}|says|had|has|is|was)\b", after):
            return True  # "Ghazali, who says he is more sceptical, ..."
        if sentence_start(self.text, span.start) and not re.match(
                rf"\s+(?:(?:has|had|have|also|then)\s+)*{speech}\b", after):  # "Lee has argued it would ..."
            return False
        if in_title_case(self.text, span):  # "Nuclear Free and Peace Zones": a heading, not a person
            return False
        return bool(
            re.match(rf"(?:’s|'s)?\s+(?:{speech}|and|or|had|has|was|is|will|would)\b", after)
            or re.match(r"(?:’s|'s)\s+(?:[a-z]+\s+)?(?:conversation|letter|message|statement|talk|visit|meeting|"
                        r"remarks|views|proposal|speech|reply|request|position|policy|note|memorandum|telegram)s?\b",
                        after)  # "Rusk’s conversation with Dobrynin", "Stevenson’s letter"
            or re.search(r"\b(?:to|with|by|from|and|or|between|told|asked|met|as well as|except)\s+$", before)
            or self._only_one_known(span)
        )

    def _only_one_known(self, span: Span) -> bool:
        """A surname the authority gives one person only, written mid-sentence and never in lower case
        ("keeping Sukarno quiet"): common surnames ("Young", "Grant") belong to several people there. Not
        after "the" or a locative ("the Mainland", "in Cambridge", "Isle of Wight"), nor a forename after
        "Satō, " in a list of names written surname first, nor a place of the gazetteer ("Wellington")."""
        word = span.of(self.text)
        before = self.text[max(0, span.start - 30) : span.start]
        if len(word) < 4 or self.lex.no_name_alone(word) or not _MID_SENTENCE.search(before) \
                or _NOT_A_SUBJECT.search(before) or inverted_forenames(self.text, span):
            return False
        return (len(self.people.with_surname(word)) == 1 and not common_word(self.text, word)
                and not Gazetteer.default().find(word))

    def _titled_surname(self, title: re.Match[str], name: Span) -> bool:
        """"Foreign Minister Kinkel", "Ambassador Terekhov": a capitalised office right before one
        capitalised word no authority knows, which is no word of the lexicon or the gazetteer
        (those are blocked when added) and ends where the name ends (not "Ambassador Paris-based")."""
        word = name.of(self.text)
        return (title.group(0)[:1].isupper() and word[:1].isupper() and word[1:].islower() and len(word) > 2
                and not self.lex.no_name_alone(word)
                and not common_word(self.text, word) and not re.match(r"[\w-]", self.text[name.end : name.end + 1]))

    def _known(self, span: Span) -> bool:
        return bool(self.people.with_surname(span.of(self.text).split()[-1]))


# Titles that in lower case are mostly adjectives: "the major Western Powers", "a first Secretary".
_ADJECTIVES = {"major", "first", "chief", "senior", "junior", "prime"}


_INNER_COURTESY = re.compile(r"(?<=\S)[ \t]+(?:Mr|Mrs|Ms|Miss|Dr|Messrs)\.?[ \t]+(?=[A-Z])")


def _capitalised_runs(text: str) -> Iterable[tuple[int, int]]:
    pattern = compiled(rf"(?:(?:{WORD}|{INITIAL}|{PARTICLE})\s){{1,4}}(?:{WORD})")
    for match in pattern.finditer(text):
        yield match.start(), match.end()
