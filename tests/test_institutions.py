"""Institutions named by where they are, and a foreign ministry named without its country."""

from __future__ import annotations

from graph.extract import extract
from graph.resolve import resolve
from graph.types import Document, Kind, Span


def dated(text: str, place: str, fmt: str = "plain") -> Document:
    """A record whose dateline place is the first occurrence of ``place``."""
    start = text.index(place)
    return Document(path="x.txt", format=fmt, text=text, place=Span(start, start + len(place)))


def organisations(doc: Document) -> dict[str, set[str]]:
    res = resolve(extract(doc))
    return {e.id: {e.name, *e.alternate_names} for e in res.entities.values() if e.kind.value == "organization"}


def test_a_mission_in_a_country_is_named_by_where_it_is_not_whose() -> None:
    orgs = organisations(Document(path="x.txt", format="plain",
                                  text="Telegram From the Embassy in the Soviet Union to the Department of State."))
    assert "Embassy in the Soviet Union" in orgs["org/embassy-in-ussr"]
    assert not any(key.startswith("org/ussr-") for key in orgs), "not the Soviet Union's own embassy"


def test_a_countrys_own_mission_is_still_its_own() -> None:
    orgs = organisations(Document(path="x.txt", format="plain", text="The Soviet Embassy replied at once."))
    assert "Soviet Embassy" in orgs["org/ussr-embassy"]


def test_a_bare_foreign_ministry_in_a_telegram_from_abroad_is_the_host_countrys() -> None:
    doc = dated("Moscow, March 4, 1965. I protested to the MFA about the demonstration.", "Moscow", "frus-tei")
    assert "MFA" in organisations(doc)["org/ussr_mfa"]
    doc = dated("Warsaw, December 7. DirGen FonMin Michalowski called on me.", "Warsaw", "frus-tei")
    assert "FonMin" in organisations(doc)["org/poland-foreign-ministry"]


def test_a_bare_foreign_ministry_is_left_alone_at_home_without_a_dateline_or_as_a_title() -> None:
    at_home = dated("Washington, March 4, 1965. The Foreign Ministry has not replied.", "Washington", "frus-tei")
    assert not any("Foreign Ministry" in names for names in organisations(at_home).values())
    undated = Document(path="x.txt", format="plain", text="The MFA has not replied.")
    assert not any("MFA" in names for names in organisations(undated).values())
    title = dated("Warsaw, December 7. FonMin Rapacki received me.", "Warsaw", "frus-tei")
    assert not any("FonMin" in names for names in organisations(title).values())


def test_a_person_keeps_one_name_however_a_record_capitalises_or_dots_it() -> None:
    """The same IRI in every record must carry the same schema:name (CONTRACT.md: one canonical name)."""
    def person_names(text: str) -> set[str]:
        res = resolve(extract(Document(path="x.txt", format="plain", text=text)))
        return {e.name for e in res.entities.values() if e.kind.value == "person"}

    assert person_names("Talk between Mcnamara and officials. McNamara said no.") == {"McNamara"}
    assert person_names("Talk between Smith and Jones. Later SMITH said no. Smith said yes.") >= {"Smith"}
    assert person_names("Mr A Snelling said no.") == person_names("Mr A. Snelling said no.") == {"A. Snelling"}


def test_named_councils_committees_commissions_and_clubs_are_organisations() -> None:
    text = ("The Minister told the Joint Fisheries Council and later the Ridgeway Commission that the "
            "Harbourside Press Club had asked for a briefing. He then called at the High Commission.")
    names = {name for forms in organisations(Document(path="x.txt", format="plain", text=text)).values()
             for name in forms}
    assert {"Joint Fisheries Council", "Ridgeway Commission", "Harbourside Press Club"} <= names
    assert "High Commission" not in names


def test_a_countrys_government_is_not_a_regimes_body_named_government() -> None:
    text = "The Cambodian Government and the South Vietnamese Government protested to the Secretary."
    found = organisations(Document(path="x.txt", format="plain", text=text))
    assert "org/grunk" not in found and "org/prg" not in found, found
    assert "org/rvn_government" in found


def test_a_law_named_for_a_place_is_not_the_body_of_that_name() -> None:
    law = organisations(Document(path="x.txt", format="plain",
                                 text="The Dominion adopted the Statute of Westminster in 1942."))
    assert "org/uk_parliament" not in law
    body = organisations(Document(path="x.txt", format="plain", text="The bill went back to Westminster in May."))
    assert "org/uk_parliament" in body


def test_a_law_named_for_a_place_is_no_person_either() -> None:
    # the people authority knows a Westminster (a duke), so the surname alone would make one
    text = ("Lord Hailsham said that under the Statute of Westminster the Government was in effect a trustee. "
            "The Statute of Westminster was designed to make it more difficult.")
    people = {m.surface for m in extract(Document(path="x.txt", format="plain", text=text)).mentions
              if m.kind is Kind.PERSON}
    assert people == {"Hailsham"}


def test_bodies_named_head_of_capitalised_words_are_organisations() -> None:
    text = ("The Ministry of Fisheries and Forests consulted the Development Bank of Ruritania and the "
            "Commission of Historians; the Ambassador presented his letters at the Court of St. James. "
            "The Ministry of Defence disagreed.")
    names = {name for names in organisations(Document(path="x.txt", format="plain", text=text)).values()
             for name in names}
    assert {"Ministry of Fisheries and Forests", "Development Bank of Ruritania", "Commission of Historians",
            "Ministry of Defence"} <= names
    assert not any(name.startswith("Court of St") for name in names)


def test_a_named_bureau_is_an_organisation() -> None:
    text = "The Oceanic Affairs Bureau sent its views to the Ruritanian Foreign Ministry."
    names = {name for names in organisations(Document(path="x.txt", format="plain", text=text)).values()
             for name in names}
    assert "Oceanic Affairs Bureau" in names


def org_names(text: str) -> set[str]:
    return {name for names in organisations(Document(path="x.txt", format="plain", text=text)).values()
            for name in names}


def test_associations_churches_parties_funds_and_companies_are_organisations() -> None:
    text = ("The Ruritanian Orthodox Church wrote to the Pan Ruritanian Islamic Party, the Riverside Growers "
            "Association, the Overseas Development Fund and the Harbour Shipbuilding Company.")
    assert {"Ruritanian Orthodox Church", "Pan Ruritanian Islamic Party", "Riverside Growers Association",
            "Overseas Development Fund", "Harbour Shipbuilding Company"} <= org_names(text)


def test_a_body_named_after_its_owner_starts_after_the_owner_unless_the_owner_is_an_office() -> None:
    names = org_names("Mr Pemberley replied that Arnold Pemberley's National Party would not oppose the "
                      "Prime Minister's Department or the Returned Servicemen's League.")
    assert "National Party" in names
    assert not any("Pemberley" in name for name in names)
    assert {"Prime Minister's Department", "Returned Servicemen's League"} <= names


def test_common_words_in_a_heading_or_an_association_with_name_no_body() -> None:
    text = ("Record of Meeting\n\nThe close ties remain; the future is open.\n\n"
            "Future Association with the Regional Defence Treaty\n\n"
            "1. Britain's Close Association with the Community was discussed, and Ruritania as a State Party "
            "to the Treaty. Sir Charles Court spoke for Western Australia.")
    names = org_names(text)
    assert not {"Future Association", "Close Association", "State Party", "Charles Court",
                "Sir Charles Court"} & names, names


def test_boards_and_companies_limited_and_bodies_of_after_a_country_are_organisations() -> None:
    names = org_names("The Ruritanian Wheat Board and Harbour Glassworks Limited met the Australian Department of "
                      "Overseas Trade and the IAEA's Board of Governors.")
    assert {"Ruritanian Wheat Board", "Harbour Glassworks Limited", "Department of Overseas Trade",
            "Board of Governors"} <= names, names
    assert not any(name.startswith(("'s", "’s")) for name in names), names


def test_newspapers_are_organisations_but_the_times_of_day_are_not() -> None:
    names = org_names("The Times and the Daily Express reported it; in the times before the war the Sydney "
                      "Morning Herald did not.")
    bare = {name.lower().removeprefix("the ") for name in names}
    assert {"times", "daily express", "sydney morning herald"} <= bare, names
    assert not any(name.islower() for name in names), names


def test_a_body_named_by_the_tail_of_a_curated_bodys_name_is_that_body() -> None:
    text = ("Record of Conversation with AAEC officials\n\nMr. Hollings of the Atomic Energy Commission said that the "
            "reactor was ready. The Joint Fisheries Council had not met.")
    orgs = organisations(Document(path="x.txt", format="plain", text=text))
    assert "org/aaec" in orgs and "Atomic Energy Commission" in orgs["org/aaec"]
    assert not any("Atomic Energy Commission" in names for org, names in orgs.items() if org != "org/aaec")
    assert any("Joint Fisheries Council" in names for names in orgs.values())  # no curated body ends so
