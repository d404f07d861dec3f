"""Roles that stand for a person named elsewhere in the record: "the Chancellor", "The
Secretary said", "the Foreign Minister". A role refers to the one person the record gives that
title ("Chancellor Kohl", "Ambassador Foy D. Kohler", "John C. Guthrie, Minister-Counselor");
where no one or several people hold it, it is left alone.
"""

from __future__ import annotations

import re

from graph.extract.lexicon import lexicon
from graph.types import Extraction, Kind, Mention, Span


def person_titles(ext: Extraction) -> dict[int, set[str]]:
    """Titles written beside each person mention: before the name, or after a comma."""
    text = ext.document.text
    lex = lexicon()
    titles = lex.alternation(tuple(lex.titles))
    # "Chancellor Kohl", "Ambassador Mr. Foy Kohler", "The Chancellor's [Helmut Kohl's]"
    before = re.compile(rf"\b({titles})(?:[’']s)?[ \t]+\[?(?:(?:{lex.alternation(lex.honorifics)})\.?[ \t]+)?$"
                        rf"|\b({titles})(?:[’']s)?[ \t]*\[$")
    after = re.compile(rf"[ \t]*[,(][ \t]*(?:[\w-]+[ \t]+)?((?:[\w]+-)?{titles})\b")
    # a list line "Minister for External Affairs: The Honourable Paul Hasluck"
    listed = re.compile(rf"^[ \t]*({titles})\b[^\n:]{{0,60}}:[ \t]*(?:The[ \t]+Hono(?:u)?rable[ \t]+)?"
                        rf"(?:(?:{lex.alternation(lex.honorifics)})\.?[ \t]+)?$", re.MULTILINE)
    found: dict[int, set[str]] = {}
    for index, mention in enumerate(ext.mentions):
        if mention.kind is not Kind.PERSON:
            continue
        lead = before.search(text, max(0, mention.span.start - 40), mention.span.start)
        line = listed.search(text, text.rfind("\n", 0, mention.span.start) + 1, mention.span.start)
        tail = after.match(text, mention.span.end)
        for match in (lead, line, tail):
            if match:
                found.setdefault(index, set()).add(_last_word(next(g for g in match.groups() if g)))
    return found


def _last_word(title: str) -> str:
    """The head of a title: "Minister-Counselor" -> "Counselor", "Foreign Minister" -> "Minister"."""
    return re.split(r"[\s-]+", title.strip())[-1].lower()


def find_roles(ext: Extraction) -> list[tuple[Mention, int]]:
    """Role mentions with the person mention each refers to."""
    text = ext.document.text
    lex = lexicon()
    titles = lex.alternation(tuple(t for t in lex.titles if t[0].isupper()))
    pattern = re.compile(rf"\b[Tt]he[ \t]+({titles})\b(?![ \t]+[A-Z][a-z])")
    holders: dict[str, set[int]] = {}
    for index, titles_of in person_titles(ext).items():
        for title in titles_of:
            holders.setdefault(title, set()).add(index)
    present = {i for i, m in enumerate(ext.mentions)
               if m.kind is Kind.PERSON and any(m.span in item for item in ext.document.participants)}
    out = []
    for match in pattern.finditer(text):
        people = holders.get(_last_word(match.group(1)), set())
        people = (people & present) or people  # a title held by someone present wins
        surnames = {ext.mentions[i].surface.split()[-1] for i in people}
        if len(surnames) == 1:  # one person holds the title (however often named)
            span = Span(match.start(), match.end())
            out.append((Mention(span, Kind.PERSON, span.of(text), source="role"), min(people)))
    return out
