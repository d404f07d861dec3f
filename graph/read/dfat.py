"""DFAT *Documents on Australian Foreign Policy*: Markdown with YAML front matter.

``text`` is the front matter's ``title``, a blank line, then the Markdown body rendered to plain
text: emphasis markers (``_x_``, ``*x*``, ``**x**``), backslash escapes (``1\\.``), heading marks,
list bullets, table rules and footnote links (``[1](#f1)``, ``[^1]``) dropped; table cells joined by
a tab. Footnote definitions (``[^1]: text``, ``1 text`` after the archival reference) are kept at
the end as ``"<n> <text>"``; their spans cover the text only.

Structure: the first paragraph is the dateline ("London, 9 January 1962": ``place`` is its last
place part), then classification lines ("Secret", "TOP SECRET AND PERSONAL"), then the body up to the
archival reference (``[NAA: A1838, ...]``). A "Present" block (one name per line or table row,
grouped under delegation headers, or ``Present: A, B and C``) and "Those present ... were A, B and
C" give ``participants``: each span is the person's name with its honorific ("Mr. A.A. Gromyko"),
without the office before a colon or after a comma.
"""

from __future__ import annotations

import re
from datetime import date

import yaml

from graph.errors import MalformedError
from graph.read.signatures import signature
from graph.read.text import (
    dateline,
    iso_date,
    language_of,
    lines,
    looks_like_name,
    name_in,
    paragraphs,
    split_names,
    strip,
)
from graph.read.titles import title_parties
from graph.types import Document, Span

FORMAT = "dfat-md"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: same results, ~10x faster
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FOOTNOTE_REF = re.compile(r"\[\d*\]\(#f\d+\)|\[\^\d+\](?!:)")
_LINK = re.compile(r"\[([^\]\n]*)\]\((?:https?://|#|/)[^)\s]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_EMPHASIS = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}|(?<![\w\\])_+|_+(?![\w])")
_ITALIC = re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]{1,80}?)(?<=[^\s\\])_(?!\w)")
_OPEN, _CLOSE = "\ue000", "\ue001"  # where an italic span was, until the text is final
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-*:?[ \t]*)*\|?[ \t]*$")
_REFERENCE = re.compile(r"^\[(?:NAA|UKNA|DFAT|NLA|FCO|AA|[A-Z]{2,6}):[^\n]*\]$")
_FOOTNOTE_DEF = re.compile(r"^(?:\[\^(\d+)\]:|(\d{1,3})(?![\d.)]))\s*(?=\S)")
_CLASSIFICATION = {
    "top",
    "secret",
    "confidential",
    "restricted",
    "unclassified",
    "personal",
    "immediate",
    "priority",
    "urgent",
    "cypher",
    "o.",
    "and",
    "for",
    "eyes",
    "only",
    "guard",
    "auscan",
    "austeo",
    "limited",
    "distribution",
    "most",
    "important",
    "exclusive",
    "deferred",
    "routine",
    "in",
    "confidence",
    "private",
    "official",
    "use",
    "flash",
    "savingram",
    "cablegram",
    "-",
    "—",
}
_PRESENT = re.compile(
    r"^(?:(?:Aust\.|Australian|Other|Officers|Also|Those)\s+){0,3}(?:[Pp]resent(?: were| at the "
    r"meeting were)?|PRESENT|Participants|PARTICIPANTS|In attendance|Conversation with)"
    r"(?P<sep>[ \t]*:|\t|(?=[A-Z][a-z])|[ \t]*(?:\n|$))",
    re.MULTILINE,
)
_THOSE_PRESENT = re.compile(
    r"\b(?:[Tt]hose present|[Pp]resent|attended by)\b[^.:\n]{0,80}?\bwere\b:?\s*"
    r"(?P<names>[^\n]+?)(?=(?<![A-Z])\.(?:\s|$)|\n|$)"
)
# The list goes on in the next sentences: "On the Commonwealth side were Mr Menzies, with Sir Eric Harrison, ...",
# "Also present were ..."
_MORE_PRESENT = re.compile(
    r"(?<=[.;]\s)(?:On\s+the\s+[^.;:\n]{1,40}?\s+side|Also\s+present|With\s+(?:him|them))\s+(?:were|was)\b:?\s*"
    r"(?P<names>[^\n]+?)(?=(?<![A-Z])\.(?:\s|$)|\n|$)"
)


def _without_with(text: str, span: Span) -> Span:
    """``with Sir Eric Harrison`` (an aide listed after his minister) -> ``Sir Eric Harrison``."""
    found = re.match(r"(?:with|and)\s+", text[span.start : span.end])
    return Span(span.start + found.end(), span.end) if found else span


_SPEECH = re.compile(r"\b(?:said|stated|asked|opened|welcomed|began|explained|agreed|noted)\b")
_DOC_TYPE = re.compile(
    r"^(Record of (?:Conversation|Meeting|Talks|Discussion)s?|Note for (?:File|the Record)|"
    r"Cabinet (?:Decision|Submission|Minute)|Minutes?|Cablegram|Savingram|Telegram|Letter|"
    r"Memorandum|Submission|Note|Brief|Report|Despatch|Dispatch|Message|Paper|Statement|"
    r"Press Statement|Speech|Record|Aide[- ]M[eé]moire|Extract|Minute)\b",
    re.IGNORECASE,
)


def sniff(head: str, path: str) -> bool:
    """YAML front matter with the DFAT keys (title plus doc_date, doc_num, vol_id or naa_refs)."""
    match = _FRONT.match(head)
    if not match:
        return head.startswith("---") and "\nvol_id:" in head and "\ntitle:" in head
    front = match.group(1)
    return "title:" in front and any(
        f"{key}:" in front for key in ("doc_date", "doc_num", "vol_id", "naa_refs")
    )


def read(text: str, path: str) -> list[Document]:
    meta, body = _front_matter(text, path)
    refs = {int(n) for n in re.findall(r"\]\(#f(\d+)\)|\[\^(\d+)\](?!:)", body) for n in n if n}
    title = _clean(str(meta.get("title") or "").strip())
    rendered, italics = _unmark(_render(body))
    full = f"{title}\n\n{rendered}" if title else rendered
    doc = Document(
        path=path,
        format=FORMAT,
        text=full,
        publisher="Department of Foreign Affairs and Trade "
        "(Australia), Documents on Australian Foreign Policy",
    )
    if title:
        doc.title = Span(0, len(title))
    shift = len(full) - len(rendered)
    doc.emphasis = [Span(start + shift, end + shift) for start, end in italics]
    doc.record_id = _record_id(meta)
    doc.date = _date(meta.get("doc_date"))
    doc.citation = _citation(meta.get("naa_refs"))
    match = _DOC_TYPE.match(title)
    doc.doc_type = match.group(1).title().replace(" Of ", " of ").replace(" For ", " for ") if match else None
    _structure(doc, len(title) + 2 if title else 0, refs)
    doc.language = language_of(full)
    return [doc]


def _front_matter(text: str, path: str) -> tuple[dict, str]:
    match = _FRONT.match(text)
    if not match:
        raise MalformedError("DFAT record without a closed YAML front matter block", path=path)
    try:
        meta = yaml.load(match.group(1), Loader=_LOADER) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise MalformedError(f"malformed YAML front matter: {problem}{where}", path=path) from None
    if not isinstance(meta, dict):
        raise MalformedError("YAML front matter is not a mapping", path=path)
    return meta, text[match.end() :]


def _render(body: str) -> str:
    """The Markdown body as plain text, one output line per input line."""
    out: list[str] = []
    for raw in body.split("\n"):
        if _TABLE_RULE.match(raw):
            continue
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", raw)
        line = re.sub(
            r"^\s*(?:[*+-]|\d+[.)](?=\s))\s+(?=\S)",
            lambda m: m.group(0) if m.group(0)[0].isdigit() else "",
            line,
        )
        line = _clean(_ITALIC.sub(lambda m: f"{_OPEN}{m.group(1)}{_CLOSE}", line))
        if "|" in line:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            line = "\t".join(c for c in cells if c)
        out.append(line.strip())
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _unmark(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without the italic marks, and where each italic span is in it (spaces and
    trailing punctuation trimmed: "_Mr. Fairhall,_" -> "Mr. Fairhall")."""
    out: list[str] = []
    marked: list[tuple[int, int]] = []
    pos, start = 0, -1
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", text):
        if piece == _OPEN:
            start = pos
        elif piece == _CLOSE:
            if 0 <= start < pos:
                marked.append((start, pos))
            start = -1
        else:
            out.append(piece)
            pos += len(piece)
    plain = "".join(out)
    spans = []
    for start, end in marked:
        while end > start and plain[end - 1] in " ,;:.":
            end -= 1
        while start < end and plain[start].isspace():
            start += 1
        if start < end:
            spans.append((start, end))
    return plain, spans


def _clean(line: str) -> str:
    """Inline Markdown to text: footnote links and links, emphasis, escapes."""
    line = _FOOTNOTE_REF.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = line.replace("\\\\", "\x00")
    line = _EMPHASIS.sub("", re.sub(r"\\([*_])", lambda m: "\x01" if m.group(1) == "*" else "\x02", line))
    line = _ESCAPE.sub(r"\1", line)
    return line.replace("\x00", "\\").replace("\x01", "*").replace("\x02", "_")


def _record_id(meta: dict) -> str | None:
    vol, num = meta.get("vol_id"), meta.get("doc_num")
    if vol is not None and num is not None:
        return f"dfat-v{vol}-d{num}"
    return None


def _date(value: object) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    return iso_date(value)


def _citation(refs: object) -> str | None:
    if not isinstance(refs, list):
        return None
    out: list[str] = []
    for ref in refs:
        if isinstance(ref, dict):
            value = ref.get("reference") or ", ".join(
                str(ref[k]) for k in ("naa_series", "naa_control_symbol") if ref.get(k)
            )
            value = str(value).strip().strip("[]")
        else:
            value = str(ref).strip().strip("[]")
        if value and value not in out:
            out.append(value)
    return "; ".join(out) or None


def _structure(doc: Document, start: int, refs: set[int]) -> None:
    """Dateline, classification, body, archival reference and footnotes."""
    text = doc.text
    paras = paragraphs(text, start)
    index = _dateline(doc, paras)
    while index < len(paras) and _is_classification(paras[index].of(text)):
        index += 1
    end = _body_end(doc, paras, index, refs)
    doc.paragraphs = paras[index:end]
    if doc.paragraphs:
        doc.body = Span(doc.paragraphs[0].start, doc.paragraphs[-1].end)
        last = signature(text, doc.paragraphs[-1]) if len(doc.paragraphs) > 1 else None  # closing a body
        if last is not None:
            doc.recorders.append(last)
    _participants(doc)
    title_parties(doc)


def _dateline(doc: Document, paras: list[Span]) -> int:
    """Read the "Place, date" line among the first paragraphs; return the index after it."""
    for index, para in enumerate(paras[:3]):
        place, when = dateline(doc.text, para)
        if place is not None:
            doc.place = place
            doc.date = doc.date or when
            return index + 1
        if re.fullmatch(r"\[?[Uu]ndated\]?", para.of(doc.text)):
            return index + 1
    return 0


def _is_classification(value: str) -> bool:
    words = re.split(r"[\s/,]+", value.lower().strip(" ."))
    return 0 < len(words) <= 7 and "\n" not in value.strip() and all(w in _CLASSIFICATION for w in words if w)


def _body_end(doc: Document, paras: list[Span], index: int, refs: set[int]) -> int:
    """The index after the last body paragraph. Footnotes are the paragraphs after the archival
    reference, and the numbered paragraphs just before it (or at the end when there is none)."""
    text = doc.text
    references = [i for i in range(index, len(paras)) if _REFERENCE.match(paras[i].of(text))]
    end = references[0] if references else len(paras)
    if references and doc.citation is None:
        doc.citation = "; ".join(paras[i].of(text).strip("[]") for i in references)
    highest = max(refs, default=0) + 2
    while end > index and refs and (_footnote_number(paras[end - 1].of(text)) or highest + 1) <= highest:
        end -= 1
    for i in range(end, len(paras)):
        if i not in references:
            doc.footnotes.extend(_footnotes_in(text, paras[i]))
    return end


def _footnotes_in(text: str, para: Span) -> list[Span]:
    """One span per footnote in a paragraph (a new footnote starts at a line opening with its number)."""
    out: list[Span] = []
    for line in lines(text, para):
        match = _FOOTNOTE_DEF.match(line.of(text))
        if match or not out:
            out.append(strip(text, line.start + (match.end() if match else 0), line.end))
        else:
            out[-1] = Span(out[-1].start, line.end)
    return out


def _footnote_number(value: str) -> int | None:
    match = _FOOTNOTE_DEF.match(value)
    if not match:
        return None
    return int(match.group(1) or match.group(2))


def _participants(doc: Document) -> None:
    """A "Present" block or line among the first paragraphs, else "Those present ... were A, B"."""
    text = doc.text
    for n, para in enumerate(doc.paragraphs[:40]):
        match = _PRESENT.match(text, para.start, para.end)
        if not match:
            continue
        rest = strip(text, match.end(), para.end)
        inline = rest.of(text)
        if inline and "\n" not in inline and "\t" not in inline and match.group("sep").strip() == ":":
            doc.participants = [
                s for s in split_names(text, rest.start, rest.end) if looks_like_name(s.of(text))
            ]
        else:
            _present_list(doc, para, match.end(), doc.paragraphs[n + 1 :])
        if doc.participants:
            doc.participants_block = doc.participants_block or para
            return
    for para in doc.paragraphs[:8]:
        found = _THOSE_PRESENT.search(para.of(text))
        if found:
            names = split_names(text, para.start + found.start("names"), para.start + found.end("names"))
            for more in _MORE_PRESENT.finditer(text, para.start + found.end("names"), para.end):  # "On the X side were"
                names += split_names(text, more.start("names"), more.end("names"))
            names = [_without_with(text, s) for s in names]
            doc.participants = [s for s in names if looks_like_name(s.of(text))]
            doc.participants_block = para if doc.participants else None
            return


def _present_list(doc: Document, header: Span, after: int, following: list[Span]) -> None:
    """Names one per line or table cell after a "Present" header, across short delegation headers
    ("Australia", "External Affairs"), until running prose or a longer line without a name."""
    text = doc.text
    chunks = [Span(after, header.end)] if after < header.end else []
    for para in following:
        if any(len(line.of(text)) > 250 for line in lines(text, para)) or _SPEECH.search(para.of(text)):
            break
        chunks.append(para)
    last = header.end
    for chunk in chunks:
        for line in lines(text, chunk):
            found = [name for cell in _cells(text, line) if (name := name_in(text, cell, strict=True))]
            if not found and doc.participants and len(line.of(text).split()) > 4:
                break
            doc.participants.extend(found)
            last = line.end if found else last
        else:
            continue
        break
    if doc.participants:
        doc.participants_block = Span(header.start, last)


def _cells(text: str, line: Span) -> list[Span]:
    out: list[Span] = []
    pos = line.start
    while True:
        tab = text.find("\t", pos, line.end)
        out.append(strip(text, pos, line.end if tab < 0 else tab))
        if tab < 0:
            return out
        pos = tab + 1
