"""A divided nation's bare name in the years of its division, and "the Community". Sentences written for these
tests."""

from __future__ import annotations

from pathlib import Path

from graph.pipeline import process
from tests.test_institutions import org_names
from tests.test_meeting_records import dfat


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

