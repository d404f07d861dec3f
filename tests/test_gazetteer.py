"""The curated gazetteer: data integrity and the text scanner's behaviour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from graph.resolve.gazetteer import CATEGORIES, DEFAULT_FILES, Gazetteer
from graph.types import Kind

DATA = Path(__file__).resolve().parent.parent / "graph" / "data"


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.default()


def found(gz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.entry.id) for m in gz.find(text)]


@pytest.mark.parametrize("name", DEFAULT_FILES)
def test_keys_unique_within_each_file(name: str) -> None:
    entries = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["entries"]
    keys = [e["key"] for e in entries]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert all(re.fullmatch(r"[a-z0-9_\-]+", k) for k in keys)


def test_references_resolve(gz: Gazetteer) -> None:
    for e in gz.entries():
        if e.country:
            assert f"country:{e.country}" in gz, (e.id, e.country)
        if e.parent:
            assert f"{e.kind.value}:{e.parent}" in gz, (e.id, e.parent)


def test_item_categories_are_the_contracts(gz: Gazetteer) -> None:
    items = gz.entries(Kind.ITEM)
    assert len(items) > 50
    assert {i.category for i in items} <= CATEGORIES
    assert all(i.category for i in items)


def test_ids_look_right(gz: Gazetteer) -> None:
    for e in gz.entries():
        assert e.wikidata is None or re.fullmatch(r"Q[1-9]\d*", e.wikidata), e.id
        assert e.geonames is None or e.geonames.isdigit(), e.id


def test_sizes_and_known_ids(gz: Gazetteer) -> None:
    assert len(gz.entries(Kind.COUNTRY)) >= 240
    assert len(gz.entries(Kind.PLACE)) >= 700
    assert gz.get("country:ussr").historical and gz.get("country:ussr").iso == "SUHH"
    assert gz.get("country:gdr").iso == "DDDE"
    assert gz.get("place:hanoi").country == "drv"
    assert gz.get("place:ho_chi_minh_city").country == "south_vietnam"
    assert gz.get("place:moscow").country == "ussr"
    assert gz.get("place:bonn").country == "frg"
    assert gz.get("place:moscow").geonames == "524901"


def test_longest_entity_wins(gz: Gazetteer) -> None:
    text = "Delegates of the Warsaw Pact discussed South Vietnam with the CPSU CC Politburo in Warsaw."
    assert found(gz, text) == [
        ("Warsaw Pact", "organization:warsaw_pact"),
        ("South Vietnam", "country:south_vietnam"),
        ("CPSU CC Politburo", "organization:cpsu_cc_politburo"),
        ("Warsaw", "place:warsaw"),
    ]


def test_generated_party_organs(gz: Gazetteer) -> None:
    assert found(gz, "a decision of the Politburo of the VWP CC") == [
        ("Politburo of the VWP CC", "organization:vwp_cc_politburo")]
    assert found(gz, "the Presidium of the CPSU CC met")[0][1] == "organization:cpsu_cc_politburo"
    assert gz.get("organization:sed_cc").parent == "sed"
    assert gz.get("organization:sed_cc_politburo").parent == "sed_cc"
    assert "Politburo" in gz.organ_suffixes["cc_politburo"].words


def test_demonyms_and_plurals(gz: Gazetteer) -> None:
    got = gz.find("The West Germans told the Poles that Polish and Soviet views differed; the Americans agreed.")
    assert [(m.surface, m.entry.key, m.via) for m in got] == [
        ("West Germans", "frg", "demonym"), ("Poles", "poland", "demonym"), ("Polish", "poland", "demonym"),
        ("Soviet", "ussr", "demonym"), ("Americans", "united_states", "demonym")]


def test_historical_names(gz: Gazetteer) -> None:
    text = "From Peking to Rangoon, Leningrad and Djakarta; Ceylon, Siam and Upper Volta."
    assert [m.entry.key for m in gz.find(text)] == [
        "beijing", "yangon", "saint_petersburg", "jakarta", "sri_lanka", "thailand", "burkina_faso"]


def test_case_rules(gz: Gazetteer) -> None:
    assert found(gz, "tell us what the US wants") == [("US", "country:united_states")]
    assert found(gz, "the un-named aide") == []
    assert found(gz, "made of china, turkey for dinner") == []
    assert found(gz, "the soviet union") == []  # only the first letter of a multiword name may change case
    assert found(gz, "the soviet Union") == [("soviet Union", "country:ussr")]
    assert found(gz, "MOSCOW AND THE SOVIET UNION") == [("MOSCOW", "place:moscow"), ("SOVIET UNION", "country:ussr")]


def test_possessives_and_curly_apostrophes(gz: Gazetteer) -> None:
    got = found(gz, "Moscow\u2019s line and America's allies in the Vietnam Workers\u2019 Party")
    assert got == [("Moscow", "place:moscow"), ("America", "country:united_states"),
                   ("Vietnam Workers\u2019 Party", "organization:vwp")]


def test_item_variants_and_patterns(gz: Gazetteer) -> None:
    got = gz.find("They asked for MIG 21s, two Mig-27 squadrons, SA-2 and SA-9 batteries and radars.")
    assert [(m.surface, m.entry.key, m.entry.category) for m in got] == [
        ("MIG 21s", "mig-21", "aircraft"), ("Mig-27", "mig", "aircraft"), ("SA-2", "sa-2", "missile"),
        ("SA-9", "sa_family", "missile"), ("radars", "radar", "radar/electronic equipment")]
    assert gz.find("coastal defence missiles")[0].entry.category == "coastal defence"


def test_flags_are_reported(gz: Gazetteer) -> None:
    (m,) = gz.find("Salisbury replied")
    assert m.entry.key == "harare" and "require_context" in m.flags
    assert "ambiguous" in gz.find("Jordan")[0].flags
    assert gz.find("Victoria")[0].flags & {"require_context", "ambiguous"}


def test_user_file_extends_default(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "entity_kind: organization\n"
        "entries:\n"
        "- {key: un, name: United Nations, kind: international organization, aliases: [Nations Unies]}\n"
        "- {key: xyz_party, name: Xyz People's Party, kind: party, aliases: [XPP], organs: [cc]}\n",
        encoding="utf-8",
    )
    gz = Gazetteer.from_files(extra, defaults=True)
    assert gz.get("organization:un").wikidata == "Q1065"  # kept from the default file
    assert found(gz, "Nations Unies and the XPP CC") == [
        ("Nations Unies", "organization:un"), ("XPP CC", "organization:xyz_party_cc")]
    assert "organization:xyz_party" not in Gazetteer.default()


def test_speed_is_linear_enough(gz: Gazetteer) -> None:
    import time

    text = ("The Soviet delegation in Hanoi discussed MiG-21 deliveries with the DRV and the NLF. " * 2000)
    start = time.perf_counter()
    assert len(gz.find(text)) == 5 * 2000
    assert time.perf_counter() - start < 2.0


def test_a_colony_named_by_its_city_is_a_place_of_its_sovereign(gz: Gazetteer) -> None:
    assert found(gz, "flew to Hong Kong and Macao") == [("Hong Kong", "place:hong_kong"), ("Macao", "place:macau")]
    assert gz.get("place:hong_kong").country == "united_kingdom"
    assert "country:hong_kong" not in gz


def test_press_universities_and_governments_named_in_full(gz: Gazetteer) -> None:
    text = ("the Government of South Viet-Nam, the US Administration, Pravda, AFP, the Baltimore Sun, UPDK, "
            "Moscow University, the London School of Economics, the College of Europe")
    assert [key for _, key in found(gz, text)] == [
        "organization:rvn_government", "organization:us_government", "organization:pravda", "organization:afp",
        "organization:baltimore_sun", "organization:updk", "organization:moscow_state_university",
        "organization:lse", "organization:college_of_europe"]
    assert found(gz, "the peoples of Central and Eastern Europe") == [
        ("Central and Eastern Europe", "place:central_eastern_europe")]


def test_later_cold_war_bodies_and_their_homonyms(gz: Gazetteer) -> None:
    # Solidarity the union needs context; solidarity the word is never matched; named rallies are their own bodies
    assert found(gz, "expressed their solidarity with the workers") == []
    (m,) = gz.find("Solidarity leaders met Walesa")
    assert m.entry.id == "organization:solidarity_pl" and "require_context" in m.flags
    assert not gz.find("talks with Solidarność")[0].flags
    assert found(gz, "the Malaysian Solidarity Convention rally") == [
        ("Malaysian Solidarity Convention", "organization:malaysian_solidarity_convention")]
    # AA is the Auswärtiges Amt only in context; "Federal Foreign Office" is not the British Foreign Office
    (aa,) = gz.find("copies to AA and BMF")
    assert aa.entry.id == "organization:auswaertiges_amt" and "require_context" in aa.flags
    assert found(gz, "the Federal Foreign Office") == [("Federal Foreign Office", "organization:auswaertiges_amt")]
    assert found(gz, "the Lord Chancellor's Office") == []
    # Shell and Krupp only in context; Ford alone stays the President; Total is not a company
    assert "require_context" in gz.find("the Shell refinery")[0].flags
    assert found(gz, "Ford told Brezhnev. Total aid fell.") == []
    assert found(gz, "the Ford Motor Company and BP") == [
        ("Ford Motor Company", "organization:ford_motor"), ("BP", "organization:bp")]
    # WEU is not the EU, the Council of Europe is not Europe, the Bay of Bengal is not Bengal
    assert found(gz, "the Western European Union, the Council of Europe, the Bay of Bengal") == [
        ("Western European Union", "organization:weu"), ("Council of Europe", "organization:council_of_europe"),
        ("Bay of Bengal", "place:bay_of_bengal")]
    assert found(gz, "MI6 and the Mi-6s") == [("MI6", "organization:sis_uk"), ("Mi-6s", "item:mi-6")]
    assert found(gz, "the CSCE, later the OSCE") == [("CSCE", "organization:osce"), ("OSCE", "organization:osce")]
    assert found(gz, "East Malaysia and the Baltic states") == [
        ("East Malaysia", "place:east_malaysia"), ("the Baltic states", "place:baltic_states")]
    # "the Baltic" (the sea) and "the Gulf" must not swallow the longer names
    assert found(gz, "the Gulf States, the Atlantic Alliance") == [
        ("the Gulf States", "place:gulf_states"), ("the Atlantic Alliance", "organization:nato")]


def test_context_only_aliases_are_dropped_by_the_extractor() -> None:
    from graph.extract import extract
    from graph.types import Document

    def orgs(text: str) -> set[str | None]:
        ext = extract(Document(path="x.txt", format="plain", text=text))
        return {m.key for m in ext.mentions if m.kind is Kind.ORGANIZATION}

    assert "organization:solidarity_pl" not in orgs("Solidarity with the people of Vietnam was the theme.")
    assert "organization:solidarity_pl" in orgs("He spoke to the leaders of Solidarity in Gdansk.")
    assert "organization:auswaertiges_amt" not in orgs("Participants: BK, AA, BMF.")
