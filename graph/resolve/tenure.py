"""When the people authority says someone held an office: the years a remark gives each post.

The Office of the Historian's remarks write tenures in a few ways: "British Chancellor of the
Exchequer, November 1967-June 1970", "British Defense Minister from October 17, 1964",
"Chancellor of the Exchequer until May 1979", several posts in one remark separated by ";", the last
often "thereafter ..." (from the end of the one before). Each post becomes a ``Tenure`` with the
first and last year it covers, ``None`` where the remark leaves that end open.

>>> [(t.start, t.end) for t in tenures("British Home Secretary, December 22, 1965–November 29, 1967; "
...                                    "thereafter Chancellor of the Exchequer")]
[(1965, 1967), (1967, None)]
>>> [(t.start, t.end) for t in tenures("British Defense Minister from October 17, 1964")]
[(1964, None)]
>>> tenures("Labour member of the British House of Commons.")[0].covers(1950)
True

``span`` bounds one office over all the remarks that name it, so that "Chancellor of the Exchequer from
1974" and "... until May 1979" together rule out 1967:

>>> span([Tenure("Chancellor", 1974, None), Tenure("Chancellor", None, 1979)]).covers(1967)
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_UNTIL = re.compile(r"\b(?:until|to|till|before)\s+(?:[\w,.]+\s+){0,3}?(?:1[89]\d\d|20\d\d)\b", re.I)
_FROM = re.compile(r"\b(?:from|after|since|as of|beginning)\s+(?:[\w,.]+\s+){0,3}?(?:1[89]\d\d|20\d\d)\b", re.I)


@dataclass(frozen=True)
class Tenure:
    post: str  # the remark's words for this post, dates included
    start: int | None  # first year held, None if the remark does not say
    end: int | None  # last year held, None if open

    def covers(self, year: int) -> bool:
        """Whether the post may have been held in ``year``: open ends do not rule it out."""
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


def tenures(remark: str) -> list[Tenure]:
    """Each post of a remark (";"-separated) with the years it covers."""
    out: list[Tenure] = []
    for part in (p.strip() for p in remark.split(";")):
        if not part:
            continue
        start, end = _years(part)
        if start is None and re.match(r"thereafter\b", part, re.I) and out and out[-1].end is not None:
            start = out[-1].end
        out.append(Tenure(part.rstrip("."), start, end))
    return out


def _years(post: str) -> tuple[int | None, int | None]:
    years = [int(y) for y in _YEAR.findall(post)]
    if not years:
        return None, None
    if len(years) > 1:
        return min(years), max(years)
    if _UNTIL.search(post):
        return None, years[0]
    if _FROM.search(post):
        return years[0], None
    return None, None  # "in early 1965": held then, but for how long the remark does not bound


def span(posts: list[Tenure]) -> Tenure:
    """One tenure from the earliest start to the latest end the posts give (open where none does)."""
    starts = [t.start for t in posts if t.start is not None]
    ends = [t.end for t in posts if t.end is not None]
    return Tenure("; ".join(t.post for t in posts), min(starts) if starts else None, max(ends) if ends else None)
