"""Bad input, encodings, detection by content, plain memcons."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import DecodeError, MalformedError, ReadError, UnknownFormatError
from graph.read.detect import read_file

RECORDS = Path(__file__).parent / "data" / "records"
MEMCON = """MEMORANDUM OF CONVERSATION

Date: March 4, 1965
Place: Soviet Foreign Ministry, Moscow
Participants: Mr. A. A. Gromyko, Minister of Foreign Affairs; Ambassador Foy D. Kohler

Gromyko: The Soviet Government cannot ignore the bombing.
Kohler: The United States has no wish to widen the conflict.
Gromyko: Then let it stop the raids on the DRV.

Both agreed to meet again in Geneva.
"""


def test_plain_memcon(tmp_path: Path) -> None:
    path = tmp_path / "memcon.txt"
    path.write_text(MEMCON, encoding="utf-8")
    (doc,) = read_file(path)
    assert doc.format == "plain" and doc.text == MEMCON
    assert doc.quote(doc.title) == "MEMORANDUM OF CONVERSATION"
    assert doc.doc_type == "Memorandum of Conversation"
    assert (doc.date, doc.quote(doc.place)) == ("1965-03-04", "Soviet Foreign Ministry, Moscow")
    assert [doc.quote(s) for s in doc.participants] == ["Mr. A. A. Gromyko", "Ambassador Foy D. Kohler"]
    assert [doc.quote(p) for p in doc.paragraphs] == [
        "Gromyko: The Soviet Government cannot ignore the bombing.",
        "Kohler: The United States has no wish to widen the conflict.",
        "Gromyko: Then let it stop the raids on the DRV.",
        "Both agreed to meet again in Geneva.",
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1251", "koi8_r", "utf-8-sig"])
def test_russian_encodings_round_trip(tmp_path: Path, encoding: str) -> None:
    text = "Запись беседы\n\nГромыко: Советское правительство не может согласиться с этим предложением.\n"
    path = tmp_path / f"ru-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = read_file(path)
    assert doc.text == text and doc.language == "ru"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_western_encodings_round_trip(tmp_path: Path, encoding: str) -> None:
    text = "Aide-mémoire\n\nM. Couve de Murville a déclaré que la France était prête à négocier à Genève.\n"
    path = tmp_path / f"fr-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = read_file(path)
    assert doc.text == text


def test_empty_and_binary(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(ReadError, match="empty file") as err:
        read_file(empty)
    assert str(empty) in str(err.value)
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(DecodeError, match="binary") as err:
        read_file(binary)
    assert str(binary) in str(err.value) and "\n" not in str(err.value)


def test_truncated_tei_is_malformed(tmp_path: Path) -> None:
    source = (RECORDS / "frus" / "frus1964-68v14-d125.xml").read_text(encoding="utf-8")
    path = tmp_path / "d125.xml"
    path.write_text(source[: len(source) // 2], encoding="utf-8")
    with pytest.raises(MalformedError) as err:
        read_file(path)
    message = str(err.value)
    assert message.startswith(f"{path}: [AG103] malformed TEI XML:") and " at line " in message
    assert "\n" not in message


def test_detection_is_by_content_not_suffix(tmp_path: Path) -> None:
    tei = tmp_path / "record.txt"
    tei.write_bytes((RECORDS / "frus" / "frus1964-68v04-d332.xml").read_bytes())
    assert read_file(tei)[0].format == "frus-tei"
    md = tmp_path / "record.xml"
    md.write_bytes((RECORDS / "dfat" / "v22-108-cablegram-to-canberra.md").read_bytes())
    assert read_file(md)[0].format == "dfat-md"


def test_unknown_formats(tmp_path: Path) -> None:
    xml = tmp_path / "other.xml"
    xml.write_text("<?xml version='1.0'?><catalog><book id='1'/></catalog>", encoding="utf-8")
    with pytest.raises(UnknownFormatError, match="XML with root <catalog>"):
        read_file(xml)
    data = tmp_path / "data.json"
    data.write_text('{"a": 1, "b": [1, 2, 3]}', encoding="utf-8")
    with pytest.raises(UnknownFormatError, match="JSON"):
        read_file(data)
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "1", "raw": "<p>x</p>", ', encoding="utf-8")
    with pytest.raises(MalformedError, match="malformed JSON"):
        read_file(bad)


def test_html_saved_as_text(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>"
        "<p>Memorandum of Conversation</p><p>Present: Mr. Rusk, Mr. Dobrynin</p>"
        "<p>Rusk: We want talks in Geneva.</p></body></html>",
        encoding="utf-8",
    )
    (doc,) = read_file(page)
    assert "<" not in doc.text and "p{}" not in doc.text
    assert "Rusk: We want talks in Geneva." in [doc.quote(p) for p in doc.paragraphs]


def test_collection_json_is_not_a_record(tmp_path: Path) -> None:
    path = tmp_path / "collection.json"
    path.write_text(
        '{"id": "491", "name": "Xinjiang", "slug": "x", "short_description": "y"}', encoding="utf-8"
    )
    with pytest.raises(ReadError, match="collection"):
        read_file(path)
