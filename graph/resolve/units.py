"""Bodies named by their own words that a curated body of the same record ends with."""

from __future__ import annotations

from graph.extract.institutions import UNIT
from graph.types import Kind, Resolution


def join_short_forms(res: Resolution) -> None:
    """A body named by its own words ("Atomic Energy Commission") is the one curated body of the record
    whose name ends with those words (the Australian Atomic Energy Commission, named "AAEC" in the title),
    where there is exactly one; the short form joins its names. Two words at least: "Commission" alone
    names nothing."""
    mentions = res.extraction.mentions
    curated = sorted({res.entity_of[i] for i, m in enumerate(mentions)
                      if m.kind is Kind.ORGANIZATION and m.key and not m.key.startswith(UNIT) and i in res.entity_of})
    moved: set[str] = set()
    for index, mention in enumerate(mentions):
        unit = res.entity_of.get(index)
        if not mention.key.startswith(UNIT) or unit is None or len(res.entities[unit].name.split()) < 2:
            continue
        tail = f" {res.entities[unit].name}"
        fits = [c for c in curated
                if any(n.endswith(tail) for n in (res.entities[c].name, *res.entities[c].alternate_names))]
        if len(fits) == 1:
            res.entity_of[index] = fits[0]
            res.entities[fits[0]].alternate_names.add(mention.surface)
            moved.add(unit)
    for unit in moved - set(res.entity_of.values()):
        del res.entities[unit]
