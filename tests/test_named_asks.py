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


CABLE = "New York, 18 August 1971\n\n{body}\n\nHollings\n\n[NAA: A1838, 1/2/3]"


def test_views_sounded_out_by_the_writer_are_his_asks(tmp_path: Path) -> None:
    record = dfat(tmp_path, "Cablegram to Canberra", CABLE.format(body=(
        "I spoke yesterday with Tarrant and canvassed the suggestions on draft resolutions in your 809. Later I "
        "saw Okumura. I asked him what he thought of your two drafts as alternatives to the American drafts.")))
    found = asks(extract(record))
    assert [who for who, _ in found] == ["Hollings", "Hollings"], found
    assert found[0][1].startswith("the suggestions on draft resolutions") and "your two drafts" in found[1][1]


def test_what_must_be_done_said_to_the_other_side_is_an_ask_but_not_ones_own_task() -> None:
    found = asks(extract(plain("Mr. Tarrant said that it was important that the United States and Ruritania should "
                               "reach agreement on drafts as soon as possible.")))
    assert found == [("Tarrant", "the United States and Ruritania should reach agreement on drafts as soon as "
                                 "possible")], found
    assert asks(extract(plain("Mr. Tarrant said that it was important that we should keep the drafts secret."))) == []


def test_a_side_trying_to_persuade_another_asks_it(tmp_path: Path) -> None:
    ext = extract(plain("Mr. Tarrant said that the situation was good. The Americans had been trying to persuade the "
                        "Nationalists not to go on proclaiming their intention of liberating the mainland."))
    found = [(ext.mentions[r.requester].surface, ext.mentions[r.on_behalf_of].surface, r.item_label)
             for r in ext.requests]
    assert found == [("Tarrant", "Americans", "not to go on proclaiming their intention of liberating the mainland")]
    assert asks(extract(plain("Mr. Tarrant sought our support in persuading the British to permit the flight."))) \
        == [("Tarrant", "our support in persuading the British to permit the flight")]


def test_a_hope_put_to_the_addressee_is_an_ask_of_him(tmp_path: Path) -> None:
    record = dfat(tmp_path, "Cablegram from Hollings to Tarrant", CABLE.format(body=(
        "I raise this matter, in the hope that you can speak to the Minister about it, with some temerity.")))
    found = asks(extract(record))
    assert [(who, item.split(",")[0]) for who, item in found] == [("Hollings", "speak to the Minister about it")]


def test_a_matter_handed_on_to_officials_is_proposed() -> None:
    found = asks(extract(plain("Mr. Tarrant said that it should now be left to officials to discuss this in detail.")))
    assert found == [("Tarrant", "officials to discuss this in detail")], found


def test_a_hope_that_it_might_be_possible_asks_nothing() -> None:
    assert asks(extract(plain("Mr. Tarrant said he would hope that it might one day be possible to embrace China in "
                              "a system of limitation."))) == []


def test_a_side_opening_the_sentence_asks() -> None:
    assert asks(extract(plain("Portugal has asked for an early meeting of the council."))) == [
        ("Portugal", "an early meeting of the council")]
    assert asks(extract(plain("If Portugal asked for an early meeting of the council we would agree."))) == []


def test_a_visitor_is_the_voice_of_his_own_errand(tmp_path: Path) -> None:
    record = dfat(tmp_path, "Record by Booker of Conversation with Tarrant", (
        "Canberra, 3 May 1967\n\nMr. Tarrant called at his own request to explain his Government's view of the "
        "treaty and to ask for an indication of our own attitude.\n\nHe said that the treaty was not yet drafted. "
        "I said that we had no view yet.\n\nN. BOOKER"), date="1967-05-03")
    assert asks(extract(record)) == [("Tarrant", "an indication of our own attitude")]


def test_what_is_asked_keeps_its_own_words_when_the_items_only_qualify_it() -> None:
    found = asks(extract(plain("Mr. Tarrant asked whether the British Government would press the Six now for specific "
                               "quantitative guarantees for Australian butter and sugar.")))
    assert any("quantitative guarantees" in item for _, item in found), found
    seed_like = asks(extract(plain("Mr. Tarrant asked us to give them two regiments of MiG-21 aircraft.")))
    assert [item for _, item in seed_like] == ["them two regiments of MiG-21 aircraft"], seed_like


def test_the_one_asked_ends_before_to_and_a_not_to_ask_keeps_its_not() -> None:
    found = asks(extract(plain("Mr. Hollings said he had asked Mr. Oxbury to explain it to the Ruritanians. "
                               "He asked Mr. Velasquez not to publish the figures.")))
    assert found == [("Hollings", "explain it to the Ruritanians"), ("Hollings", "not to publish the figures")], found


def test_an_ask_before_a_question_after_a_dash_counts_and_the_question_does_not() -> None:
    found = asks(extract(plain("Mr. Hollings asked for a cessation of the broadcasts—why must Oslo go on "
                               "attacking us?")))
    assert found == [("Hollings", "a cessation of the broadcasts")], found
    assert asks(extract(plain("Mr. Hollings asked why Oslo must go on with the broadcasts?"))) == []


def test_a_side_wanting_talks_with_another_asks_for_them_for_no_person() -> None:
    ext = extract(plain("Mr. Velasquez wanted the matter settled. The Norwegians said they wanted talks with Sweden "
                        "to find a formula for ending the dispute."))
    found = [(ext.mentions[r.requester].surface, r.on_behalf_of, r.item_label) for r in ext.requests]
    assert ("Norwegians", None, "talks with Sweden to find a formula for ending the dispute") in found, found
    assert asks(extract(plain("Mr. Velasquez said one wanted to start negotiations with Norway."))) == []
