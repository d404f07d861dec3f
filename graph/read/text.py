"""Helpers shared by the readers: building a text while recording spans, paragraphs, dates,
name lists, HTML to text, and a cheap language guess.

Every function returns :class:`graph.types.Span` offsets into the text it was given.
"""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser

from graph.types import Document, Span

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_SPACES = re.compile(r"\s+")
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+|\n+")
_DATE_FORMATS = (
    "%B %d, %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%b %d, %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%Y-%m-%d",
    "%B %Y",
)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
DATE_IN_TEXT = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b"
)
HONORIFIC = re.compile(
    r"^(?:The\s+(?:Right\s+)?Hon(?:ou?rable|\.)?\s+|Mr|Mrs|Ms|Miss|Messrs|Dr|Sir|Lady|Lord|Dame|Mme|Madame|"
    r"Monsieur|Herr|Frau|Cde|Cdes|Comrade|Tov|Prof|Professor|Ambassador|Captain|Brigadier|Colonel|Major|"
    r"General|Admiral|Commodore|Air\s+(?:Vice[- ])?Marshal|Air\s+Commodore|Vice[- ]Admiral|Rear[- ]Admiral|"
    r"Lieutenant|Lieut|Senator|President|Premier|Chairman|Marshal)\b\.?",
)
INITIALS = re.compile(r"\b(?:[A-ZА-Я]\.\s?){1,3}\s?[A-ZА-Я][\w'’-]+")
_OFFICE_WORDS = re.compile(
    r"\b(?:Department|Ministry|Minister|Secretary|Embassy|Affairs|Office|Bureau|Division|Section|Committee|"
    r"Staff|Director|Chief|Counsellor|Counselor|Interpreter|Adviser|Advisor|Delegation|Commission|Council)\b"
)


class Builder:
    """Append pieces of text and get back the span each piece occupies."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> Span:
        start = self.length
        self._parts.append(piece)
        self.length += len(piece)
        return Span(start, self.length)

    def block(self, piece: str) -> Span:
        """Add ``piece`` as its own paragraph (a blank line before it unless it is first)."""
        if self.length:
            self.add("\n\n")
        return self.add(piece)

    @property
    def text(self) -> str:
        return "".join(self._parts)


def strip(text: str, start: int, end: int, chars: str | None = None) -> Span:
    """The span ``[start, end)`` without leading and trailing ``chars`` (default white space)."""
    while start < end and (text[start].isspace() if chars is None else text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() if chars is None else text[end - 1] in chars):
        end -= 1
    return Span(start, end)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Blank-line separated paragraphs of ``text[start:end]``, stripped of outer white space.

    >>> t = "One line.\\n\\n  Two\\nlines.\\n\\n\\n"
    >>> [t[s.start:s.end] for s in paragraphs(t)]
    ['One line.', 'Two\\nlines.']
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for match in _BLANK_LINE.finditer(text, start, end):
        span = strip(text, pos, match.start())
        if span.end > span.start:
            out.append(span)
        pos = match.end()
    span = strip(text, pos, end)
    if span.end > span.start:
        out.append(span)
    return out


def lines(text: str, span: Span) -> list[Span]:
    """The non-blank lines of ``span``, each stripped."""
    out: list[Span] = []
    pos = span.start
    while pos <= span.end:
        nl = text.find("\n", pos, span.end)
        stop = span.end if nl < 0 else nl
        line = strip(text, pos, stop)
        if line.end > line.start:
            out.append(line)
        pos = stop + 1
    return out


def squeeze(value: str) -> str:
    """Runs of white space as one space, outer white space removed."""
    return _SPACES.sub(" ", value).strip()


def parse_date(value: str) -> str | None:
    """An ISO date (or year-month) from a date written out.

    >>> parse_date("7 January 1969"), parse_date("1st April, 1949"), parse_date("November 1967")
    ('1969-01-07', '1949-04-01', '1967-11')
    >>> parse_date("19500101"), parse_date("undated")
    ('1950-01-01', None)
    """
    value = _ORDINAL.sub("", squeeze(value).rstrip(".,")).replace("Sept ", "Sep ").replace(".", "")
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return f"{parsed.year:04d}-{parsed.month:02d}" if fmt == "%B %Y" else parsed.date().isoformat()
    return None


def iso_date(value: object) -> str | None:
    """The date part of an ISO date or date-time value (``1965-07-21T23:15:00+03:00``)."""
    match = re.match(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}", str(value or "").strip())
    return match.group(0) if match else None


def split_names(text: str, start: int, end: int) -> list[Span]:
    """Spans of the items of a comma/"and" separated list of names in ``text[start:end]``.

    >>> t = "Cdes. L. I. Brezhnev, A. N. Kosygin, and A. A. Gromyko."
    >>> [t[s.start:s.end] for s in split_names(t, 0, len(t))]
    ['Cdes. L. I. Brezhnev', 'A. N. Kosygin', 'A. A. Gromyko']
    """
    out: list[Span] = []
    pos = start
    for match in _LIST_SEPARATOR.finditer(text, start, end):
        if text.count("(", start, match.start()) > text.count(")", start, match.start()):
            continue  # a comma inside "(Counsellor, Atomic Energy)"
        out.append(_before_bracket(text, strip(text, pos, match.start(), " \t.;:")))
        pos = match.end()
    out.append(_before_bracket(text, strip(text, pos, end, " \t.;:\n")))
    return [s for s in out if s.end > s.start and text[s.start : s.end].lower() not in {"myself", "me", "i"}]


def _before_bracket(text: str, span: Span) -> Span:
    """``Dr W.B. Rotsey (Counsellor)`` -> ``Dr W.B. Rotsey``."""
    cut = text.find(" (", span.start, span.end)
    return strip(text, span.start, cut) if cut > span.start else span


def looks_like_name(value: str, strict: bool = False) -> bool:
    """A person's name, not an office: starts with an honorific, or has initials, or is two to five
    capitalised words with no office word.

    >>> looks_like_name("Mr. A.A. Gromyko"), looks_like_name("Deputy Foreign Minister")
    (True, False)
    """
    value = value.strip()
    if not value or not value[0].isupper() or len(value.split()) > 8 or re.search(r"\sof\s", value):
        return False
    honorific = HONORIFIC.match(value)
    if (honorific and value[honorific.end() :].strip()[:1].isupper()) or INITIALS.search(value):
        return True
    if strict:
        return False
    words = value.split()
    return (2 <= len(words) <= 5 and words[-1][0].isupper() and not _OFFICE_WORDS.search(value)
            and all(w[0].isupper() or (n > 0 and w in _JOINING) for n, w in enumerate(words)))


# Particles inside a name: "Maurice Couve de Murville", "Ludwig van Beethoven"
_JOINING = frozenset({"de", "da", "di", "du", "del", "dos", "van", "von", "der", "den", "la"})


def name_in(text: str, span: Span, strict: bool = False) -> Span | None:
    """The person's name in one line of a participants list: ``Mr. A. Gromyko, Minister`` ->
    ``Mr. A. Gromyko`` (honorific kept, the title after a comma or colon dropped). ``strict``
    wants an honorific or initials, so that "Soviet Union" is not taken for a name.

    >>> t = "Minister for External Affairs: The Honourable Paul Hasluck M.P."
    >>> name_in(t, Span(0, len(t))).of(t)
    'Paul Hasluck'
    """
    start, end = span.start, span.end
    line = text[start:end]
    colon = line.find(":")
    if 0 < colon < len(line) - 1:
        start += colon + 1
    parts: list[Span] = []
    pos = start
    for match in re.finditer(r",\s+|\t+|\s+[-–—]\s*(?=[A-Z][a-z])|-(?=Chairman|Secretary)", text[start:end]):
        parts.append(strip(text, pos, start + match.start(), " .;"))
        pos = start + match.end()
    parts.append(strip(text, pos, end, " .;"))
    for part in parts:
        if looks_like_name(part.of(text), strict):
            return _drop_postnominals(text, part)
    return None


def _drop_postnominals(text: str, span: Span) -> Span:
    value = span.of(text)
    match = re.search(r"(?:\s+(?:M\.P\.?|MP|Esq\.?|Q\.C\.?|[A-Z]\.[A-Z]\.?(?:[A-Z]\.?)?))+$", value)
    end = span.start + match.start() if match and match.start() > 3 else span.end
    honourable = re.match(r"The\s+(?:Right\s+)?Hon(?:ou?rable|\.)\s+", value)
    return strip(text, span.start + (honourable.end() if honourable else 0), end, " .,;")


_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_KANA = re.compile("[\u3040-\u30ff]")
_HAN = re.compile("[\u4e00-\u9fff]")


def language_of(text: str) -> str:
    """A cheap guess: "ru" if Cyrillic letters are over 30% of letters, "zh"/"ja" for CJK, else "en".

    >>> language_of("Брежнев сказал"), language_of("Brezhnev said"), language_of("1966")
    ('ru', 'en', 'en')
    """
    head = text[:20000]
    letters = len(_LETTER.findall(head))
    if not letters:
        return "en"
    share = letters * 0.3
    if len(_CYRILLIC.findall(head)) > share:
        return "ru"
    kana, han = len(_KANA.findall(head)), len(_HAN.findall(head))
    if kana + han > share:
        return "ja" if kana > han / 10 else "zh"
    return "en"


_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "title",
    "dt",
    "dd",
    "pre",
    "hr",
}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template", "svg"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)

    def flush(self) -> None:
        block = squeeze("".join(self.current))
        if block:
            self.blocks.append(block)
        self.current = []


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one paragraph per block element, blank-line separated.

    >>> html_to_text("<html><style>p{}</style><p>One <b>two</b></p><p>Three&amp;four</p></html>")
    'One two\\n\\nThree&four'
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.blocks)


def looks_like_html(head: str) -> bool:
    """An HTML page, judged from its first characters."""
    start = head.lstrip()[:1000].lower()
    if not start.startswith("<"):
        return False
    return start.startswith(("<!doctype html", "<html")) or bool(
        re.search(r"<(?:html|body|head)\b", start) and len(re.findall(r"<[a-z/!][^>]*>", start)) >= 3
    )


_CREDIT = re.compile(
    r"\b(?P<roles>(?:(?:[Cc]ontributed|[Tt]ranslated|[Tt]ranscribed|[Oo]btained|[Ee]dited)(?:,?\s+(?:and\s+)?)?)+)"
    r"\s*(?:by|for [^.]*? by)\s+(?P<names>.+?)"
    r"(?=(?<![A-Z])\.(?:\s|$)|\n|$|,?\s+and\s+(?:translated|contributed|transcribed))"
)


def credits_in(doc: Document, span: Span) -> None:
    """Add "Contributed by X" to ``doc.contributors`` and "translated by Y" to ``doc.translators``.

    >>> from graph.types import Document
    >>> d = Document(path="", format="", text="X. Contributed by A. Smith and translated by B. Jones.")
    >>> credits_in(d, Span(0, len(d.text)))
    >>> [d.quote(s) for s in d.contributors], [d.quote(s) for s in d.translators]
    (['A. Smith'], ['B. Jones'])
    """
    text = doc.text
    for match in _CREDIT.finditer(text, span.start, span.end):
        roles = match.group("roles").lower()
        names = split_names(text, match.start("names"), match.end("names"))
        if "translated" in roles:
            doc.translators.extend(names)
        if "contributed" in roles:
            doc.contributors.extend(names)


_DATE_START = re.compile(
    r"^\s*\[?\s*(?:c\.\s*|circa\s+)?(?:\d|undated|Undated|UNDATED|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\b)"
)


def dateline(text: str, span: Span) -> tuple[Span | None, str | None]:
    """The place and ISO date of a one-line dateline such as ``London, 9 January 1962``,
    ``Australian High Commission, London, undated [October 1971]`` or ``New Delhi, 1st April, 1949.``

    >>> t = "Australian High Commission, London, undated [October 1971]"
    >>> place, when = dateline(t, Span(0, len(t)))
    >>> place.of(t), when
    ('London', '1971-10')
    """
    value = span.of(text)
    if "\n" in value or len(value) > 120 or not re.search(r"\b1[6-9]\d\d|\bundated\b", value, re.I):
        return None, None
    commas = [m.start() for m in re.finditer(",", value)]
    for n, comma in enumerate(commas):
        rest = value[comma + 1 :]
        if _DATE_START.match(rest) and len(rest.split()) <= 9:
            begin = commas[n - 1] + 1 if n else 0
            gap = value.rfind("   ", begin, comma)
            begin = gap + 3 if gap >= 0 else begin
            place = strip(text, span.start + begin, span.start + comma, " \t[(")
            found = DATE_IN_TEXT.search(rest.replace("[", "").replace("]", ""))
            month = re.search(r"([A-Z][a-z]+)\]?\s+(\d{4})", rest)
            when = (
                parse_date(found.group(0))
                if found
                else parse_date(" ".join(month.groups()))
                if month
                else None
            )
            return (place if place.end > place.start else None), when
    return None, None
