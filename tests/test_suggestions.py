"""Courses put to the other side in the present tense, sides asking after a relative clause, and bodies
approaching another to act. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from graph.extract import extract
from graph.pipeline import process
from tests.test_extract_rules import plain
from tests.test_meeting_records import dfat
from tests.test_messages_and_committees import asks

LETTER = ("Canberra, 3 February 1973\n\nDear Prime Minister,\n\n{body}\n\nYours sincerely,\n\nGOUGH WHITLAM\n\n"
          "[NAA: A1838, 1/2/3]")


def test_a_writer_who_suggests_that_something_be_done_asks_for_it(tmp_path: Path) -> None:
    letter = dfat(tmp_path, "LETTER WHITLAM TO HEATH", LETTER.format(
        body="I suggest that our talk be followed up soon by an exchange of views between our officers."))
    found = asks(extract(letter))
    assert [who for who, _ in found] == ["WHITLAM"], found
    assert "exchange of views" in found[0][1], found


def test_a_suggestion_that_states_an_opinion_asks_nothing(tmp_path: Path) -> None:
    letter = dfat(tmp_path, "LETTER WHITLAM TO HEATH", LETTER.format(
        body="I suggest that the present arrangement cannot be maintained much longer, and I suggest that the "
             "Governor might have reservations about it."))
    assert asks(extract(letter)) == []


def test_a_side_named_before_a_relative_clause_is_the_one_asking() -> None:
    ext = extract(plain("The United Kingdom, which seems prepared to acquiesce in the omission, has asked for our "
                        "comments."))
    assert asks(ext) == [("United Kingdom", "our comments")], asks(ext)


def test_a_body_that_approached_another_to_act_asked_it_to() -> None:
    res = process(plain("In 1972 the Commonwealth Cabinet approached the British Government to enact legislation on "
                        "merchant shipping."))
    found = asks(res.extraction)
    assert found == [("Commonwealth Cabinet", "enact legislation on merchant shipping")], found
    asker = res.entity(res.extraction.requests[0].requester)
    assert asker is not None and asker.name == "Australian Cabinet", asker
