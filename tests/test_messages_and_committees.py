"""Who asks in reported messages and committee records: a message's sender, a committee's chair, a
witness who is asked, a letter's cleft sentence, an order to one's own staff. Sentences written for
these tests."""

from __future__ import annotations

from pathlib import Path

from graph.extract import extract
from graph.types import Extraction
from tests.test_extract_rules import people, plain
from tests.test_meeting_records import dfat


def asks(ext: Extraction) -> list[tuple[str, str]]:
    """(requester as written, after coreference; what is asked) for each request."""
    return [(ext.mentions[ext.coref.get(r.requester, r.requester)].surface, r.item_label) for r in ext.requests]


MESSAGE = ("Mr Pell said that his Ambassador in Lisbon had sent a message from the Portuguese Foreign Minister, "
           "Nogueira, asking him to agree to talks in Geneva.")


def test_a_message_that_asks_is_its_senders_request_and_venue() -> None:
    ext = extract(plain("RECORD OF CONVERSATION\n\n" + MESSAGE))
    assert asks(ext) == [("Nogueira", "agree to talks in Geneva")], asks(ext)
    venues = [(ext.mentions[v.proposer].surface, ext.mentions[v.venue].surface) for v in ext.proposals]
    assert venues == [("Nogueira", "Geneva")], venues  # not Lisbon: where the Ambassador sat and what he did


def test_the_chair_is_the_chairman_and_an_invitation_past_an_apposition_is_an_ask() -> None:
    ext = extract(plain("RECORD OF MEETING OF THE TARIFF COMMITTEE\n\nMr Okonkwo in the Chair. Twelve members "
                        "present.\n\nThe Chairman said that he had invited Dr R.T. Halvorsen, Reader in Economics at "
                        "the University of Leeds, to address the committee on tariffs."))
    assert asks(ext) == [("Okonkwo", "address the committee on tariffs")], asks(ext)


def test_a_witness_who_is_asked_does_not_ask() -> None:
    ext = extract(plain("RECORD OF MEETING\n\nAsked whether the tariff would hurt the growers, Dr Halvorsen said "
                        "that it would. Mr Pell asked whether the quotas would be kept."))
    assert [who for who, _ in asks(ext)] == ["Pell"], asks(ext)


def test_a_letters_cleft_sentence_is_its_writers_ask() -> None:
    ext = extract(plain("For the Secretary from Harriman.\n\nIt is for these reasons that I ask you to reconsider "
                        "the decision to close the consulate."))
    assert asks(ext) == [("Harriman", "reconsider the decision to close the consulate")], asks(ext)


def test_an_order_to_ones_own_staff_is_no_request(tmp_path: Path) -> None:
    doc = dfat(tmp_path, "CABLEGRAM, HOLLOWAY TO FOREIGN AFFAIRS",
               "Paris, 8 June 1971\n\nI called on Mr Dupont-Aignan this morning. Mr Pascal was present.\n\n"
               "2. At this point, Mr Dupont-Aignan asked his Chef de Cabinet, who was also present, to comment, "
               "saying that he himself was ignorant of the subject.\n\n[NAA: A1838, 1/2/3]", date="1971-06-08", num=995)
    assert asks(extract(doc)) == [], asks(extract(doc))


def test_the_chair_is_no_person_before_an_office_in_apposition() -> None:
    found = people(plain("Present were Mr Okonkwo in the Chair, the Lord Privy Seal, and Mr Pell."))
    assert {"Okonkwo", "Pell"} <= found and "Chair" not in found, found


def test_an_ask_in_the_passive_is_its_agents_and_nobodys_without_one() -> None:
    by_agent = extract(plain("RECORD OF CONVERSATION\n\nMr Pell said that we had been asked by the British for "
                             "the use of naval vessels."))
    assert asks(by_agent) == [("British", "the use of naval vessels")], asks(by_agent)
    earlier = extract(plain("RECORD OF CONVERSATION\n\nMr Okonkwo, of the Immigration Branch, was contacted by an "
                            "officer of the Australian Embassy, and was asked to reconsider this case."))
    assert [who for who, _ in asks(earlier)] == ["Australian"], asks(earlier)
    nobody = extract(plain("RECORD OF CONVERSATION\n\nMr Pell said we had been asked only to co-sponsor the "
                           "inscription of a new item."))
    assert asks(nobody) == [], asks(nobody)  # not Pell's: he was asked


def test_a_present_tense_ask_in_a_memorandum_is_the_askers() -> None:
    ext = extract(plain("MEMORANDUM\n\nMr Dupont asks Mr Pell to keep him informed about his talks with Iran."))
    assert [item for _, item in asks(ext)] == ["keep him informed about his talks with Iran"], asks(ext)


def test_asking_to_see_someone_is_an_ask_for_a_meeting() -> None:
    ext = extract(plain("RECORD OF CONVERSATION\n\nMr Okonkwo said he had asked to see me today about the "
                        "tariff."))
    assert any(who == "Okonkwo" and item.startswith("see me") for who, item in asks(ext)), asks(ext)


def test_insisting_that_something_be_done_is_an_ask_and_two_who_insist_are_led_by_the_first() -> None:
    ext = extract(plain("RECORD OF CONVERSATION\n\nMr Pell told me he had met Okonkwo twice.\n\nPell and Dupont "
                        "stressed that Okonkwo's confidence should be respected."))
    assert asks(ext) == [("Pell", "Okonkwo's confidence should be respected")], asks(ext)
    assert {"Pell", "Dupont"} <= {ext.mentions[i].surface for i in ext.attendees}
    view = extract(plain("RECORD OF CONVERSATION\n\nMr Pell stressed that it was important to keep in touch."))
    assert asks(view) == [], asks(view)  # a view, no obligation put to anyone
