"""Who wrote a DFAT-style record and who was at the meeting it tells of: the writer and addressee a
correspondence title names, the signer's closing line, and the writer's own "I saw X". Every
record here is invented for the test, in the way such records are written."""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.read import dfat
from graph.types import Document, Extraction, Kind
from tests.test_read_formats import spans_ok


def record(title: str, *paragraphs: str) -> Document:
    body = "\n\n".join(("Lisbon, 3 March 1965", "Secret", *paragraphs, "[NAA: A0000, 1/2/3]"))
    return dfat.read(f"---\ntitle: {title}\ndoc_date: '1965-03-03'\ndoc_num: 7\nvol_id: 99\n---\n\n{body}",
                     "x.md")[0]


def named(ext: Extraction, indices: list[int]) -> set[str]:
    return {ext.mentions[ext.coref.get(i, i)].surface for i in indices}


@pytest.mark.parametrize(("title", "writers", "addressees"), [
    ("DESPATCH, BRADSHAW TO KENDRICK-LYLE", ["BRADSHAW"], ["KENDRICK-LYLE"]),
    ("Minute from Ashby to Corrigan and Fell", ["Ashby"], ["Corrigan", "Fell"]),
    ("LETTER THORNE TO MAXWELL", ["THORNE"], ["MAXWELL"]),
    ("SUBMISSION NO. 212, HARGRAVE AND LOCKE TO CABINET", ["HARGRAVE", "LOCKE"], []),
    ("TELEGRAM, MORLAND TO FOREIGN AND COMMONWEALTH OFFICE", ["MORLAND"], []),
    ("SAVINGRAM, PELL TO ASIAN POSTS", ["PELL"], []),
    ("Cablegram from Embassy in Lisbon to Department of External Affairs", [], []),
    ("CABLEGRAM TO LISBON", [], []),
    ("BRIEF FOR AUSTRALIAN DELEGATION TO SEATO COUNCIL MEETING", [], []),
    ("TELEGRAM, ORMOND TO THE QUEEN", ["ORMOND"], []),
])
def test_a_correspondence_title_names_its_writer_and_addressee(title: str, writers: list[str],
                                                               addressees: list[str]) -> None:
    doc = record(title, "The talks went well.", "2\\. We shall report further.")
    assert [doc.quote(s) for s in doc.recorders] == writers
    assert [doc.quote(s) for s in doc.addressees] == addressees
    spans_ok(doc)


def test_the_titles_writer_is_a_person_and_recorder_but_a_post_addressed_is_no_person() -> None:
    ext = extract(record("CABLEGRAM, PELLINGHAM TO CANBERRA", "The talks went well.", "2\\. No more."))
    assert named(ext, ext.recorders) == {"PELLINGHAM"}
    people = {m.surface for m in ext.mentions if m.kind is Kind.PERSON}
    assert "PELLINGHAM" in people and "CANBERRA" not in people


@pytest.mark.parametrize(("closing", "signer"), [
    ("Thornbury.", "Thornbury"), ("Thornbury", "Thornbury"), ("Martin Oakes", "Martin Oakes"),
    ("McAlister.", "McAlister"), ("J.R. Felton\nMinister for External Affairs", "J.R. Felton"),
    ("Ends.", None), ("Message ends.", None), ("Asia Division", None), ("Deputy Secretary", None),
    ("Minister for External Affairs", None), ("[matter omitted]", None), ("Division II", None),
])
def test_a_closing_name_alone_signs_the_record(closing: str, signer: str | None) -> None:
    doc = record("CABLEGRAM TO CANBERRA", "Tamura said the reply would come soon.", closing)
    assert [doc.quote(s) for s in doc.recorders] == ([signer] if signer else [])
    spans_ok(doc)


def test_a_lone_body_paragraph_is_no_signature() -> None:
    assert record("NOTE ON LAOS", "Thornbury").recorders == []


CABLE = ("I saw Tamura and his Counsellor at the Japanese Embassy this morning.",
         "2\\. Tamura said that his Government wanted the text agreed before May.",
         "3\\. I replied that we needed more time.", "Oakes.")


def test_the_writer_who_says_he_saw_someone_met_him() -> None:
    ext = extract(record("CABLEGRAM TO CANBERRA", *CABLE))
    assert named(ext, ext.recorders) == {"Oakes"}
    assert {"Oakes", "Tamura"} <= named(ext, ext.attendees)
    alone = extract(record("CABLEGRAM TO CANBERRA", "I saw Tamura and his Counsellor this morning.",
                           "2\\. The talk was brief.", "Oakes."))
    assert named(ext, ext.attendees) >= named(alone, alone.attendees) == {"Oakes", "Tamura"}


def test_a_meeting_hoped_for_or_writing_alone_is_no_presence() -> None:
    hoped = extract(record("CABLEGRAM TO CANBERRA", "I hope to see Tamura tomorrow.", "2\\. More later.", "Oakes."))
    assert "Oakes" not in named(hoped, hoped.attendees)
    despatch = extract(record("DESPATCH, OAKES TO KENDRICK",
                              "In this despatch, Sir, I offer an account of the crisis.",
                              "2\\. Mr Tamura said that the Government would fall. I shall report further.",
                              "3\\. I passed to you yesterday a copy of the budget papers."))
    assert "OAKES" not in named(despatch, despatch.attendees)


def test_from_someone_before_the_writers_own_clause_is_no_sender() -> None:
    ext = extract(record("Letter from Oakes to Kendrick",
                         "I talked with Tamura and Ishida. From Tamura, I heard the objections to the plan.",
                         "2\\. We shall report further."))
    assert ext.writer is not None and ext.mentions[ext.writer].surface == "Oakes"


def test_the_one_party_never_named_again_narrates_an_unsigned_first_person_record() -> None:
    ext = extract(record("RECORD OF CONVERSATION BETWEEN QUENNELL AND OSTRANDER",
                         "Mr Ostrander said that the treaty was ready. I said that we would study it.",
                         "I asked whether the garrison would stay. Mr Ostrander replied that it would."))
    assert named(ext, ext.recorders) == {"QUENNELL"}


def test_no_narrator_where_two_parties_are_never_named_again_or_no_one_says_i() -> None:
    two = extract(record("RECORD OF CONVERSATION BETWEEN QUENNELL, VELASQUEZ AND OSTRANDER",
                         "Mr Ostrander said that the treaty was ready. I said that we would study it.",
                         "I asked whether the garrison would stay."))
    assert two.recorders == []
    third = extract(record("RECORD OF CONVERSATION BETWEEN QUENNELL AND OSTRANDER",
                           "Mr Ostrander said that the treaty was ready. The Minister agreed."))
    assert third.recorders == []
