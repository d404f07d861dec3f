"""A title that alone names one person in its years ("the Tunku", "the Shah", "the Pope"; lexicon
``sole_titles``), and a Malay or Arabic name's own name before "bin". Sentences written for these tests."""

from __future__ import annotations

from graph.pipeline import process
from tests.test_extract_rules import plain


def people(text: str, date: str) -> dict[str, set[str]]:
    """Person entity name -> the forms the record writes it in."""
    doc = plain(text)
    doc.date = date
    res = process(doc)
    return {e.name: set(e.alternate_names) for e in res.entities.values() if e.kind.value == "person"}


def test_the_tunku_is_tunku_abdul_rahman_and_joins_his_full_name() -> None:
    found = people("Tunku Abdul Rahman met Mr Pell in Kuala Lumpur. Later the Tunku asked for arms, and the "
                   "Tunku’s effigy was burnt.", "1963-02-21")
    assert found == {"Abdul Rahman": {"Abdul Rahman", "Tunku"}, "Pell": {"Pell"}}, found
    alone = people("The High Commissioner said the Tunku would not go.", "1963-02-21")
    assert "Abdul Rahman" in alone and "Tunku" in alone["Abdul Rahman"], alone


def test_the_holder_of_a_title_is_the_one_of_the_records_year() -> None:
    assert "John XXIII" in people("The Pope appealed for calm.", "1962-10-25")
    assert "Paul VI" in people("The Pope appealed for calm.", "1968-10-25")
    assert people("The Shah arrived.", "1990-05-01") == {}
    assert "Mohammad Reza Pahlavi" in people("The Shah arrived.", "1971-05-01")


def test_a_title_before_a_name_is_no_title_alone() -> None:
    found = people("The Shah Reza Khan visited Kabul.", "1971-05-01")
    assert "Mohammad Reza Pahlavi" not in found, found


def test_a_malay_name_goes_by_the_word_before_bin() -> None:
    found = people("Dato Suleiman Bin Dato Abdul Rahman, High Commissioner for the Federation of Malaya, called. "
                   "Suleiman said that Tun Abdul Razak bin Hussein agreed, and that Razak would write.", "1963-02-21")
    assert found == {"Suleiman Bin Dato Abdul Rahman": {"Suleiman Bin Dato Abdul Rahman", "Suleiman"},
                     "Abdul Razak bin Hussein": {"Abdul Razak bin Hussein", "Razak"}}, found
