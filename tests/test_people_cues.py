"""People found by how a record treats a word (repeated speaker, apposition of an office), family
names written first, and offices or placeholders in a participants list. Names and sentences are
invented for these tests."""

from __future__ import annotations

from graph.extract import extract
from graph.resolve import resolve
from graph.types import Document, Kind, Span
from tests.test_extract_rules import plain


def people(doc: Document) -> set[str]:
    return {m.surface for m in extract(doc).mentions if m.kind is Kind.PERSON}


def person_entities(doc: Document) -> dict[str, set[str]]:
    res = resolve(extract(doc))
    return {e.name: e.alternate_names for e in res.entities.values() if e.kind is Kind.PERSON}


def test_a_word_twice_the_subject_of_a_speech_verb_is_a_person() -> None:
    doc = plain("I called on Okonkwo at the Legation this morning.\n\n"
                "2. Okonkwo said that his Government would not move before March. "
                "Okonkwo then asked whether we could wait. Later Okonkwo firmly replied that it could not.")
    assert "Okonkwo" in people(doc)


def test_one_speech_verb_places_papers_and_plural_nouns_do_not_make_a_speaker() -> None:
    doc = plain("Varnholt said nothing of it. Moscow said the talks were over; Moscow replied at once.\n\n"
                "The Planning Paper says so, and the Planning Paper states it twice. "
                "The small Gulf states agreed; the Gulf states agreed again.")
    found = people(doc)
    assert not found & {"Varnholt", "Moscow", "Paper", "Gulf"}


def test_a_name_with_an_office_in_apposition_is_a_person() -> None:
    doc = plain("Two envoys came: principally Tarmidi, and lately Wiranata, the former Ruritanian Ambassador "
                "in Lisbon. The talks were brief.\n\n"
                "The current President of the Senate, Halvorsen, had the best chance.")
    assert {"Wiranata", "Halvorsen"} <= people(doc)


def test_a_clause_after_a_place_or_a_list_of_offices_is_no_apposition() -> None:
    doc = plain("In Valparaiso, the Ambassador said nothing.\n\n"
                "A committee of the Prime Minister, Treasurer, Minister for Trade and myself.\n\n"
                "Assignment of Powers to the Governor-General, the Minister for Justice.")
    assert not people(doc) & {"Valparaiso", "Treasurer", "Governor-General"}


def test_a_family_name_alone_joins_the_full_name_written_family_name_first() -> None:
    doc = plain("Mr Lim Boon Teck arrived on Friday. Lim said that the plan stood.\n\n"
                "Later Tseng Wen-liang spoke. Tseng added that Peking agreed.")
    entities = person_entities(doc)
    assert {"Lim Boon Teck", "Tseng Wen-liang"} <= set(entities)
    assert "Lim" in entities["Lim Boon Teck"] and "Tseng" in entities["Tseng Wen-liang"]
    assert "Lim" not in entities and "Tseng" not in entities


def test_a_place_is_no_given_name_after_a_family_name() -> None:
    doc = plain("The Minister later proposed to Lim Singapore’s removal from the Council.")
    assert "Lim Singapore" not in people(doc)


def test_an_office_or_a_placeholder_in_a_participants_list_is_no_person() -> None:
    doc = plain("Participants: President Dragomir, N.N., adviser; The Chancellor, interpreter\n\n"
                "The Chancellor's [Gerhard Ostermann's] Conversation with President Dragomir.\n\n"
                "The Chancellor thanks President Dragomir for the invitation.")
    doc.participants = [Span(doc.text.index(item), doc.text.index(item) + len(item))
                        for item in ("President Dragomir", "N.N", "The Chancellor")]
    ext = extract(doc)
    found = {m.surface for m in ext.mentions if m.kind is Kind.PERSON and m.source != "role"}
    assert "Dragomir" in found
    assert not found & {"N.N", "The Chancellor", "Chancellor"}
    res = resolve(ext)
    names = {res.entities[res.entity_of[i]].name for i in ext.attendees if i in res.entity_of}
    assert "Dragomir" in names and not names & {"NN", "N.N", "The Chancellor", "Chancellor"}


def test_a_known_surname_after_an_mp_title_is_a_person() -> None:
    doc = plain("The committee heard evidence from the veteran MP Heath before it adjourned.")
    assert "Heath" in people(doc)


def test_a_prime_minister_is_not_the_minister_for_development() -> None:
    doc = plain("Record of Conversation between Ashcombe and Tremlow\n\n"
                "The Prime Minister said that he welcomed the visit. Tremlow agreed.\n\n"
                "1 Mr Harold Pemberton, Minister for National Development.")
    ext = extract(doc)
    roles = [i for i, m in enumerate(ext.mentions) if m.source == "role" and "Prime" in m.surface]
    assert not any(ext.mentions[ext.coref[i]].surface == "Harold Pemberton" for i in roles if i in ext.coref)


def test_one_unknown_word_after_a_capitalised_office_is_a_person() -> None:
    doc = plain("The Chancellor raised the question with Foreign Minister Ostrovik and Ambassador Velkin. "
                "NATO Secretary Halvarsen had spoken to them in March.")
    assert {"Ostrovik", "Velkin", "Halvarsen"} <= people(doc)


def test_common_words_after_an_office_are_no_people() -> None:
    doc = plain("The Prime Minister Designate met the Minister Assisting the Treasurer. The Trade Commissioner "
                "Elections were held. Ambassador Harvest was discussed, and the harvest was agreed.")
    assert not people(doc) & {"Designate", "Assisting", "Elections", "Harvest"}


def test_a_list_of_surnames_said_to_be_present_is_people() -> None:
    doc = plain("Record of conversation with Okonkwo on 2 May. Officers present with me were Varnholt, Tidemark, "
                "Quillan and Ostrovik.\n\nThe talks covered trade, shipping and fisheries.")
    found = people(doc)
    assert {"Varnholt", "Tidemark", "Quillan", "Ostrovik"} <= found
    assert not found & {"Trade", "Shipping"}
