"""Who voices a sentence the writer does not open with "I", and which places named near talk of
meeting are no venues; on sentences written for these tests."""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.extract.speakers import scopes
from graph.types import Extraction
from tests.test_extract_rules import plain

TELEGRAM = "For the Secretary from Harriman.\n\nI saw Mr. Velasquez this morning.\n\n"


def venues(ext: Extraction) -> list[tuple[str | None, str]]:
    """(proposer, venue) for each proposal."""
    name = lambda i: ext.mentions[i].surface if i is not None else None  # noqa: E731
    return [(name(v.proposer), name(v.venue)) for v in ext.proposals]


def test_lettered_items_after_a_colon_are_the_voice_that_opened_them() -> None:
    ext = extract(plain(TELEGRAM + "2. I then said:—\n\n(a) The aim of my Government was a settlement.\n\n"
                                   "(b) Norway wanted to open conversations in Oslo on the fisheries.\n\n"
                                   "3. Mr. Velasquez replied that the fisheries were not his concern."))
    assert ("Harriman", "Oslo") in venues(ext)
    voices = {sentence.of(ext.document.text)[:3]: ext.mentions[scope.speaker].surface
              for scope, sentence in scopes(ext) if scope.speaker is not None}
    assert voices["(a)"] == "Harriman" and voices["3. "] == "Velasquez"


def test_lettered_items_after_a_statement_have_no_borrowed_voice() -> None:
    ext = extract(plain(TELEGRAM + "The points were these.\n\n(a) Norway wanted to open conversations in Oslo."))
    assert venues(ext) == []


def test_the_writer_speaks_after_a_fronted_clause() -> None:
    ext = extract(plain(TELEGRAM + "8. As over an hour had gone by, I said that I would sum up. On behalf of my "
                                   "Government, I had proposed that conversations be opened in Oslo."))
    assert venues(ext) == [("Harriman", "Oslo")]


@pytest.mark.parametrize("sentence", [
    "In Oslo I have talked in turn to four of the ministers about the negotiations.",
    "Mr. Velasquez said that in none of his discussions in Oslo had there been any mention of the bases.",
    "Mr. Velasquez said that, as foreshadowed in the talks, Chile would reduce its forces in Peru and Bolivia.",
    "Mr. Velasquez said that the projected summit meeting would be held at Norway’s request.",
])
def test_talks_reported_things_stationed_and_a_possessive_are_no_venues(sentence: str) -> None:
    assert venues(extract(plain(TELEGRAM + sentence))) == []


def test_a_heading_word_the_record_also_writes_in_lower_case_is_no_speaker_label() -> None:
    from graph.extract.turns import find_labels

    doc = plain("Loans to Ruritania\n\n(2) Amount: $150 million over five years.\n\n(3) Terms: as before.\n\n"
                "Of this amount, $31 million has been paid; the terms are easy.\n\n"
                "Okonkwo: We should like a second loan.\n\nVarnholt: That will be studied.")
    labels = {label.name.of(doc.text) for label in find_labels(doc, set())}
    assert labels == {"Okonkwo", "Varnholt"}


def test_a_subject_heading_whose_last_word_the_record_writes_in_lower_case_is_no_person() -> None:
    ext = extract(plain("Submission to the Minister\n\nCanberra, 9 March 1971\n\nRuritania Policy: Representation "
                        "in the Assembly\n\nOur policy on representation needs review. Mr. Velasquez asked us to "
                        "support his draft."))
    people = {m.surface for m in ext.mentions if m.kind.value == "person"}
    assert "Ruritania Policy" not in people and "Velasquez" in people
    assert {ext.mentions[r.requester].surface for r in ext.requests if r.requester is not None} == {"Velasquez"}


def test_a_sentence_opening_with_a_knights_full_name_is_no_speaker_label_cut_from_it() -> None:
    ext = extract(plain("Record of Conversation\n\nPresent: Mr. Oxbury\n\nSir Hadley Fenwright said that the "
                        "reactor was ready.\n\nSir Hadley said that the costs were low.\n\nMr. Oxbury asked "
                        "about the tenders.\n\nFinally Sir Hadley Fenwright said he wished to consult the French."))
    people = {m.surface for m in ext.mentions if m.kind.value == "person"}
    assert {"Hadley", "Finally Sir Hadley"}.isdisjoint(
        m.surface for m in ext.mentions if m.kind.value == "person" and m.source == "speaker-label")
    assert ext.reported_speech and "Hadley Fenwright" in people
    assert {ext.mentions[t.speaker].surface for t in ext.turns} >= {"Hadley Fenwright", "Oxbury"}


def test_a_wish_for_a_venue_reported_by_the_writer_is_the_wishers() -> None:
    ext = extract(plain(TELEGRAM + "I told Mr. Velasquez of my talk with Mr. Ostrander and mentioned that "
                                   "Mr. Ostrander seemed keen to have talks in Lima while the President was there."))
    assert venues(ext) == [("Ostrander", "Lima")]


def test_going_to_a_place_to_talk_or_an_invitation_to_talk_there_proposes_it() -> None:
    ext = extract(plain(TELEGRAM + "Mr. Velasquez said that he hoped to go to Lima tomorrow to talk with the "
                                   "President."))
    assert venues(ext) == [("Velasquez", "Lima")]
    ext = extract(plain(TELEGRAM + "I thanked Mr. Velasquez for his invitation to talk with him in Lima."))
    assert [venue for _, venue in venues(ext)] == ["Lima"]
