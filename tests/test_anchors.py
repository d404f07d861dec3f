"""The request cues' anchor words (graph.extract.anchors) rule out only sentences the cue patterns
cannot match: checked on every sentence of the seed and the test records, for every pattern."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.extract.anchors import anchors
from graph.extract.lexicon import lexicon
from graph.extract.sentences import sentences
from graph.read import read_path
from graph.types import Span

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "seeds" / "000_241508d0c6af083c.txt", *sorted((ROOT / "tests" / "data" / "records").glob("*.*"))]


def all_sentences() -> list[str]:
    out = []
    for path in FILES:
        for doc in read_path(path):
            for para in doc.paragraphs or [Span(0, len(doc.text))]:
                out.extend(s.of(doc.text) for s in sentences(doc.text, para))
    return out


SENTENCES = all_sentences()


@pytest.mark.parametrize("pattern", lexicon().request_patterns)
def test_a_sentence_a_cue_matches_holds_one_of_its_anchor_words(pattern: str) -> None:
    words = anchors(pattern)
    assert words, "every cue pattern has anchor words (else every sentence is searched with it)"
    compiled = re.compile(pattern, re.I)
    matched = [s for s in SENTENCES if compiled.search(s)]
    assert all(any(w in s.lower() for w in words) for s in matched)


def test_anchors_are_what_a_match_needs() -> None:
    assert anchors(r"\b(?:we|i)\s+(?:would\s+)?like\s+you\s+to\s+") == {"like"}
    assert anchors(r"\bplease\s+|\bkindly\s+") == {"please", "kindly"}
    assert anchors(r"(?=(?:think|tell)\b)\w+") == {"think", "tell"}
    assert anchors(r"(?<=asked\s)\w+") is None, "a lookbehind may lie outside the sentence"
    assert anchors(r"\b(?:we|i)\s+\w+") is None, "two-letter words are no use"
    assert len(SENTENCES) > 1000
