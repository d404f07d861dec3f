"""Who attended the meeting a record describes: the writer only where he says he was there, the
telegram's "I" but not a co-signer, and no one whose speaking is reported from another occasion."""

from __future__ import annotations

from graph.extract import extract
from graph.types import Document, Extraction, Span
from tests.test_extract_rules import plain as plain_record


def plain(body: str, *, doc_type: str = "Memorandum") -> Document:
    return plain_record(body, doc_type=doc_type)


def signed(body: str, *signers: str, doc_type: str = "Memorandum") -> Document:
    """``body`` closed by each signer's name on a line of its own, read as the record's recorders."""
    text = body + "".join(f"\n\n{name}" for name in signers)
    doc = plain(text, doc_type=doc_type)
    doc.recorders = [Span(text.rindex(name), text.rindex(name) + len(name)) for name in signers]
    return doc


def surnames(ext: Extraction) -> set[str]:
    return {ext.mentions[ext.coref.get(i, i)].surface.split()[-1] for i in ext.attendees}


MEMO = ("From a 30-minute conversation{aside}, I note:\n\nKuchma made it clear that he was under pressure. "
        "The Chancellor asked if our conversation with the IMF could be helpful. Kuchma answered yes.")


def test_the_writer_who_says_he_joined_the_conversation_attended_it() -> None:
    joined = extract(signed(MEMO.format(aside=" (which I joined five minutes after it started)"), "Blomeyer"))
    assert "Blomeyer" in surnames(joined)
    summarised = extract(signed(MEMO.format(aside=""), "Blomeyer"))  # "I note" only: not said to be there
    assert "Blomeyer" not in surnames(summarised)
    assert "Kuchma" in surnames(summarised)


def test_a_speaker_quoted_from_another_occasion_did_not_attend() -> None:
    """'(Kuchma: "Yeltsin told me that too")': Yeltsin spoke to Kuchma elsewhere; so did anyone the
    record says "had told" someone."""
    body = ("Kuchma said that reform laws were blocked. The Chancellor replied that he was a friend of Ukraine. "
            "That is what he said to Yeltsin (Kuchma: \"Yeltsin told me that too\").\n\n"
            "Kuchma stated that Gromyko had told him the same in 1985.")
    found = surnames(extract(plain(body)))
    assert "Kuchma" in found
    assert not {"Yeltsin", "Gromyko"} & found


def test_a_co_signer_of_a_telegram_is_not_its_narrator() -> None:
    """A telegram "from Harriman", narrated by him ("I told him") and signed by the ambassador: the
    narrator attended; the signer was not said to."""
    body = ("For President and SecState from Harriman.\n\nI met with Kosygin for one hour this afternoon. "
            "Kosygin said that talks were possible. I told him we agreed.")
    found = surnames(extract(signed(body, "Kohler", doc_type="Telegram")))
    assert found == {"Harriman", "Kosygin"}


def test_a_lone_label_naming_no_one_is_a_heading_not_a_speaker() -> None:
    """"From: Kawase Ikkan" or "Japan: Ratification of the NPT" opens a line like a speaker's label,
    but one such label that names no person makes no dialogue; two voices do ("Amount:" among them)."""
    heading = extract(plain("Tokyo, 28 June 1974\n\nDisarmament: Press reports on 25 June said that the "
                            "treaty would be ratified.\n\nPlease refer to our cables."))
    assert heading.attendees == []
    dialogue = extract(plain("Mr. Kosygin: We are ready to meet.\n\nMr. Harriman: So are we.\n\n"
                             "Mr. Kosygin: Then we agree."))
    assert surnames(dialogue) == {"Kosygin", "Harriman"}


def test_someone_who_queries_or_warns_in_the_meeting_attended_it() -> None:
    from graph.extract import extract
    from tests.test_extract_rules import plain

    ext = extract(plain("Record of conversation\n\nMr. Ostrander opened the talk. Mr. Velasquez said that the "
                        "matter was closed. Mr. Quennell queried whether the accord could be kept secret. "
                        "Mr. Abernethy warned that the garrison would not return."))
    present = {ext.mentions[i].surface for i in ext.attendees}
    assert {"Quennell", "Abernethy"} <= present, present
