"""Asks named as nouns with their maker after "by"/"from", proposals in the subjunctive, and asks the
editors' footnotes tell. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from graph.extract import extract
from tests.test_extract_rules import plain
from tests.test_meeting_records import dfat
from tests.test_messages_and_committees import asks


def test_an_ask_named_with_its_maker_after_by_is_the_makers() -> None:
    found = asks(extract(plain("The Secretary said that the British had resisted calls by the USSR for a "
                               "conference of the great powers on the reduction of tension.")))
    assert found == [("USSR", "a conference of the great powers on the reduction of tension")], found


def test_an_ask_named_with_its_maker_after_from_is_the_makers() -> None:
    found = asks(extract(plain("Mr. Hollings mentioned a request from the Chinese side to switch the financing of "
                               "the steel mill to the new fund.")))
    assert [(who, item.split()[0]) for who, item in found] == [("Chinese", "switch")], found


def test_an_ask_said_not_to_have_been_made_or_only_supposed_is_none() -> None:
    assert asks(extract(plain("Mr. Hollings said there had been no requests from the British Government for "
                              "additional troops in the area."))) == []
    assert asks(extract(plain("Mr. Hollings said that on receipt of a request from Ruritania for legislation the "
                              "Government would come under pressure."))) == []


def test_a_proposal_in_the_subjunctive_is_an_ask_and_a_statement_is_not() -> None:
    found = asks(extract(plain("Mr. Dulles proposed that the Big Four invite the parties to a conference on Korea.")))
    assert found == [("Dulles", "the Big Four invite the parties to a conference on Korea")], found
    assert asks(extract(plain("Mr. Dulles proposed that the conference had been premature."))) == []


def test_an_ask_an_editors_footnote_tells_with_its_maker_counts(tmp_path: Path) -> None:
    record = dfat(tmp_path, "Cablegram to Bonn", (
        "Canberra, 3 May 1954\n\n1. We have seen the Geneva arrangements.[1](#f1)\n\n[NAA: A1838, 1/2/3]\n\n"
        "1 At Berlin the four ministers discussed Korea. Mr. Dulles, for his part, proposed that the Big Four "
        "invite the parties to a conference on Korea."), date="1954-05-03")
    found = asks(extract(record))
    assert found == [("Dulles", "the Big Four invite the parties to a conference on Korea")], found


def test_a_footnote_sentence_with_no_one_named_asking_is_no_ask(tmp_path: Path) -> None:
    record = dfat(tmp_path, "Cablegram to Bonn", (
        "Canberra, 3 May 1954\n\n1. We have seen the Geneva arrangements.[1](#f1)\n\n[NAA: A1838, 1/2/3]\n\n"
        "1 The conference was asked to consider Korea first."), date="1954-05-03")
    assert asks(extract(record)) == []


def test_a_surname_ending_in_s_found_once_names_him_again() -> None:
    ext = extract(plain("Mr. Hollings said that Eden and Dulles had pressed the matter. Dulles, for his part, "
                        "proposed that the Big Four invite the parties to a conference."))
    people = [m.surface for m in ext.mentions if m.kind.value == "person"]
    assert people.count("Dulles") == 2, people


def test_an_ask_named_with_a_maker_the_record_does_not_name_is_not_the_speakers() -> None:
    found = asks(extract(plain("Mr. Hollings mentioned calls by some villagers for a new well.")))
    assert found == [], found
