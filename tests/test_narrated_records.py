"""Records of a talk narrated by their writer: a "Country: subject" heading names no speaker, the writer is
the party the text never names (an editor's footnote identifying him does not count), and "he said" is the
visitor who opened the record. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from graph.pipeline import process
from tests.test_meeting_records import dfat


def test_a_country_heading_with_a_colon_is_no_speaker(tmp_path: Path) -> None:
    record = dfat(tmp_path, "RECORD OF CONVERSATION BETWEEN PELL AND WADE", (
        "Canberra, 9 May 1963\n\nSecret\n\nMalaysia: Defence Aspects\n\nMr. Wade called today to discuss Malaysia. "
        "He asked whether our approach had yet been made.\n\n[NAA: A1838, 1/2/3]"), date="1963-05-09", num=993)
    res = process(record)
    people = {e.name for e in res.entities.values() if e.kind.value == "person"}
    assert "Malaysia" not in people, people
    askers = {res.entity(r.requester).name for r in res.extraction.requests if res.entity(r.requester)}
    assert "Malaysia" not in askers, askers


RECORD = ("Canberra, 29 May 1963\n\nSecret\n\nMalaysia: Defence Aspects\n\nMr. Wade called today to discuss "
          "Malaysia. He left telegrams with me.\n\n2\\. He said that the Malayans intended to approach Australia and "
          "he asked whether this approach had yet been made. I did not demur.\n\n3\\. I said that I had been giving "
          "some thought to American aid. I took the opportunity to explain our position.\n\n4\\. Mr. Wade then raised "
          "the question of our thinking on the defence agreement.\n\n[NAA: A1838, 1/2/3]\n\n"
          "1 Gordon Pell, Assistant Secretary, South East Asia Branch.")


def test_the_writer_is_the_party_named_only_in_an_editors_footnote(tmp_path: Path) -> None:
    record = dfat(tmp_path, "RECORD OF CONVERSATION BETWEEN PELL AND WADE", RECORD, date="1963-05-29", num=994)
    res = process(record)
    writer = res.extraction.writer
    assert writer is not None and res.entity(writer).name.endswith("Pell"), writer


def test_he_said_is_the_visitor_who_opened_the_record_and_asks_for_our_thinking(tmp_path: Path) -> None:
    record = dfat(tmp_path, "RECORD OF CONVERSATION BETWEEN PELL AND WADE", RECORD, date="1963-05-29", num=995)
    ext = process(record).extraction
    found = [(ext.mentions[r.requester].surface, r.item_label) for r in ext.requests]
    assert ("Wade", "our thinking on the defence agreement") in found, found
    assert ("Wade", "this approach had yet been made") in found, found


def test_a_minute_about_someone_who_spoke_elsewhere_makes_him_no_attendee(tmp_path: Path) -> None:
    minute = dfat(tmp_path, "MINUTE PELL TO WADE", (
        "Canberra, 29 May 1963\n\nSecret\n\nMr. Trudeau announced his policy yesterday. He said that Canada would "
        "recognise Peking soon. I think we should wait.\n\n[NAA: A1838, 1/2/3]"), date="1963-05-29", num=996)
    res = process(minute)
    attendees = {res.entity(i).name for i in res.extraction.attendees if res.entity(i)}
    assert not any(name.endswith("Trudeau") for name in attendees), attendees


def test_a_present_list_goes_on_in_the_next_sentence_and_an_office_before_a_name_is_no_name(tmp_path: Path) -> None:
    record = dfat(tmp_path, "MEMORANDUM OF CONVERSATION BETWEEN PELL AND WADE", (
        "London, 17 March 1961\n\nSecret\n\nThis question was discussed on 17th March. Present for the United Kingdom "
        "were Mr Pell in the Chair, the Lord Privy Seal Mr Wade and Mr Soames. On the Commonwealth side were the "
        "Australian Prime Minister, Mr Menzies, with Sir Eric Harrison and Dr Whitelaw, and Mr Holyoake, Prime "
        "Minister, New Zealand, with Mr Laking.\n\nMr Pell said that he welcomed them.\n\n[NAA: A1838, 1/2/3]"),
        date="1961-03-17", num=997)
    res = process(record)
    attendees = {res.entity(i).name.split()[-1] for i in res.extraction.attendees if res.entity(i)}
    assert {"Pell", "Wade", "Soames", "Menzies", "Harrison", "Whitelaw", "Holyoake", "Laking"} <= attendees, attendees
    names = {e.name for e in res.entities.values() if e.kind.value == "person"}
    assert not any("Privy" in name or name == "New Zealand" for name in names), names
