"""What a request cue asks for, cut into the separate asks it holds, whose it is when the record's
writer names it as "my request", and the subject it points at ("this matter") (used by ``facts.find_requests``)."""

from __future__ import annotations

import re
from dataclasses import replace

from graph.extract.lexicon import lexicon
from graph.patterns import compiled
from graph.types import Extraction, Request, Span

# A second ask joined to the first: "... for any further views you may have and any efforts you may
# make to end the war", "... to pay for the damage and to repair the windows" (not "and to the
# Embassy", "and to Hanoi": a second place or receiver of the same ask; nor "with a view to both putting
# our view and to eliciting theirs": one purpose).
_SECOND_ASK = re.compile(
    r",?\s+and\s+(?:also\s+)?(?=any\s+\w|to\s+(?!the\b|a\b|an\b|this\b|that\b|\w+ing\b|(?-i:[A-Z]))[a-z]+\s)", re.I)
_LISTED = re.compile(r",?\s+and\s+(?=the\s|an?\s)", re.I)


def asks(text: str, sentence: Span, cue: tuple[int, int], end: int) -> list[Span]:
    """The spans asked for after ``cue`` up to ``end``: cut at the parenthesis the cue stands in,
    split where a second ask is joined to the first or where things asked are listed after "namely"."""
    end = _close(text, sentence, cue, end)
    out: list[Span] = []
    start = cue[1]
    namely = re.search(r"\bnamely\b", text[start:end], re.I)
    joints = list(_SECOND_ASK.finditer(text, start, end))
    if namely:  # "two things, namely the Euro and the opening of negotiations"
        joints += list(_LISTED.finditer(text, start + namely.end(), end))
    for joint in sorted(joints, key=lambda m: m.start()):
        if joint.start() > start:
            out.append(Span(start, joint.start()))
        start = joint.end()
    if end > start:
        out.append(Span(start, end))
    return out


def _close(text: str, sentence: Span, cue: tuple[int, int], end: int) -> int:
    """A cue inside "( ... )" asks only up to the closing parenthesis."""
    before = text[sentence.start : cue[0]]
    if before.count("(") <= before.count(")"):
        return end
    close = text.find(")", cue[1], end)
    return close if close >= 0 else end


# What is asked only points at the subject under discussion: "asked the Minister to look into this matter".
_POINTER = re.compile(
    r"\b(?:this|that|the)\s+(?:matter|question|problem|issue|subject|topic)\b(?!\s+(?:of|on|about)\b)", re.I)
# Where the record names that subject: "an entirely different topic pertaining to the EU directive on ...".
_SUBJECT = re.compile(r"\b(?:topic|subject|question|matter|problem|issue)\s+(?:pertaining\s+to|concerning|regarding|"
                      r"relating\s+to|of|on|about)\s+((?:the|an?)\s+[^,.;:()]{3,80}?)(?=[,.;:()]|\s+(?:and|which|that)\b)",
                      re.I)


def with_subject(ext: Extraction, requests: list[Request]) -> list[Request]:
    """Name the subject a request points at ("look into this matter") from the words that
    introduced it, in the same paragraph or the one before."""
    text = ext.document.text
    out = []
    for request in requests:
        if _POINTER.search(request.item_label):
            paragraphs = [p for p in ext.document.paragraphs if p.start <= request.evidence.start]
            start = paragraphs[-2].start if len(paragraphs) > 1 else (paragraphs[-1].start if paragraphs else 0)
            named = list(_SUBJECT.finditer(text, start, request.evidence.start))
            if named:
                request = replace(request, item_label=f"{request.item_label} ({named[-1].group(1).strip()})")
        out.append(request)
    return out


class Announced:
    """Asks announced ("he wanted to make personal appeals to the Chancellor:") and made afterwards in
    the same paragraph and voice by a statement of what must be done ("It was therefore essential to ...")."""

    def __init__(self) -> None:
        lex = lexicon()
        self._announce = [compiled(p, re.I) for p in lex.request_announcements]
        self.patterns = [compiled(p, re.I) for p in lex.announced_request_patterns]
        self._by: tuple[Span, int | None] | None = None

    def after(self, text: str, paragraph: Span, speaker: int | None, sentence: Span) -> bool:
        """Is ``sentence`` in a paragraph where ``speaker`` announced asks before it? (Call once per sentence.)"""
        made = self._by is not None and self._by == (paragraph, speaker) and speaker is not None
        if any(p.search(text, sentence.start, sentence.end) for p in self._announce):
            self._by = (paragraph, speaker)
        elif self._by is not None and self._by[0] != paragraph:
            self._by = None
        return made
