"""The read stage on real records: FRUS TEI, DFAT Markdown, Wilson Center JSON and CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.read import dfat
from graph.read.detect import read_file
from graph.read.signatures import signature
from graph.types import Document, Kind, Span

RECORDS = Path(__file__).parent / "data" / "records"


def spans_ok(doc: Document) -> None:
    """Every span indexes ``text`` and is stripped; footnotes never overlap the body."""
    singles = [doc.title, doc.place, doc.body, doc.summary, doc.participants_block]
    many = (
        doc.paragraphs + doc.participants + doc.footnotes + doc.recorders + doc.translators + doc.contributors
    )
    for span in [s for s in singles if s] + many + [h.span for h in doc.hints] + doc.emphasis:
        assert 0 <= span.start < span.end <= len(doc.text)
        assert doc.quote(span) == doc.quote(span).strip()
    for note in doc.footnotes:
        assert doc.body is None or not note.overlaps(doc.body)


@pytest.fixture(scope="module")
def d125() -> Document:
    (doc,) = read_file(RECORDS / "frus" / "frus1964-68v14-d125.xml")
    return doc


def test_frus_memcon_metadata(d125: Document) -> None:
    assert d125.format == "frus-tei"
    assert d125.record_id == "frus1964-68v14-d125"
    assert d125.quote(d125.title) == "125. Memorandum of Conversation"  # verbatim, as FRUS prints it
    assert d125.doc_type == "Memorandum of Conversation"
    assert d125.date == "1965-09-09"
    assert d125.quote(d125.place) == "Moscow"
    assert d125.citation.startswith("Source: National Archives and Records Administration, RG 59")
    assert d125.source_url == "https://history.state.gov/historicaldocuments/frus1964-68v14/d125"
    spans_ok(d125)


def test_frus_participants_and_hints(d125: Document) -> None:
    assert [d125.quote(s) for s in d125.participants] == [
        "Anatoliy F. Dobrynin",
        "Foy D. Kohler",
        "John C. Guthrie",
    ]
    assert d125.quote(d125.participants_block).startswith(
        "PARTICIPANTS\nAnatoliy F. Dobrynin, Soviet Ambassador"
    )
    people = {(d125.quote(h.span), h.key) for h in d125.hints if h.kind is Kind.PERSON}
    assert ("Kohler", "frus1964-68v14#p_KFD1") in people
    assert ("Brezhnev", "frus1964-68v14#p_BLI1") in people  # from a footnote
    assert any(h.kind is Kind.COUNTRY and h.key == "gloss:t_USSR1" for h in d125.hints)


def test_frus_footnotes_after_body(d125: Document) -> None:
    assert len(d125.footnotes) == 2
    assert d125.quote(d125.footnotes[1]).startswith("In Research Memorandum RSB-92")
    body = d125.quote(d125.body)
    assert "Research Memorandum" not in body
    assert "attacks on the President personally, created a climate" in body
    assert d125.quote(d125.paragraphs[-1]).endswith("the Treaty wouldbe ratified.")


def test_frus_numbered_list_and_signer() -> None:
    (doc,) = read_file(RECORDS / "frus" / "frus1964-68v04-d332.xml")
    assert doc.record_id == "frus1964-68v04-d332"
    assert doc.quote(doc.title) == "332. Telegram From the Embassy in Poland to the Department of State"
    assert (doc.doc_type, doc.date, doc.quote(doc.place)) == ("Telegram", "1966-12-07", "Warsaw")
    assert doc.quote(doc.paragraphs[1]).startswith("1. FonMin Rapacki called me to his office")
    assert [doc.quote(s) for s in doc.recorders] == ["Gronouski"]
    spans_ok(doc)


def test_dfat_record_of_conversation() -> None:
    (doc,) = read_file(RECORDS / "dfat" / "v27-102-record-of-conversation-between-wilson-and-gorton.md")
    assert doc.format == "dfat-md" and doc.record_id == "dfat-v27-d102"
    assert doc.quote(doc.title) == "RECORD OF CONVERSATION BETWEEN WILSON AND GORTON"
    assert doc.text.startswith("RECORD OF CONVERSATION BETWEEN WILSON AND GORTON\n\nLondon, 7 January 1969")
    assert (doc.date, doc.quote(doc.place), doc.doc_type) == (
        "1969-01-07",
        "London",
        "Record of Conversation",
    )
    assert doc.citation == "UKNA: FCO 24/384/1"
    assert "---" not in doc.text and "_" not in doc.text and "](#f" not in doc.text
    assert doc.quote(doc.paragraphs[0]).startswith("After some discussion of Rhodesia")
    assert any(
        doc.quote(p).startswith("Mr. Gorton said that Australia, which expected") for p in doc.paragraphs
    )
    assert len(doc.footnotes) == 5
    assert doc.quote(doc.footnotes[0]).startswith("The meeting was held at 10 Downing Street.")
    spans_ok(doc)


def test_dfat_present_list_by_delegation() -> None:
    (doc,) = read_file(RECORDS / "dfat" / "v22-108-cablegram-to-canberra.md")
    assert doc.record_id == "dfat-v22-d108"
    assert doc.citation == "NAA: A1838, 3107/33/1/1, xiii"
    names = [doc.quote(s) for s in doc.participants]
    assert names == [
        "Paul Hasluck",
        "Mr. P. Shaw",
        "Mr. J.D. Petherbridge",
        "Mr. G. Clark",
        "Mr. A.A. Gromyko",
        "Mr. V.A. Zorin",
        "Mr.A.A. Roshin",
    ]
    assert doc.quote(doc.participants_block).startswith(
        "Present\n\nAustralia\n\nMinister for External Affairs"
    )
    assert "2\\." not in doc.text
    spans_ok(doc)


def dfat_md(title: str, body: str) -> Document:
    return dfat.read(f"---\ntitle: {title}\ndoc_date: '1965-03-03'\ndoc_num: 7\nvol_id: 99\n---\n\n{body}", "x.md")[0]


def test_dfat_italics_are_kept_as_spans_and_the_title_names_the_parties() -> None:
    doc = dfat_md("Record of Conversation Between Rusk and Casey",
                  "Canberra, 3 March 1965\n\nSecret\n\n_Laos_\n\n4\\. _The Minister_ said that it was not so. "
                  "_Rusk_[2](#f2) replied that it was.\n\n5\\. _Mr. Smith,_ continuing, said snake\\_case stays.")
    assert "_Laos_" not in doc.text and "snake_case" in doc.text
    assert [doc.quote(s) for s in doc.emphasis] == ["Laos", "The Minister", "Rusk", "Mr. Smith"]
    assert [doc.quote(s) for s in doc.participants] == ["Rusk", "Casey"] and doc.recorders == []
    spans_ok(doc)


def test_dfat_title_names_its_recorder_but_not_offices_or_bodies() -> None:
    doc = dfat_md("Record by Jones of Conversation with Soviet Charge D'Affaires", "Canberra, 3 March 1965\n\nText.")
    assert [doc.quote(s) for s in doc.recorders] == ["Jones"] and doc.participants == []
    for title in ("Paper by Department of Defence", "NOTE BY DEFENCE DEPARTMENT",
                  "Record of Discussion between Japanese and Australian Officials"):
        doc = dfat_md(title, "Canberra, 3 March 1965\n\nText.")
        assert doc.recorders == [] and doc.participants == [], title


def test_a_title_in_capitals_names_its_parties_in_capitals() -> None:
    from graph.extract import extract

    doc = dfat_md("RECORD OF CONVERSATION BETWEEN McMAHON, GREEN AND HOLDRIDGE", "Canberra, 3 March 1965\n\nText.")
    assert [doc.quote(s) for s in doc.participants] == ["McMAHON", "GREEN", "HOLDRIDGE"]
    people = {m.surface for m in extract(doc).mentions if m.kind.value == "person"}
    assert {"McMAHON", "GREEN", "HOLDRIDGE"} <= people
    for title in ("PAPER BY NORTH ASIA BRANCH", "MEMORANDUM BY NATIONAL ASSESSMENTS STAFF",
                  "MINUTES, SECOND MEETING WITH AUSTRALIAN CABINET"):
        doc = dfat_md(title, "Canberra, 3 March 1965\n\nText.")
        assert doc.recorders == [] and doc.participants == [], title


def test_wilson_json_transcript_is_russian() -> None:
    (doc,) = read_file(RECORDS / "wilson" / "epikulski_transcript_33548.json")
    assert (doc.format, doc.record_id, doc.language) == ("wilson-json", "33548", "ru")
    assert doc.source_url == "https://digitalarchive.wilsoncenter.org/transcripts/33548.html"
    assert doc.quote(doc.paragraphs[0]).startswith(
        "По указанию министра иностранных дел СССР тов. Вышинского"
    )
    assert [doc.quote(s) for s in doc.recorders] == ["Н. Рощин"]
    assert "<" not in doc.text and "cs366E2583" not in doc.text
    spans_ok(doc)


def test_wilson_csv_one_document_per_row() -> None:
    docs = read_file(RECORDS / "wilson" / "nhamby_wilson_archive_2910f69.csv")
    assert len(docs) == 11 and {d.format for d in docs} == {"wilson-csv"}
    nehru = docs[0]
    assert (nehru.record_id, nehru.date) == ("300653", "1949-04-01")
    assert nehru.quote(nehru.title) == "Letter, Jawaharlal Nehru to All Provincial Premiers"
    assert nehru.quote(nehru.place) == "New Delhi"
    kazakh = next(d for d in docs if d.record_id == "300239")
    assert [kazakh.quote(s) for s in kazakh.participants][:2] == [
        "President Nazarbayev",
        "Foreign Minister Tokayev",
    ]
    assert [kazakh.quote(s) for s in kazakh.translators] == ["Stephan Kieninger"]
    assert [kazakh.quote(s) for s in kazakh.recorders] == ["Bitterlich"]
    assert any(kazakh.quote(h.span) == "Kazakhstan" and h.kind is Kind.COUNTRY for h in kazakh.hints)
    japan = next(d for d in docs if d.record_id == "300641")
    assert [japan.quote(s) for s in japan.contributors] == ["Robert Hoppens"]
    for doc in docs:
        spans_ok(doc)


def test_a_closing_line_of_one_long_capitalised_word_is_no_signature_and_reads_at_once() -> None:
    # the signature pattern once took exponential time on such a line (2**40 steps here): a hang, not an error
    line = "A" + "a" * 40 + "!"
    assert signature(line, Span(0, len(line))) is None
    assert signature("Peter V. Crooks", Span(0, 15)) is not None
