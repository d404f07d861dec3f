"""Person cues outside a name's own shape: how a record treats a word it never introduces.

* Speech subjects: a capitalised word that at least twice is the subject of a speech verb
  ("Huang said that ...", "Huang asked whether ...") is someone speaking, whatever the
  authority knows of him.
* Appositives: a name with an office beside it after a comma ("Sugiharto, the former
  Ambassador in Rangoon, ...", "Okoye, the Minister for Trade.") is a person.
* Presence lists: surnames listed after "present ... were" are people.
* Common words: a capitalised word the record also writes in lower case is no name.

Both return candidate spans; the person finder (``people.py``) judges them like any other
(blocked places and organisations, words that are never names).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from graph.extract.lexicon import Lexicon
from graph.patterns import compiled
from graph.types import Span

_SP = r"[ \t\u00a0]"
# Words before a capitalised word, or a run of them, that make it a thing, not a person ("the
# Communique said", "the Daily Express told").
_DETERMINER = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Yy]our|[Mm]y)"
                         rf"(?:{_SP}+[A-Z][\w’'-]*)*{_SP}+$")
# An article or possessive makes it a thing ("in the Chair, the Lord Privy Seal"); "that Kadir, the
# Attorney-General," is still a name.
_ARTICLE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Yy]our|[Mm]y)"
                      rf"(?:{_SP}+[A-Z][\w’'-]*)*{_SP}+$")
# No preposition before a name in apposition: there it would open a clause ("In Lagos, the
# Ambassador said").
_PREPOSITION = re.compile(r"\b(?i:in|at|on|from|to|for|by|with|after|before|during|since|until|of|about)"
                          rf"{_SP}+$")


def speech_subjects(text: str, word: str, lex: Lexicon, *, least: int = 2) -> list[Span]:
    """Every place a word stands right before a speech verb, for the words that do so at least
    ``least`` times ("Huang said", "Huang replied"), an adverb in "-ly" allowed between."""
    speech = lex.alternation(tuple(v for v in lex.speech_verbs if v not in lex.speech_nouns))
    pattern = compiled(rf"(?<![\w’'.-])({word}){_SP}+(?:[a-z]+ly{_SP}+)?{speech}\b")
    found: dict[str, list[Span]] = defaultdict(list)
    for match in pattern.finditer(text):
        name = match.group(1)
        if not _may_be_name(name, lex) or _DETERMINER.search(text, max(0, match.start() - 60), match.start()):
            continue
        found[name].append(Span(match.start(1), match.end(1)))
    return [span for spans in found.values() if len(spans) >= least for span in spans]


def appositives(text: str, word: str, lex: Lexicon) -> list[Span]:
    """Names followed by ", the (former) <office>" where the office phrase closes the clause: "Ruiz,
    the then Ambassador to Peru," (not "In Lagos, the Ambassador said")."""
    office = lex.alternation(tuple(lex.titles))
    qualifier = lex.alternation(lex.office_qualifiers)
    name = rf"((?:{word}{_SP}+){{0,2}}{word})"
    tail = rf"(?:{_SP}+(?:of|for|in|to|at|on|the|and|[A-Z][\w’'.-]*))*"
    pattern = compiled(rf"(?<![\w’'.-]){name},{_SP}+(?:the|a){_SP}+(?:{qualifier}{_SP}+)?"
                         rf"(?:[A-Z][\w-]*{_SP}+){{0,3}}?{office}{tail}(?=\s*(?:[,.;:)\[]|$|\n|who\b))",
                         re.MULTILINE)
    out = []
    for match in pattern.finditer(text):
        words = list(re.finditer(r"\S+", match.group(1)))
        while words and _courtesy(words[0].group(0), lex):  # "Colonel Sugiharto, the ..."
            words.pop(0)
        if not words or not all(_may_be_name(w.group(0), lex) for w in words):
            continue
        span = Span(match.start(1) + words[0].start(), match.start(1) + words[-1].end())
        if _PREPOSITION.search(text, max(0, span.start - 8), span.start) or \
                _ARTICLE.search(text, max(0, span.start - 60), span.start):  # "in the Chair, the Lord Privy Seal"
            continue
        out.append(span)
    return out


def offices_then_names(text: str, word: str, lex: Lexicon) -> list[Span]:
    """Names set off by commas after an office: "the Minister for Trade, Okafor, said", "the current
    President of the Senate, Inche Halim, had ..."."""
    office = lex.alternation(tuple(lex.titles))
    qualifier = lex.alternation(lex.office_qualifiers)
    of = rf"(?:{_SP}+(?:of|for|in|to|at|on)(?:{_SP}+(?:the|and|[A-Z][\w’'.-]*))+)?"
    pattern = compiled(rf"\b(?i:the){_SP}+(?:(?:{qualifier}){_SP}+)?(?:[A-Z][\w-]*{_SP}+){{0,3}}?{office}{of},"
                         rf"{_SP}+((?:{word}{_SP}+){{0,3}}{word}),")
    out = []
    for match in pattern.finditer(text):
        words = list(re.finditer(r"\S+", match.group(1)))
        while words and _courtesy(words[0].group(0), lex):  # "Inche Senu"
            words.pop(0)
        after = re.match(r"\s*([A-Z][\w-]*)", text[match.end() : match.end() + 40])
        if after and not _may_be_name(after.group(1), lex):
            continue  # "the Prime Minister, Treasurer, Minister for Trade": a list of offices
        if words and all(_may_be_name(w.group(0), lex) for w in words):
            out.append(Span(match.start(1) + words[0].start(), match.start(1) + words[-1].end()))
    return out


def _may_be_name(word: str, lex: Lexicon) -> bool:
    """Not a word that is never a name, not a courtesy or office word (nor a compound of one:
    "Governor-General"), not in capitals."""
    parts = {word, *word.split("-")}
    return (not any(p in lex.not_names or _courtesy(p, lex) for p in parts)
            and word not in lex.units_not_names and word.upper() != word)


def _courtesy(word: str, lex: Lexicon) -> bool:
    return word.rstrip(".") in lex.honorifics or word in lex.one_word_titles


def present_lists(text: str, word: str, lex: Lexicon) -> list[Span]:
    """"Officers present with me were Pritchett, Wilson, Cawsey, McKeown and Evans": the
    capitalised words listed after a presence cue (lexicon ``presence_cues``) and "were", "was",
    "are" or "included", when they make a list of three or more."""
    cue = lex.alternation(lex.presence_cues)
    item = rf"(?:{word})(?:-(?:{word}))?"
    pattern = compiled(rf"(?i:\b{cue}\b[^.;:\n]{{0,60}}?\b(?:were|was|included|are))\s+((?:{item}\s*,\s*){{2,}}"
                         rf"(?:and\s+)?{item}|(?:{item}\s*,\s*)+{item}\s+and\s+{item})\b")
    return [Span(match.start(1) + name.start(), match.start(1) + name.end())
            for match in pattern.finditer(text) for name in re.finditer(item, match.group(1))
            if not lex.no_name_alone(name.group(0))]


# Endings of English common nouns, verbs and adjectives, not of surnames: "Minister Assisting", "Prime Minister
# Designate", "Trade Commissioner Elections", "Minister for Defence Policy".
_COMMON_ENDING = re.compile(r"(?:tion|sion|ment|ing|ity|ies|ers|ence|ance|ship|ate|cy|ics|ism|ist|ure|al|ic|"
                            r"ive|ous|ary|ory|[^s]s)$")


def common_word(text: str, word: str) -> bool:
    """Is ``word`` (capitalised) a common word here: an ending no surname has, or written in lower
    case elsewhere in the record ("the election", "this amount")?"""
    return _COMMON_ENDING.search(word) is not None or written_lower(text, word)


def written_lower(text: str, word: str) -> bool:
    """Does the record also write ``word`` in lower case?"""
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None


_INVERTED = re.compile(r"\s*([A-Z][\w’'-]+),\s+([A-Z][\w’'-]+)\s*")


def credited_full_names(text: str, credits: list[Span]) -> list[tuple[Span, bool]]:
    """Where the text writes in full a name its credits give inverted ("Authors: Kawase, Ikkan"): each
    place, and whether it is written family name first ("From: Kawase Ikkan") or not ("Ikkan Kawase")."""
    found = []
    for credit in credits:
        inverted = _INVERTED.fullmatch(credit.of(text))
        if inverted is None:
            continue
        family, given = (_unaccented(word) for word in inverted.groups())  # "Kenzō" is written "Kenzo" too
        for words, family_first in (((family, given), True), ((given, family), False)):
            pattern = rf"(?<![\w-]){_accents_optional(words[0])}[ \t]+{_accents_optional(words[1])}(?![\w-])"
            for match in re.finditer(pattern, text):
                found.append((Span(match.start(), match.end()), family_first))
    return found


def before_a_unit(text: str, name: Span, lex: Lexicon) -> bool:
    """"Gordon N. Upton, Head, Economic Relations Branch": a word the name of a unit follows is an office."""
    units = lex.alternation(lex.sub_units)
    return re.match(rf",\s*(?:the\s+)?(?:[A-Z][\w’'-]*\s+(?:and\s+)?){{0,5}}{units}\b",
                    text[name.end : name.end + 100]) is not None


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _accents_optional(word: str) -> str:
    """A regex matching ``word`` (unaccented) with or without accents on its letters: "Kenzo" or "Kenzō"."""
    return "".join(f"[{re.escape(char)}{''.join(_ACCENTED.get(char, ''))}]" if char.isalpha() else re.escape(char)
                   for char in word)


_ACCENTED = {"a": "àáâäāã", "e": "èéêëē", "i": "ìíîïī", "o": "òóôöōõ", "u": "ùúûüū", "n": "ñ", "c": "ç",
             "A": "ÀÁÂÄĀ", "E": "ÈÉÊËĒ", "I": "ÌÍÎÏĪ", "O": "ÒÓÔÖŌ", "U": "ÙÚÛÜŪ"}
