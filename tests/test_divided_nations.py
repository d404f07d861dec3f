"""A divided nation's bare name in the years of its division, "the Community", and hopes put to the writer's
side in reported speech. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from graph.extract import extract
from graph.pipeline import process
from tests.test_institutions import org_names
from tests.test_meeting_records import dfat
from tests.test_messages_and_committees import asks


def _countries(tmp_path: Path, date: str, body: str) -> set[str]:
    record = dfat(tmp_path, "Record of Conversation", f"Canberra, 3 May {date[:4]}\n\n{body}", date=date)
    return {e.name for e in process(record).entities.values() if e.kind.value == "country"}


def test_germany_in_the_years_of_division_is_the_federal_republic(tmp_path: Path) -> None:
    found = _countries(tmp_path, "1967-05-03", "Mr Hollings said that Germany would sign if the German "
                                               "Government were consulted.")
    assert found == {"Federal Republic of Germany"}, found


def test_germany_stays_the_nation_where_the_record_names_both_states_or_before_the_division(tmp_path: Path) -> None:
    both = _countries(tmp_path, "1967-05-03", "Mr Hollings said that East Germany and Germany as a whole were "
                                              "the question.")
    assert both == {"German Democratic Republic", "Germany"}, both
    before = _countries(tmp_path, "1938-05-03", "Mr Hollings said that Germany would sign.")
    assert before == {"Germany"}, before


def test_korea_after_1948_is_the_south_unless_the_north_is_named(tmp_path: Path) -> None:
    assert _countries(tmp_path, "1964-05-03", "Mr Hollings said Korea would send troops.") == {"South Korea"}
    both = _countries(tmp_path, "1954-05-03", "Mr Hollings said North Korea and Korea as a whole were the issue.")
    assert both == {"North Korea", "Korea"}, both


def test_the_community_alone_is_the_eec_but_not_a_community_of_something() -> None:
    assert "European Economic Community" in org_names("Mr Hollings said the Community would not agree to quotas.")
    assert "European Economic Community" not in org_names("Mr Hollings met the Community of Sant'Egidio.")


def test_a_hope_put_to_the_writers_side_in_reported_speech_is_an_ask_but_not_ones_own_hope(tmp_path: Path) -> None:
    record = dfat(tmp_path, "Record by Cumes of Conversation with Timbs", (
        "Canberra, 3 May 1971\n\nMr Timbs called today. He said the survey was ready. He hoped that we could go "
        "ahead with this survey as quickly as possible. I hoped that we could finish it by June.\n\nJ. CUMES"),
        date="1971-05-03")
    assert asks(extract(record)) == [("Timbs", "we could go ahead with this survey as quickly as possible")]
