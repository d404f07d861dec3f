"""Which body "Commonwealth" names, a colony's status on the record's date, longer names that open with a
body's name, and asks a conversation's writer or a third side makes. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from graph.extract import extract
from graph.pipeline import process
from graph.types import Document, Kind
from tests.test_extract_rules import plain
from tests.test_institutions import org_names
from tests.test_meeting_records import dfat
from tests.test_messages_and_committees import asks


def test_commonwealth_alone_is_the_commonwealth_of_nations_and_its_government_australias() -> None:
    nations = org_names("Mr Pell said that other Commonwealth countries would object, and that the Commonwealth "
                        "must be consulted first.")
    assert "Commonwealth of Nations" in nations, nations
    federal = org_names("The Commonwealth Government and the Commonwealth Parliament agreed.")
    assert {"Australian Government", "Parliament of Australia"} <= federal, federal
    assert "Commonwealth of Nations" not in federal, federal
    office = org_names("Mr Pell called on the Commonwealth Secretary yesterday.")
    assert "Commonwealth of Nations" not in office, office


def test_a_body_or_meeting_whose_name_opens_with_a_bodys_one_word_name_is_not_that_body() -> None:
    names = org_names("The Commonwealth Parliamentary Association wrote to the Commonwealth Bureau of Census, and "
                      "the Policy Planning Group met before the Commonwealth Prime Ministers' Conference.")
    assert {"Commonwealth Parliamentary Association", "Commonwealth Bureau of Census", "Policy Planning Group"} <= names
    assert not names & {"Commonwealth of Nations", "Parliamentary Association"}, names


def places_and_countries(doc: Document) -> dict[str, str]:
    res = process(doc)
    return {e.name: e.kind.value for e in res.entities.values() if e.kind in (Kind.PLACE, Kind.COUNTRY)}


def test_a_colony_is_a_place_before_the_day_it_became_a_state_and_a_country_after(tmp_path: Path) -> None:
    body = ("Kuala Lumpur, 3 March {year}\n\nThe Minister discussed Malaysia, Singapore, Papua and New Guinea and Fiji "
            "with Mr Pell.\n\n[NAA: A1838, 1/2/3]")
    before = places_and_countries(dfat(tmp_path, "CABLEGRAM TO CANBERRA", body.format(year=1963), date="1963-03-03",
                                       num=991))
    assert {name: before.get(name) for name in ("Singapore", "Papua New Guinea", "Fiji")} == {
        "Singapore": "place", "Papua New Guinea": "place", "Fiji": "place"}, before
    after = places_and_countries(dfat(tmp_path, "CABLEGRAM TO CANBERRA", body.format(year=1976), date="1976-03-03",
                                      num=992))
    assert {name: after.get(name) for name in ("Singapore", "Papua New Guinea", "Fiji")} == {
        "Singapore": "country", "Papua New Guinea": "country", "Fiji": "country"}, after
    assert before.get("Malaysia") == after.get("Malaysia") == "country"


def test_a_crown_colony_never_a_state_is_a_place() -> None:
    found = places_and_countries(plain("The Governor of North Borneo and the Crown Colony of Sarawak met."))
    assert found.get("Sabah") == "place" and found.get("Sarawak") == "place", found


def test_the_party_a_first_person_record_never_names_again_writes_it_even_with_a_family_first_name(
        tmp_path: Path) -> None:
    doc = dfat(tmp_path, "Record of Conversation Between Pemberton and Tan Boon Keng",
               "Canberra, 16 March 1965\n\nI opened the discussion by asking for Mr. Tan's views on the rubber "
               "market. Mr. Tan said prices would fall. I said that we would watch them. I asked whether the "
               "growers would be paid.\n\n[NAA: A1838, 1/2/3]", date="1965-03-16", num=993)
    ext = extract(doc)
    assert ext.writer is not None and ext.mentions[ext.writer].surface == "Pemberton"
    assert ("Pemberton", "the rubber market") in asks(ext), asks(ext)


def test_presenting_something_does_not_put_anyone_at_the_meeting(tmp_path: Path) -> None:
    doc = dfat(tmp_path, "RECORD OF CONVERSATION BETWEEN PEMBERTON AND OKONKWO",
               "Lagos, 16 March 1965\n\nMr Okonkwo said the changes were small. He thought that Mr Halvorsen could "
               "present them as a readjustment. He named Mr Pell (a present member of the Board) as a successor."
               "\n\n[NAA: A1838, 1/2/3]", date="1965-03-16", num=994)
    attendees = {extract(doc).mentions[i].surface for i in extract(doc).attendees}
    assert not attendees & {"Halvorsen", "Pell"} and "Okonkwo" in attendees, attendees


def test_what_is_sought_of_the_other_side_is_an_ask_and_not_what_is_only_aimed_at() -> None:
    ext = extract(plain("RECORD OF CONVERSATION\n\nMr Okonkwo said Ruritania sought the restoration of the fishing "
                        "rights. Mr Pell sought an indication of the quota. Mr Pell said that the United States had "
                        "sought our views. Mr Okonkwo said he had sought a peaceful solution for years."))
    items = [item for _, item in asks(ext)]
    assert items == ["the restoration of the fishing rights", "an indication of the quota", "our views"], items


def test_who_seeks_clarification_asks_even_after_another_is_reported() -> None:
    ext = extract(plain("RECORD OF CONVERSATION\n\nThe Secretary referred to President Okonkwo's recently expressed "
                        "doubts over the federation. Mr. Pell sought clarification of how the claim was affected."))
    assert asks(ext) == [("Pell", "clarification of how the claim was affected")], asks(ext)


def test_a_side_named_before_who_asks_in_a_relative_clause() -> None:
    ext = extract(plain("RECORD OF MEETING\n\nMr Pell said there would be a second round with the French who had "
                        "particularly asked that the tariff statement should be amplified."))
    [request] = ext.requests
    assert request.on_behalf_of is not None and ext.mentions[request.on_behalf_of].surface == "French"


def test_asking_to_come_and_talk_is_an_ask_for_a_meeting_not_an_ask_of_to_come() -> None:
    ext = extract(plain("RECORD OF CONVERSATION\n\nMr. Okonkwo asked to come to Lagos to talk to me about the "
                        "tenders."))
    assert [item for _, item in asks(ext)] == ["come to Lagos to talk to me about the tenders"], asks(ext)
    garbled = extract(plain("RECORD OF CONVERSATION\n\nMr. Okonkwo has asked to read any reply to Mr. Pell and "
                            "would wish to see it in draft."))
    assert asks(garbled) == [], asks(garbled)  # "to read any reply" is no one asked


def test_a_possessive_before_a_participle_is_no_speaker(tmp_path: Path) -> None:
    doc = dfat(tmp_path, "Record of Conversation Between Pemberton and Okonkwo",
               "Lagos, 16 March 1965\n\nMr Okonkwo said the talks would go on. He referred to President Halvorsen’s "
               "recently expressed doubts and to Mr Pell’s reported remarks.\n\n[NAA: A1838, 1/2/3]",
               date="1965-03-16", num=996)
    ext = extract(doc)
    attendees = {ext.mentions[i].surface for i in ext.attendees}
    assert "Okonkwo" in attendees and not attendees & {"Halvorsen", "Pell"}, attendees


def test_the_two_ministers_are_the_pair_just_named_and_each_proposes_their_venue(tmp_path: Path) -> None:
    doc = dfat(tmp_path, "DESPATCH, PEMBERTON TO OKONKWO",
               "Lagos, 4 August 1970\n\n3. His Ministers of Trade and Defence, Messrs. Halvorsen and Pell, spoke "
               "with one voice. After recalling the errors made at last year’s Tariff Conference in Accra, the two "
               "Ministers urged me that the next tariff meeting should be held anywhere but in Accra. In fact they "
               "expressed a strong preference for Nairobi, where the meeting would be easier to arrange.\n\n"
               "[NAA: A1838, 1/2/3]", date="1970-08-04", num=997)
    ext = extract(doc)
    proposals = {(ext.mentions[ext.coref.get(v.proposer, v.proposer)].surface, ext.mentions[v.venue].surface,
                  v.stance.value) for v in ext.proposals}
    assert proposals == {("Halvorsen", "Accra", "rejected"), ("Pell", "Accra", "rejected"),
                         ("Halvorsen", "Nairobi", "proposed"), ("Pell", "Nairobi", "proposed")}, proposals


def test_the_two_ministers_after_a_longer_list_stand_for_no_one() -> None:
    ext = extract(plain("Messrs. Halvorsen, Okonkwo and Pell spoke. The two Ministers urged that the talks be held "
                        "in Accra."))
    assert not ext.partners, [ext.mentions[i].surface for i in ext.partners]


def test_a_countrys_named_request_is_on_behalf_of_its_government_where_the_record_names_it() -> None:
    text = ("RECORD OF CONVERSATION\n\n{first}Mr Pell regretted our refusal of the Australian request that we keep "
            "the base.")
    named = extract(plain(text.format(first="The Australian Government wrote in May. ")))
    [request] = named.requests
    assert request.on_behalf_of is not None and named.mentions[request.on_behalf_of].surface == "Australian Government"
    unnamed = extract(plain(text.format(first="")))
    assert [r.on_behalf_of for r in unnamed.requests] == [None]


def test_a_treaty_named_after_a_place_names_no_place() -> None:
    found = places_and_countries(plain("Britain would have to sign the Treaty of Rome, as agreed at the Congress of "
                                       "Vienna; the talks in Rome went well."))
    assert found.get("Rome") == "place" and "Vienna" not in found, found
    only_treaty = places_and_countries(plain("Britain would have to sign the Treaty of Rome."))
    assert "Rome" not in only_treaty, only_treaty


def test_a_portfolio_in_an_offices_title_is_not_the_ministry() -> None:
    office = org_names("The Minister for External Affairs met the Secretary of State for Commonwealth Relations.")
    assert not office & {"Department of External Affairs (Australia)", "Commonwealth of Nations"}, office
    ministry = org_names("The Department of External Affairs wrote to the Secretary of the Central Committee of "
                         "the Communist Party of the Soviet Union.")
    assert "Department of External Affairs (Australia)" in ministry, ministry
    assert any("Central Committee" in name for name in ministry), ministry


def test_a_state_body_named_by_one_word_is_the_one_of_the_country_the_record_is_dated_in(tmp_path: Path) -> None:
    body = ("{place}, 3 March 1967\n\nThe Cabinet met; the Cabinet Office and the Sato Cabinet were not consulted. "
            "Parliament will debate it and the Defence Committee of Cabinet will report.\n\n[NAA: A1838, 1/2/3]")

    def bodies(place: str, num: int) -> set[str]:
        res = process(dfat(tmp_path, "CABLEGRAM", body.format(place=place), date="1967-03-03", num=num))
        return {e.name for e in res.entities.values() if e.kind is Kind.ORGANIZATION}

    cabinets = [m.surface for m in extract(dfat(tmp_path, "CABLEGRAM", body.format(place="Canberra"), date="1967-03-03",
                                                 num=980)).mentions if m.key == "organization:au_cabinet"]
    assert cabinets == ["Cabinet"], cabinets  # "The Cabinet met" only: not the Cabinet Office's nor Sato's
    canberra = bodies("Canberra", 981)
    assert {"Australian Cabinet", "Parliament of Australia", "Defence Committee of Cabinet"} <= canberra, canberra
    assert not any(name.startswith("Cabinet Office") or "Sato" in name for name in canberra), canberra
    london = bodies("London", 982)
    assert {"Cabinet of the United Kingdom", "Parliament of the United Kingdom"} <= london, london
    assert "Australian Cabinet" not in london


def test_a_hope_with_no_one_hoping_is_no_ask() -> None:
    nobody = extract(plain("RECORD OF CONVERSATION\n\nMr Pell said that it was hoped that the Six would respond to "
                           "the speech."))
    assert asks(nobody) == [], asks(nobody)
    someone = extract(plain("RECORD OF CONVERSATION\n\nMr Pell said that he hoped that the Six would respond to "
                            "the speech."))
    assert [who for who, _ in asks(someone)] == ["Pell"], asks(someone)


def test_an_ask_to_say_something_passes_a_message_and_asks_nothing() -> None:
    ext = extract(plain("RECORD OF CONVERSATION\n\nMr. Pell said his Ambassador had asked him to say that the "
                        "Ambassador had been disturbed that the Minister had put forward the recent proposal."))
    assert asks(ext) == [], asks(ext)


def test_who_is_asked_to_ask_asks() -> None:
    ext = extract(plain("RECORD OF CONVERSATION\n\nThe Secretary said he had telephoned Mr. Bareham yesterday to ask "
                        "Mr. Bareham to ask the Corporation for an early press release."))
    assert asks(ext) == [("Bareham", "an early press release")], asks(ext)


def test_region_names_with_an_en_dash_or_as_adjectives_are_the_region_but_not_inside_a_bodys_name() -> None:
    found = places_and_countries(plain("Peace in South–East Asia matters to Asian countries and to the Pacific."))
    assert {"Southeast Asia", "Asia", "Pacific"} <= set(found), found
    names = places_and_countries(plain("Mr Pell, of the Pacific and Americas Branch, wrote to the Bureau of East "
                                       "Asian Affairs."))
    assert not {"Pacific", "East Asia"} & set(names), names
    assert {"Pacific and Americas Branch", "Bureau of East Asian Affairs"} <= org_names(
        "Mr Pell, of the Pacific and Americas Branch, wrote to the Bureau of East Asian Affairs.")


def test_a_peoples_plural_is_no_mention_of_their_continent() -> None:
    found = places_and_countries(plain("Most Europeans and Asians did not see it; the Africans said nothing."))
    assert not {"Europe", "Asia", "Africa"} & set(found), found
