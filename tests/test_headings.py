"""A record's subject heading written "Country: subject" names no speaker. Sentences written for this test."""

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
