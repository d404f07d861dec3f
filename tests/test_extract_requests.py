"""How diplomatic records phrase a request: courtesy forms, expectations, assurances sought, appeals,
wishes to ask, bare infinitives, the writer's own requests named later; each on sentences written
for these tests (``test_extract_rules.py`` has the older request rules)."""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.types import Extraction
from tests.test_extract_rules import plain

TELEGRAM = "For the Secretary from Harriman.\n\n"


def asked(ext: Extraction) -> list[tuple[str | None, str]]:
    """(requester, what is asked) for each request."""
    return [(ext.mentions[r.requester].surface if r.requester is not None else None, r.item_label)
            for r in ext.requests]


def assert_asked(sentence: str, who: str, words: str) -> None:
    """``who`` asks for something holding ``words`` in a telegram where Velasquez and Ostrander met."""
    got = asked(extract(plain(TELEGRAM + "Mr. Velasquez and Mr. Ostrander met. " + sentence)))
    assert any(asker == who and words in label for asker, label in got), got


def test_a_letters_courteous_ask_is_the_writers_and_two_asks_joined_are_two() -> None:
    ext = extract(plain(TELEGRAM + "The weather was cold. I should be very grateful for your considered views on "
                                   "the Laos settlement and any help you can give to bring the parties together."))
    got = asked(ext)
    assert len(got) == 2 and {who for who, _ in got} == {"Harriman"}
    assert "views on the Laos settlement" in got[0][1] and got[1][1].startswith("any help you can give")


@pytest.mark.parametrize(("sentence", "words"), [
    ("I would appreciate your help in finding the missing correspondent.", "finding the missing correspondent"),
    ("I told Gromyko that I expected the Soviet Government to pay for the broken windows.", "broken windows"),
    ("I felt bound to seek firm assurances from the Ministry that the police would guard the consulate.",
     "assurances from the Ministry"),
    ("I recalled that we had requested the Foreign Ministry for a police guard at the consulate.", "police guard"),
    ("Mr. Dobrynin said he would read an appeal to the Canadian Government to ratify the convention on the sea-bed.",
     "ratify the convention"),
    ("Mr. Soares went on to say that his last appeal was on Regulation 1408.", "Regulation 1408"),
    ("Mr. Holt said the matter was delicate. He wished to ask particularly that nothing of this should reach "
     "the press.", "nothing of this should reach the press"),
    ("Mr. Kohl said it was urgent. He asked the Prime Minister look into the shipping dispute.",
     "look into the shipping dispute"),
    ("Mr. Zorin said that the Soviet Union demanded that the United States withdraw its carriers.", "withdraw"),
])
def test_requests_phrased_as_diplomats_phrase_them(sentence: str, words: str) -> None:
    labels = [label for _, label in asked(extract(plain(TELEGRAM + sentence)))]
    assert any(words in label for label in labels), labels


@pytest.mark.parametrize("sentence", [
    "There was nothing I need say to him about the harvest.",
    "I expected the talks to be difficult.",
    "The bill would abolish appeals to the High Court without reference to London.",
    "Mr. Rusk thanked the Minister for External Affairs.",
])
def test_a_modal_need_a_forecast_an_appeal_at_law_and_an_office_are_no_requests(sentence: str) -> None:
    assert asked(extract(plain(TELEGRAM + sentence))) == []


def test_an_expectation_of_two_acts_is_two_requests() -> None:
    got = asked(extract(plain(TELEGRAM + "I told Gromyko that I expected the Soviet Government to pay for the broken "
                                         "windows and to repair the roof of the consulate.")))
    assert [label for _, label in got] == ["pay for the broken windows", "repair the roof of the consulate"]


def test_the_writers_request_named_in_a_reply_is_the_writers() -> None:
    doc = plain("For the Secretary from Kohler.\n\nGromyko said he was busy. My further requests (namely the request "
                "for compensation for the damage) he said would be studied.")
    got = asked(extract(doc))
    assert got == [("Kohler", "compensation for the damage")]


def test_a_request_pointing_at_this_matter_names_the_subject_raised_before() -> None:
    doc = plain("Mr. Kohl said he wished to raise a different question concerning the fisheries agreement with "
                "Norway. He asked the Prime Minister to study this matter.")
    labels = [label for _, label in asked(extract(doc))]
    assert labels == ["study this matter (the fisheries agreement with Norway)"]


def test_an_ask_reported_inside_anothers_report_is_the_nearer_speakers() -> None:
    doc = plain("Mr. Rapacki said that when Mr. Lewandowski stated to Mr. Lodge that it was advisable for "
                "the USG to restate its position, the bombing grew.")
    got = asked(extract(doc))
    assert got and {who for who, _ in got} == {"Lewandowski"}


@pytest.mark.parametrize("sentence", [
    "I expect in fact to receive the report before then.",
    "The need for growth demanded a large volume of immigrants.",
    "If the U.S.A. did ask Australia for a quick signature, Cabinet would meet.",
    "He said they had had every opportunity to seek explanations through the usual channels.",
])
def test_a_forecast_a_things_demand_a_supposed_ask_and_a_missed_chance_are_no_requests(sentence: str) -> None:
    assert asked(extract(plain(TELEGRAM + sentence))) == []


@pytest.mark.parametrize("sentence", [
    "I would appreciate that the Governor had the Crown in mind throughout.",
    "I would hope that our exporters will take full advantage of the opening.",
    "Suharto has appealed to the people to give the new Cabinet a chance.",
    "It was humiliating to have the final appeal for any part of its courts heard abroad.",
    "Can we expect her to accept an avowed enemy on her doorstep.",
])
def test_understanding_hoping_for_ones_own_appeals_at_home_and_at_law_are_no_requests(sentence: str) -> None:
    assert asked(extract(plain(TELEGRAM + sentence))) == []


def test_one_purpose_joined_by_and_to_with_a_gerund_is_one_ask() -> None:
    got = asked(extract(plain(TELEGRAM + "I would like you to raise the following subjects with a view to both "
                                         "putting our case and to eliciting their thinking.")))
    assert len(got) == 1 and "eliciting" in got[0][1]


def test_asks_announced_then_stated_as_what_must_be_done() -> None:
    body = ("Mr. Soares thanks the Chancellor for his remarks. He wanted to make personal appeals to the Chancellor "
            "today: first, he wanted to appeal to the Chancellor. It was therefore essential to settle two things "
            "before May, namely the tariff and the fishing quota.")
    got = asked(extract(plain(body)))
    assert {who for who, _ in got} == {"Soares"} and len(got) == 2
    assert "tariff" in got[0][1] and "fishing quota" in got[1][1]
    unannounced = "Mr. Soares thanks the Chancellor. It was therefore essential to settle the tariff before May."
    assert asked(extract(plain(unannounced))) == []


def test_talks_already_held_are_reported_not_proposed() -> None:
    for held in ("President Kwasniewski went on to say that the Chancellor had recently held talks in Kiev.",
                 "Mr. Smirnov said that talks were held in Geneva last year."):
        assert not extract(plain(held)).proposals, held
    assert extract(plain("Mr. Smirnov said that talks could be held in Geneva.")).proposals


def test_forenames_in_a_surname_first_list_are_not_people() -> None:
    from tests.test_extract_rules import people

    found = people(plain("Mr. Neuer said hello. Mr. Yeltsin said no. Mr. Chirac said yes.\n\n"
                         "People and organizations: Neuer, Walter; Yeltsin, Boris; Chirac, Jacques"))
    assert not {"Walter", "Boris", "Jacques"} & found
    assert {"Neuer", "Yeltsin", "Chirac"} <= found


def test_the_office_is_no_person_where_someone_has_it_as_surname() -> None:
    from tests.test_extract_rules import people

    text = "President Kwasniewski said that he had spoken with the Chancellor and told the Chancellor so."
    assert people(plain(text)) == {"Kwasniewski"}


@pytest.mark.parametrize(("sentence", "who", "words"), [
    ("Mr. Ostrander asked the Premier for his views generally as to the future of the canal zone.", "Ostrander",
     "future of the canal zone"),
    ("Mr. Ostrander asked what the Premier’s reaction would be to a reduction of the garrison.", "Ostrander",
     "reduction of the garrison"),
    ("Mr. Ostrander began by pleading strongly and at length for the adoption of the Norwegian draft.", "Ostrander",
     "adoption of the Norwegian draft"),
    ("I spoke at length. I finally extracted a promise from Mr. Velasquez to send the draft to his capital.",
     "Harriman", "send the draft to his capital"),
    ("At the request of Mr. Ostrander, Mr. Velasquez will send a personal letter to the President.", "Ostrander",
     "send a personal letter"),
    ("Mr. Ostrander said that he had come mainly to seek Norwegian support for the fisheries convention.",
     "Ostrander", "Norwegian support for the fisheries convention"),
    ("Mr. Ostrander said that the Government of Chile would like Norway to reopen the fisheries talks.",
     "Ostrander", "reopen the fisheries talks"),
])
def test_views_sought_pleas_promises_won_and_requests_granted_are_requests(sentence: str, who: str, words: str) -> None:
    assert_asked(sentence, who, words)


@pytest.mark.parametrize("sentence", [
    "Mr. Ostrander said that he was pressed for time and would leave at noon.",
    "Mr. Ostrander said that his Government would seek to support the fisheries convention.",
    "Mr. Ostrander said that Chile wanted Norway to know that the convention was signed.",
    "Mr. Ostrander asked what time the train would leave.",
])
def test_being_pressed_for_time_and_a_question_of_fact_are_no_requests(sentence: str) -> None:
    assert asked(extract(plain(TELEGRAM + sentence))) == []


def test_the_office_of_the_party_a_record_never_names_again_is_that_party() -> None:
    from graph.types import Span

    body = ("Record of Conversation between Ostrander and Velasquez\n\n"
            "The Minister asked Mr. Velasquez for his views on the future of the canal zone. Mr. Velasquez said "
            "that the matter was under study.\n\nThe Minister then asked Mr. Velasquez for his view of the "
            "situation in the interior.")
    doc = plain(body)
    doc.title = Span(0, body.index("\n"))
    got = asked(extract(doc))
    assert got and all(who == "The Minister" for who, _ in got), got
    ext = extract(doc)
    holder = {ext.mentions[ext.coref[r.requester]].surface for r in ext.requests if r.requester in ext.coref}
    assert holder == {"Ostrander"}


@pytest.mark.parametrize("sentence", [
    "Mr. Ostrander said that for his part he did not press for a date to be fixed.",
    "Mr. Ostrander said that he did not at present want to press for the repeal of the statute.",
])
def test_pressing_withheld_or_only_intended_is_no_request(sentence: str) -> None:
    assert asked(extract(plain(TELEGRAM + sentence))) == []


def test_the_federal_chancellor_is_the_chancellor_the_record_names() -> None:
    ext = extract(plain("Chancellor Ostrander received President Velasquez. At the request of the Federal "
                        "Chancellor, President Velasquez will send a personal letter to Bonn."))
    holders = {ext.mentions[ext.coref.get(r.requester, r.requester)].surface for r in ext.requests
               if r.requester is not None}
    assert holders == {"Ostrander"}, asked(ext)


@pytest.mark.parametrize(("sentence", "who", "words"), [
    ("I began by asking that the existence of the channel should remain secret.", "Harriman",
     "existence of the channel should remain secret"),
    ("Mr. Velasquez asked that Mr. Ostrander return to Oslo by way of Lima.", "Velasquez", "Oslo by way of Lima"),
    ("Mr. Velasquez replied that it was up to Norway first to withdraw its trawlers.", "Velasquez",
     "withdraw its trawlers"),
    ("Mr. Ostrander proposed that the fisheries talks be resumed after the election.", "Ostrander",
     "fisheries talks be resumed"),
    ("I said that it would be helpful if Mr. Velasquez could tell me what his Government intended.", "Harriman",
     "what his Government intended"),
    ("Mr. Velasquez listened with care and asked me to raise the quota with his officials.", "Velasquez",
     "raise the quota"),
    ("As over an hour had already gone by, I urged him to send the draft to his capital.", "Harriman",
     "send the draft to his capital"),
])
def test_that_clauses_conditions_courtesy_and_who_asks_the_writer(sentence: str, who: str, words: str) -> None:
    assert_asked(sentence, who, words)


@pytest.mark.parametrize("sentence", [
    "Mr. Velasquez asked his private secretary to arrange a car for the delegation.",
    "Mr. Velasquez said that it was up to us to decide the date.",
    "Mr. Ostrander asked that question twice.",
    "Mr. Ostrander asked that he had heard nothing of the convoy.",
])
def test_orders_to_ones_own_staff_ones_own_task_and_statements_are_no_requests(sentence: str) -> None:
    assert asked(extract(plain(TELEGRAM + "Mr. Velasquez and Mr. Ostrander met. " + sentence))) == []


@pytest.mark.parametrize(("sentence", "who", "words"), [
    ("President Velasquez once again asked for Chile to be given a larger quota.", "Velasquez",
     "larger quota"),
    ("Mr. Ostrander said it would be good if the Chilean side could consider such a gesture.", "Ostrander",
     "consider such a gesture"),
    ("Mr. Ostrander queried Mr. Velasquez about his assessment of the new fisheries agreement.", "Ostrander",
     "new fisheries agreement"),
])
def test_asks_after_once_again_as_a_hope_for_the_other_side_or_a_query(sentence: str, who: str, words: str) -> None:
    assert_asked(sentence, who, words)


@pytest.mark.parametrize(("sentence", "who", "words"), [
    ("We have asked for a full enquiry into the sinking of the trawler.", "Harriman", "full enquiry"),
    ("I said that what Norway wanted from Chile was her support for the fisheries convention.", "Harriman",
     "support for the fisheries convention"),
    ("At our suggestion, he undertook to keep in touch with us on the quota.", "Harriman", "keep in touch"),
    ("It would be helpful if Chile or Peru or other coastal states could open a discussion of the quota.",
     "Harriman", "open a discussion of the quota"),
])
def test_the_writers_side_asks_names_what_it_wants_and_has_a_suggestion_taken_up(
        sentence: str, who: str, words: str) -> None:
    got = asked(extract(plain(TELEGRAM + "I saw Mr. Velasquez today. " + sentence)))
    assert any(asker == who and words in label for asker, label in got), got


def test_what_we_felt_is_no_ask_of_the_writers() -> None:
    got = asked(extract(plain(TELEGRAM + "We felt that the quota would hold.")))
    assert got == []
