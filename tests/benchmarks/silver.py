"""Silver benchmark (not a test): person and place precision/recall of the extractor against the
annotations that the archives' own markup carries.

    .venv/bin/python tests/benchmarks/silver.py CORPUS_DIR [--limit N] [--json] [-v]

Silver annotations, read straight from the files (lxml / csv, not through ``graph.read``):

* **FRUS TEI** (every ``*.xml`` under CORPUS_DIR that is TEI): each ``persName`` with ``@corresp`` is a
  silver person keyed ``<volume-id>#<corresp id>`` (one per distinct key and record); the FRUS person
  id comes from ``PeopleAuthority.default().by_anchor(key)`` when the volume's persons list is in the
  authority. Each ``placeName`` is a silver place.
* **Wilson Center CSV** (``*wilson*.csv``, one record per row): ``associated_people_orgs`` entries
  written "Surname, Forenames" are silver persons (other entries are organisations and are skipped),
  and so are such entries of ``document_contributors`` and ``authors`` (in this export they hold the
  record's principals, "Kohl, Helmut" and his interlocutor, and the issuing person, "Nehru,
  Jawaharlal"; the reader shows them in the same tag block); ``associated_places`` are silver places.

System side: the real pipeline (``graph.read.read_path`` then ``graph.pipeline.process``); a person is
an entity of kind PERSON, a place an entity of kind PLACE *or* COUNTRY (the archives' "places" are
mostly countries), each with at least one mention inside the scope below.

Matching (one to one, maximum bipartite matching per record):

* persons: when both sides carry a FRUS person id, the ids must be equal. Otherwise the normalised
  surname (accents, case, punctuation and hyphens dropped) must be the first or last word(s) of one of
  the system entity's names (its name, alternate names or mention surfaces; first covers family-name-
  first Asian names), and when both sides give forenames their initials must agree (so "Chiang,
  Kai-shek" does not match "Chiang Ching-kuo"). The silver surname is the authority's surname when
  the FRUS id is known, else the last word of the marked-up name; for Wilson the part before the comma
  (a parenthesised alternative, "(Jiang Jingguo)", is a second form).
* places: a normalised name of the silver place equals a normalised name of the system entity.

Scope and what precision means:

* FRUS persons: the whole rendered text. FRUS tags only the people in the volume's persons list, so
  a correct system person named in a footnote citation (a historian, an archive's author) counts
  as a false positive: person precision is a lower bound.
* FRUS places: ``placeName`` marks only the dateline place, so place *precision* is measured only
  on the dateline paragraph (system places outside it are unjudged); recall over every placeName.
* Wilson: the tags describe the whole record (and the original document), not the translation's
  words, so recall is measured against every tag ("R"), and also against the tags whose name the
  record's own text contains ("R named"). Precision is measured only against what the text names:
  system entities count only when one of their mentions lies in the record's own text (title, body,
  summary, source line); the tag block the reader appends to the text ("People and organizations:
  ...", "Places: ...") is excluded, so an entity found *only* there is not credited (it would be a
  copy of the silver). A record with no tag of a kind (no person tags at all) is left out of that
  kind's precision. Wilson tags few people (Kohl is not tagged in his own memcons), so Wilson
  person precision is a lower bound too; read it with the ``-v`` list of unmatched entities.

Hints: the readers also turn this markup into ``Document.hints``. The script checks whether any
module of ``graph/extract`` or ``graph/resolve`` reads ``hints``; if one does, the figures are flagged
as possibly crediting copied markup.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

import graph
from graph.pipeline import process
from graph.read import read_path
from graph.resolve.people import PeopleAuthority
from graph.types import Document, Kind, Resolution, Span

ROOT = Path(__file__).resolve().parents[2]
TEI = "http://www.tei-c.org/ns/1.0"
FRUS_IRI = "https://history.state.gov/people/id/"
PLACE_KINDS = {Kind.PLACE, Kind.COUNTRY}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Wilson's person tags: the scraper's export puts the record's principals (Kohl and his interlocutor)
# in document_contributors and the issuing person in authors; all three are tags of the record.
PERSON_COLUMNS = ("associated_people_orgs", "document_contributors", "authors")
_HONORIFICS = {"mr", "mrs", "dr", "the", "sir", "lord", "lady", "ambassador", "president", "chairman",
               "minister", "secretary", "general", "premier", "chancellor", "prime", "foreign", "deputy"}


# ----------------------------------------------------------------------------------------- names

def words(label: str) -> list[str]:
    """Lower-case words, accents, punctuation and hyphens dropped, runs of initials joined:
    'Foy D. Kohler' -> ['foy', 'd', 'kohler'], 'Douglas-Home' -> ['douglashome']."""
    text = unicodedata.normalize("NFKD", label)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['\u2019]s\b", "", text)  # possessive: "Zorin's" -> "zorin"
    text = text.replace("-", "").replace("'", "").replace("\u2019", "")
    return re.findall(r"[a-z0-9]+", text)


def norm(label: str) -> str:
    return " ".join(words(label))


def name_words(label: str) -> list[str]:
    """``words`` without leading honorifics and titles ("Ambassador Kohler" -> ['kohler'])."""
    out = words(label)
    while len(out) > 1 and out[0] in _HONORIFICS:
        out = out[1:]
    while len(out) > 1 and out[-1] in _SUFFIXES:
        out = out[:-1]
    return out


@dataclass
class PersonName:
    surname: list[str]
    forenames: list[str]


def name_agrees(silver: PersonName, system_name: list[str]) -> bool:
    """The silver surname is the last (or first) word(s) of the system name; the remaining words'
    initials agree with the silver forenames' where both exist."""
    n = len(silver.surname)
    if not n or len(system_name) < n:
        return False
    if system_name[-n:] == silver.surname:
        rest = system_name[:-n]
    elif system_name[:n] == silver.surname:
        rest = system_name[n:]
    else:
        return False
    if not rest or not silver.forenames:
        return True
    return rest[0][0] == silver.forenames[0][0]


# ----------------------------------------------------------------------------------------- silver

@dataclass
class Silver:
    key: str
    label: str
    kind: str  # "person" | "place"
    names: set[str] = field(default_factory=set)  # normalised
    person_names: list[PersonName] = field(default_factory=list)
    frus_id: str | None = None
    named_in_text: bool = True


@dataclass
class SysEntity:
    id: str
    label: str
    names: set[str]
    word_names: list[list[str]]
    frus_id: str | None


@dataclass
class RecordSilver:
    archive: str
    record_id: str
    path: Path
    persons: list[Silver]
    places: list[Silver]


def frus_silver(path: Path, people: PeopleAuthority) -> list[RecordSilver] | None:
    """Silver persons and places of a TEI file (one record per document div), None if not TEI."""
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except etree.XMLSyntaxError:
        return None
    if etree.QName(root).namespace != TEI:
        return None
    ns = {"t": TEI}
    volume = root.xpath("string(//t:bibl[@type='frus-volume-id'])", namespaces=ns).strip() or next(
        (p for p in reversed(path.parts[:-1]) if re.match(r"frus\d{4}", p)), "")
    divs = root.xpath("//t:div[@type='document']", namespaces=ns) or [root]
    out = []
    for div in divs:
        doc_id = div.get("{http://www.w3.org/XML/1998/namespace}id") or path.stem
        persons: dict[str, Silver] = {}
        places: dict[str, Silver] = {}
        for el in div.xpath(".//t:persName[@corresp]", namespaces=ns):
            corresp = el.get("corresp").lstrip("#")
            text = " ".join(el.xpath("string()").split())
            key = f"{volume}#{corresp}"
            item = persons.get(key)
            if item is None:
                frus = people.by_anchor(key)
                item = persons[key] = Silver(key, text, "person", frus_id=frus)
                if frus:
                    rec = people.get(frus)
                    item.person_names.append(PersonName(name_words(rec.surname), words(rec.forenames)))
                    item.label = rec.name
            if text:
                item.names.add(norm(text))
                w = name_words(text)
                if w:
                    item.person_names.append(PersonName(w[-1:], w[:-1]))
        for el in div.xpath(".//t:placeName", namespaces=ns):
            text = " ".join(el.xpath("string()").split())
            if text and norm(text) not in places:
                places[norm(text)] = Silver(norm(text), text, "place", names={norm(text)})
        out.append(RecordSilver("FRUS TEI", f"{volume}-{doc_id}", path, list(persons.values()),
                                list(places.values())))
    return out


def _json_list(raw: str) -> list[str]:
    raw = (raw or "").strip()
    if not raw:
        return []
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        return [v.strip() for v in raw.split(";") if v.strip()]
    return [str(v).strip() for v in (value if isinstance(value, list) else [value]) if str(v).strip()]


def wilson_person(tag: str) -> Silver | None:
    """A "Surname, Forenames (Alternative)" tag; None for an organisation."""
    alt = re.search(r"\(([^)]*)\)\s*$", tag)
    main = tag[: alt.start()].strip() if alt else tag
    if not re.fullmatch(r"[^,.()]+,\s*[^,()]+", main):
        return None
    surname, forenames = (p.strip() for p in main.split(",", 1))
    item = Silver(f"wilson:{tag}", f"{forenames} {surname}", "person")
    item.person_names.append(PersonName(name_words(surname), words(forenames)))
    item.names |= {norm(f"{forenames} {surname}"), norm(f"{surname} {forenames}")}
    other = words(alt.group(1)) if alt else []
    if len(other) >= 2:  # "(Jiang Jingguo)"; not a nickname like '("Tony")'
        item.person_names += [PersonName(other[:1], other[1:]), PersonName(other[-1:], other[:-1])]
        item.names.add(" ".join(other))
    return item


def wilson_silver(path: Path) -> list[RecordSilver]:
    csv.field_size_limit(1 << 26)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for row in rows:
        if not (row.get("text_body") or row.get("title")):
            continue
        tags = [t for column in PERSON_COLUMNS for t in _json_list(row.get(column, ""))]
        persons = [p for p in map(wilson_person, dict.fromkeys(tags)) if p]
        places = [Silver(f"wilson:{t}", t, "place", names={norm(t)})
                  for t in _json_list(row.get("associated_places", ""))]
        out.append(RecordSilver("Wilson CSV", (row.get("record_id") or "").strip(), path, persons, places))
    return out


# ----------------------------------------------------------------------------------------- system

def own_text_end(doc: Document) -> int:
    """Where the record's own text ends: the start of the Wilson tag block the reader appends
    ("Authors: ...", "People and organizations: ...", "Places: ..."), else the text's end."""
    if doc.format not in {"wilson-csv", "wilson-json"}:
        return len(doc.text)
    starts = [h.span.start for h in doc.hints if h.key.startswith("wilson:")]
    if not starts:
        return len(doc.text)
    head = doc.text[: min(starts)]
    found = [m.start() for m in re.finditer(r"(?m)^(?:Authors|People and organizations|Places): ", head)]
    return found[0] if found else min(starts)


def paragraph_of(text: str, span: Span) -> Span:
    start = text.rfind("\n\n", 0, span.start)
    end = text.find("\n\n", span.end)
    return Span(0 if start < 0 else start + 2, len(text) if end < 0 else end)


def system_entities(res: Resolution, kinds: set[Kind], scope: Span) -> tuple[list[SysEntity], list[str]]:
    """Entities of ``kinds`` with a mention inside ``scope``; and those whose mentions all lie
    outside it (not counted)."""
    ex = res.extraction
    surfaces: dict[str, list[tuple[Span, str]]] = {}
    for index, eid in res.entity_of.items():
        mention = ex.mentions[index]
        surfaces.setdefault(eid, []).append((mention.span, mention.surface))
    inside, outside = [], []
    for eid, entity in sorted(res.entities.items()):
        if entity.kind not in kinds or eid not in surfaces:
            continue
        if not any(scope.start <= s.start and s.end <= scope.end for s, _ in surfaces[eid]):
            outside.append(entity.name)
            continue
        labels = {entity.name, *entity.alternate_names, *(surface for _, surface in surfaces[eid])}
        frus = eid[len("person/frus-"):] if eid.startswith("person/frus-") else next(
            (iri[len(FRUS_IRI):] for iri in entity.same_as if iri.startswith(FRUS_IRI)), None)
        inside.append(SysEntity(eid, entity.name, {norm(x) for x in labels} - {""},
                                [w for w in (name_words(x) for x in labels) if w], frus))
    return inside, outside


def person_matches(silver: Silver, ent: SysEntity) -> bool:
    if silver.frus_id and ent.frus_id:
        return silver.frus_id == ent.frus_id
    if silver.names & ent.names:
        return True
    return any(name_agrees(pn, w) for pn in silver.person_names for w in ent.word_names)


def place_matches(silver: Silver, ent: SysEntity) -> bool:
    return bool(silver.names & ent.names)


def max_matching(gold: list, system: list, matches) -> dict[int, int]:
    adj = [[j for j, s in enumerate(system) if matches(g, s)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


# ----------------------------------------------------------------------------------------- scoring

@dataclass
class Counts:
    tp: int = 0  # matches among the system entities judged for precision
    tp_recall: int = 0  # every match
    system: int = 0
    silver: int = 0
    silver_named: int = 0
    tp_named: int = 0

    def add(self, other: Counts) -> None:
        for name in ("tp", "tp_recall", "system", "silver", "silver_named", "tp_named"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def p(self) -> float:
        return self.tp / self.system if self.system else 1.0

    @property
    def r(self) -> float:
        return self.tp_recall / self.silver if self.silver else 1.0

    @property
    def r_named(self) -> float:
        return self.tp_named / self.silver_named if self.silver_named else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def named_in(text: str, item: Silver) -> bool:
    """Does the record's own text contain the silver name (persons: a surname form)?"""
    folded = " " + " ".join(words(text)) + " "
    if item.kind == "person":
        return any(pn.surname and f" {' '.join(pn.surname)} " in folded for pn in item.person_names)
    return any(f" {name} " in folded for name in item.names)


def score_record(rec: RecordSilver, doc: Document, res: Resolution) -> dict:
    end = own_text_end(doc)
    own = Span(0, end)
    result: dict = {"archive": rec.archive, "record": rec.record_id, "path": str(rec.path)}
    for kind, silver, kinds, matches in (("persons", rec.persons, {Kind.PERSON}, person_matches),
                                         ("places", rec.places, PLACE_KINDS, place_matches)):
        all_ents, outside = system_entities(res, kinds, own)
        pairs = max_matching(silver, all_ents, matches)
        counts = Counts(tp_recall=len(pairs), silver=len(silver))
        # precision scope: FRUS places only on the dateline paragraph(s); everything else: own text
        judged = all_ents
        if rec.archive == "FRUS TEI" and kind == "places" and doc.place is not None:
            scope = paragraph_of(doc.text, doc.place)
            judged_ids = {e.id for e in system_entities(res, kinds, scope)[0]}
            judged = [e for e in all_ents if e.id in judged_ids]
        if rec.archive == "Wilson CSV" and not silver:
            judged = []  # the record has no tag of this kind: nothing to judge precision against
        judged_idx = {all_ents.index(e) for e in judged}
        counts.system = len(judged)
        counts.tp = sum(1 for j in pairs.values() if j in judged_idx)
        for i, item in enumerate(silver):
            item.named_in_text = named_in(doc.text[:end], item)
            counts.silver_named += item.named_in_text
            counts.tp_named += item.named_in_text and i in pairs
        result[kind] = {
            "counts": counts,
            "missed": [f"{s.label}{'' if s.named_in_text else ' (not in text)'}"
                       for i, s in enumerate(silver) if i not in pairs],
            "spurious": [e.label for j, e in enumerate(all_ents) if j in judged_idx and j not in pairs.values()],
            "tail_only": outside if rec.archive == "Wilson CSV" else [],
        }
    return result


def hints_readers() -> list[str]:
    """Modules of the extract and resolve stages that mention ``hints``."""
    base = Path(graph.__file__).parent
    found = []
    for stage in ("extract", "resolve"):
        for module in sorted((base / stage).glob("*.py")):
            if re.search(r"\bhints?\b|\bHint\b", module.read_text(encoding="utf-8")):
                found.append(str(module.relative_to(base.parent)))
    return found


def machine() -> dict:
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "?"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                                text=True, check=False).stdout.strip()
    except OSError:
        commit = "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "usable_cores": usable,
            "python": platform.python_version(), "platform": platform.platform(), "commit": commit}


# ----------------------------------------------------------------------------------------- main

def collect(corpus: Path, limit: int | None) -> list[RecordSilver]:
    people = PeopleAuthority.default()
    frus: list[RecordSilver] = []
    for path in sorted(corpus.rglob("*.xml")):
        frus.extend(frus_silver(path, people) or [])
    wilson: list[RecordSilver] = []
    for path in sorted(corpus.rglob("*.csv")):
        if "wilson" in path.name.lower():
            wilson.extend(wilson_silver(path))
    if limit is not None:
        frus, wilson = frus[:limit], wilson[:limit]
    return frus + wilson


def run(corpus: Path, limit: int | None) -> dict:
    started = time.perf_counter()
    records = collect(corpus, limit)
    docs_by_file: dict[Path, list[Document]] = {}
    results = []
    for rec in records:
        if rec.path not in docs_by_file:
            docs_by_file[rec.path] = read_path(rec.path)
        docs = docs_by_file[rec.path]
        doc = next((d for d in docs if d.record_id == rec.record_id), None)
        if doc is None and rec.archive == "FRUS TEI" and len(docs) == 1:
            doc = docs[0]
        if doc is None:
            results.append({"archive": rec.archive, "record": rec.record_id, "error": "reader gave no such record"})
            continue
        results.append(score_record(rec, doc, process(doc)))
    totals: dict[str, dict[str, Counts]] = {}
    for r in results:
        if "error" in r:
            continue
        for archive in (r["archive"], "overall"):
            for kind in ("persons", "places"):
                c = totals.setdefault(archive, {}).setdefault(kind, Counts())
                c.add(r[kind]["counts"])
    return {"results": results, "totals": totals, "seconds": time.perf_counter() - started,
            "hints_used_by": hints_readers()}


def figures(c: Counts) -> dict:
    return {"P": round(c.p, 3), "R": round(c.r, 3), "F1": round(c.f1, 3),
            "R_named": round(c.r_named, 3), "tp_precision": c.tp, "system": c.system, "tp_recall": c.tp_recall,
            "silver": c.silver, "silver_named": c.silver_named}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="folder holding FRUS TEI files and/or *wilson*.csv")
    ap.add_argument("--limit", type=int, help="at most N records per archive")
    ap.add_argument("--json", action="store_true", help="print everything as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and unmatched system entities")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        ap.error(f"{args.corpus} is not a folder")
    out = run(args.corpus, args.limit)
    command = " ".join([Path(sys.executable).name, *sys.argv]) if argv is None else " ".join(argv)
    summary = {archive: {kind: figures(c) for kind, c in kinds.items()} for archive, kinds in out["totals"].items()}
    if args.json:
        records = []
        for r in out["results"]:
            if "error" not in r:
                r = {**r, **{k: {**r[k], "counts": figures(r[k]["counts"])} for k in ("persons", "places")}}
            records.append(r)
        print(json.dumps({"command": command, "machine": machine(), "seconds": round(out["seconds"], 1),
                          "hints_used_by": out["hints_used_by"], "summary": summary, "records": records},
                         indent=1, ensure_ascii=False))
        return 0
    if out["hints_used_by"]:
        print("WARNING: Document.hints are read by " + ", ".join(out["hints_used_by"]) +
              ": the extractor may be credited for markup it copied")
    else:
        print("Document.hints: not read by graph/extract or graph/resolve (the markup is not copied)")
    if args.verbose:
        for r in out["results"]:
            if "error" in r:
                print(f"{r['archive']} {r['record']}: {r['error']}")
                continue
            print(f"\n{r['archive']} {r['record']}")
            for k in ("persons", "places"):
                for m in r[k]["missed"]:
                    print(f"   {k} missed:    {m}")
                for m in r[k]["spurious"]:
                    print(f"   {k} unmatched: {m}")
                for m in r[k]["tail_only"]:
                    print(f"   {k} only in the tag block (not counted): {m}")
        print()
    n_records = {a: sum(1 for r in out["results"] if r.get("archive") == a and "error" not in r)
                 for a in ("FRUS TEI", "Wilson CSV")}
    print(f"{'archive':12} {'category':8} {'P':>5} {'R':>5} {'F1':>5} {'R named':>8}   "
          f"matched(P)/system  matched(R)/silver  silver named")
    for archive in ("FRUS TEI", "Wilson CSV", "overall"):
        if archive not in summary:
            continue
        for kind in ("persons", "places"):
            f = summary[archive][kind]
            label = f"{archive} ({n_records[archive]})" if archive in n_records else archive
            print(f"{label:16} {kind:8} {f['P']:5.2f} {f['R']:5.2f} {f['F1']:5.2f} {f['R_named']:8.2f}   "
                  f"{f['tp_precision']:>4} / {f['system']:<6}  {f['tp_recall']:>6} / {f['silver']:<8}  "
                  f"{f['silver_named']}")
    errors = [r for r in out["results"] if "error" in r]
    for r in errors:
        print(f"error: {r['archive']} {r['record']}: {r['error']}")
    m = machine()
    print(f"\n{sum(n_records.values())} records in {out['seconds']:.1f} s; {m['cpu']}, {m['cores']} cores "
          f"({m['usable_cores']} usable), Python {m['python']}, {m['platform']}, commit {m['commit']}")
    print(f"command: {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
