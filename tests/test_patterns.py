"""The trie regexes (graph.patterns) match exactly what a longest-first alternation of the same
words matches, on the lexicon's own word lists, in running text and under re.IGNORECASE."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.extract.lexicon import lexicon
from graph.patterns import case_twins, trie_regex

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("*")).read_text(encoding="utf-8")


def plain_alternation(words: list[str]) -> str:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def word_lists() -> list[tuple[str, list[str]]]:
    lex = lexicon()
    out = []
    for field in dataclasses.fields(lex):
        value = getattr(lex, field.name)
        if isinstance(value, (tuple, frozenset)) and len(value) > 1 and all(isinstance(w, str) for w in value):
            out.append((field.name, sorted(value)))
    return out


def spans(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"\b{pattern}(?!\w)", text, flags)]


@pytest.mark.parametrize(("name", "words"), word_lists(), ids=[n for n, _ in word_lists()])
def test_trie_matches_the_plain_alternation_on_lexicon_lists(name: str, words: list[str]) -> None:
    # the words themselves, run together, cut short, in capitals, and the seed record's text
    text = " ".join(words) + " " + " ".join(w[:-1] for w in words) + " " + " ".join(words).upper() + " " + SEED
    flag_sets = (0,) if case_twins(words) else (0, re.I)
    for flags in flag_sets:
        assert spans(trie_regex(words), text, flags) == spans(plain_alternation(words), text, flags)


def test_case_twins_are_detected() -> None:
    assert case_twins(["Minister", "minister of state"])
    assert not case_twins(["Minister", "Ministry", "President"])


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(alphabet="abAB .'\t", min_size=1, max_size=5), min_size=1, max_size=8, unique=True),
       text=st.text(alphabet="abAB .'x", max_size=40))
def test_trie_matches_the_plain_alternation_on_any_words(words: list[str], text: str) -> None:
    plain = [m.span() for m in re.finditer(plain_alternation(words), text)]
    assert [m.span() for m in re.finditer(trie_regex(words), text)] == plain
