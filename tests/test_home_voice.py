"""Who "we" is in an instruction cabled from home by a writer the record does not name ("Personal for
the Ambassador from Minister", dated Canberra in the Australian archive): the home government, so its
asks and the venues it proposes have someone to ask them. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from graph.extract import extract
from graph.types import Extraction
from tests.test_meeting_records import dfat

CABLE = ("{place}, 22 May 1971\n\n2354. Secret\n\nPersonal for Oxbury from Minister\n\n"
         "The Australian Government has decided to seek talks with Ruritania. We wish you to open a dialogue by "
         "approaching the Ruritanian Ambassador in Oslo. When you saw him last, he asked whether I saw any danger "
         "in a visit.")


def _asks(ext: Extraction) -> list[tuple[str, str]]:
    return [(ext.mentions[r.requester].surface if r.requester is not None else "-", r.item_label)
            for r in ext.requests]


def _venues(ext: Extraction) -> list[tuple[str, str]]:
    return [(ext.mentions[v.proposer].surface if v.proposer is not None else "-", ext.mentions[v.venue].surface)
            for v in ext.proposals]


def test_we_in_an_unsigned_cable_from_home_is_the_home_government(tmp_path: Path) -> None:
    ext = extract(dfat(tmp_path, "Cablegram to Oslo", CABLE.format(place="Canberra")))
    assert ext.writer is None
    assert _asks(ext) == [("Australian Government", "open a dialogue by approaching the Ruritanian Ambassador "
                                                    "in Oslo")]  # not "whether I saw any danger": he asks that
    assert _venues(ext) == [("Australian Government", "Oslo")]


def test_we_in_an_unsigned_cable_from_abroad_is_nobody_known(tmp_path: Path) -> None:
    ext = extract(dfat(tmp_path, "Cablegram to Oslo", CABLE.format(place="London")))
    assert _asks(ext) == [] and _venues(ext) == []
