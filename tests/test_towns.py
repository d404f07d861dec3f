"""Towns beyond the curated gazetteer (GeoNames cities15000, graph/data/towns.tsv), found only where a sentence
places the name. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, Dataset, URIRef

from graph.model.iri import SDO
from graph.pipeline import build_dataset, process
from graph.resolve.gazetteer import Gazetteer, fold
from graph.resolve.towns import Towns
from graph.types import Kind
from tests.test_extract_rules import plain


def towns_of(body: str) -> dict[str, str]:
    """Surface -> town key, for every town the extractor names in ``body``."""
    res = process(plain(body))
    return {m.surface: m.key for m in res.extraction.mentions if m.source == "town"}


def test_a_town_after_a_locative_word_is_a_place_with_its_geonames_iri(tmp_path: Path) -> None:
    record = tmp_path / "memo.txt"
    record.write_text("The British and Polish delegations met in Zabrze and then travelled to Greenock.\n",
                      encoding="utf-8")
    ds, _ = build_dataset([record])
    union = Dataset(default_union=True)
    for quad in ds.quads((None, None, None, None)):
        union.add(quad)
    rows = union.query(
        "SELECT ?name ?same WHERE { ?p a schema:Place ; schema:name ?name ; owl:sameAs ?same . "
        "FILTER(STRSTARTS(STR(?same), 'https://sws.geonames.org/')) }", initNs={"schema": SDO, "owl": OWL})
    found = {(str(r.name), str(r.same)) for r in rows}
    assert ("Zabrze", "https://sws.geonames.org/3080985/") in found, found
    assert ("Greenock", "https://sws.geonames.org/2647948/") in found, found
    assert not any(isinstance(r.name, URIRef) for r in rows)


def test_a_small_town_counts_only_where_the_record_names_its_country() -> None:
    assert towns_of("The talks at Greenock were useful.") == {}
    assert towns_of("The British talks at Greenock were useful.") == {"Greenock": "place:greenock"}


def test_a_homonym_is_the_town_of_the_country_the_record_names() -> None:
    assert towns_of("The Canadian Minister spoke in Windsor.") == {"Windsor": "place:windsor"}
    assert towns_of("The Queen received the British Minister at Windsor.") == {"Windsor": "place:windsor_gb"}


def test_a_town_listed_with_a_known_place_needs_no_locative_word() -> None:
    found = towns_of("Port development (Kaohsiung, Keelung) was discussed.")
    assert found == {"Keelung": "place:keelung"}, found


def test_a_name_that_is_more_than_the_town_or_is_a_persons_is_no_town() -> None:
    assert towns_of("The British Minister stayed in Windsor Castle and then at Dover's house.") == {}
    assert towns_of("Mr Greenock, the British delegate, arrived. The ship is at Greenock.") == {}


def test_english_words_among_geonames_towns_are_not_towns() -> None:
    found = towns_of("In Commonwealth countries and in Federal matters the British met in March at Central "
                     "Office; the Republic of China was in Summit talks.")
    assert found == {}, found


def test_no_town_takes_a_curated_name_so_the_curated_entry_always_wins() -> None:
    gazetteer = Gazetteer.default()
    curated = {fold(n).casefold() for e in gazetteer.entries() for n in (e.name, *e.aliases)}
    towns = Towns.default()
    clashes = [n for n in curated if towns.named(n)]
    assert clashes == [], clashes[:20]
    assert gazetteer.get("place:baden_baden").name == "Baden-Baden"
    assert gazetteer.get("place:whitehall").kind is Kind.PLACE



def places_of(body: str) -> set[str]:
    res = process(plain(body))
    return {e.name for e in res.entities.values() if e.kind is Kind.PLACE}


def test_a_site_named_with_a_site_word_is_a_place_but_a_persons_name_is_not() -> None:
    found = places_of("At London Airport the Minister flew on to Bogor Palace. Mr Leslie Castle wrote from "
                      "Australia House.")
    assert {"London Airport", "Bogor Palace", "Australia House"} <= found, found
    assert not any("Castle" in name or name.startswith("At ") for name in found), found
