"""The corpus build (graph.pipeline.build): worker processes, the content-hash cache, the store
that replaces changed records' graphs, N-Quads/TriG outputs, errors, and the CLI around it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import cache as cache_module
from graph.cache import Cache
from graph.pipeline import build, build_dataset
from graph.quads import process_file

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "tests" / "data" / "records"
SEED = ROOT / "seeds" / "000_241508d0c6af083c.txt"
DFAT = sorted(RECORDS.glob("dfat-*.md"))
FRUS = sorted(RECORDS.glob("frus*.xml"))


def corpus(tmp_path: Path, files: list[Path], name: str = "in") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for path in files:
        shutil.copy(path, folder / path.name)
    return folder


def quads(path: Path) -> set[ox.Quad]:
    return set(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.TRIG))


def store_graphs(folder: Path) -> dict[str, int]:
    store = ox.Store.read_only(str(folder))
    return {g.value: len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Four records and the seed, built with two worker processes."""
    tmp = tmp_path_factory.mktemp("small")
    folder = corpus(tmp, [SEED, *DFAT[:2], *FRUS[:2]])
    build([folder], out_dir=tmp / "out", formats=("nq",), view=False, queries_dir=None, jobs=2)
    return folder, tmp / "out"


def test_the_fast_path_writes_the_same_quads_as_rdflib(small: tuple[Path, Path]) -> None:
    folder, out = small
    ds, report = build_dataset([folder])
    assert report.errors == [] and report.records == 5
    expected = set(ox.parse(ds.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS))
    assert quads(out / "graph.nq") == expected
    assert quads(out / "graph.trig") == expected
    assert sum(store_graphs(out / "store").values()) == len(expected)


def test_nquads_are_canonical_sorted_lines_one_record_after_another(small: tuple[Path, Path]) -> None:
    _, out = small
    lines = (out / "graph.nq").read_text(encoding="utf-8").splitlines()
    graphs = [line.rsplit(" ", 2)[1] for line in lines]
    assert graphs == sorted(graphs)  # records in graph-IRI order ...
    for graph in set(graphs):
        block = [line for line in lines if line.rsplit(" ", 2)[1] == graph]
        assert block == sorted(set(block))  # ... each one's lines sorted and unique
    assert (out / "graph.nq").read_bytes() == ox.serialize(
        ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)


def test_workers_and_one_process_give_the_same_bytes(small: tuple[Path, Path], tmp_path: Path) -> None:
    folder, out = small
    build([folder], out_dir=tmp_path / "serial", formats=("nq",), view=False, queries_dir=None, jobs=1)
    for name in ("graph.nq", "graph.trig"):
        assert (tmp_path / "serial" / name).read_bytes() == (out / name).read_bytes()


def test_an_unchanged_record_is_not_extracted_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = corpus(tmp_path, DFAT)
    out = tmp_path / "out"
    first = build([folder], out_dir=out, view=False, queries_dir=None, jobs=1)
    assert first.reused == 0 and first.records == len(DFAT)
    before = (out / "graph.trig").read_bytes()

    def refuse(path: str) -> None:
        raise AssertionError(f"{path} was extracted again")

    monkeypatch.setattr("graph.pipeline.process_file", refuse)
    again = build([folder], out_dir=out, view=False, queries_dir=None, jobs=1)
    assert again.reused == len(DFAT) and again.errors == []
    assert (out / "graph.trig").read_bytes() == before


def test_a_changed_record_replaces_its_named_graph(tmp_path: Path) -> None:
    folder = corpus(tmp_path, DFAT)
    out = tmp_path / "out"
    build([folder], out_dir=out, view=False, queries_dir=None, jobs=1)
    graphs = store_graphs(out / "store")
    changed = next(folder / p.name for p in DFAT[1:] if "Canberra" in p.read_text(encoding="utf-8"))
    changed.write_text(changed.read_text(encoding="utf-8").replace("Canberra", "Kanberra"), encoding="utf-8")
    (folder / DFAT[0].name).unlink()  # and a record gone from the input leaves the store too
    report = build([folder], out_dir=out, view=False, queries_dir=None, jobs=1)
    assert report.reused == len(DFAT) - 2
    after = store_graphs(out / "store")
    assert len(after) == len(graphs) - 1
    store = ox.Store.read_only(str(out / "store"))
    kanberra = list(store.query('SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), "Kanberra")) } }'))
    assert kanberra, "the changed record's new text is in the store"
    graph = kanberra[0]["g"]
    query = f"SELECT ?t WHERE {{ GRAPH {graph} {{ ?r <https://schema.org/text> ?t }} }}"
    texts = [str(s["t"].value) for s in store.query(query)]
    assert len(texts) == 1 and "Canberra" not in texts[0], "the changed record's old graph is gone"
    from_file = ox.Store()  # the file and the store agree (a store keeps xsd:nonNegativeInteger as xsd:integer)
    from_file.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    assert set(from_file) == set(store)


def test_a_new_program_fingerprint_rebuilds_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = corpus(tmp_path, DFAT[:2])
    out = tmp_path / "out"
    build([folder], out_dir=out, view=False, queries_dir=None, jobs=1)
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "another program")
    monkeypatch.setattr("graph.pipeline.fingerprint", lambda: "another program")
    report = build([folder], out_dir=out, view=False, queries_dir=None, jobs=1)
    assert report.reused == 0
    assert len(list((out / ".cache").glob("??/*.nq"))) == 2, "entries of the old program are pruned"


def test_bad_files_are_one_line_each_and_the_rest_is_built(tmp_path: Path) -> None:
    bad = sorted((ROOT / "tests" / "data" / "bad").glob("*"))
    folder = corpus(tmp_path, [*bad, DFAT[0]])
    serial = build([folder], out_dir=tmp_path / "a", view=False, queries_dir=None, jobs=1)
    workers = build([folder], out_dir=tmp_path / "b", view=False, queries_dir=None, jobs=2)
    _, reference = build_dataset([folder])
    assert serial.errors == workers.errors == reference.errors
    assert serial.records == workers.records == reference.records >= 1
    assert serial.duplicates == reference.duplicates
    assert all("\n" not in line and line.startswith(str(folder)) for line in serial.errors)
    cached = build([folder], out_dir=tmp_path / "a", view=False, queries_dir=None, jobs=1)
    assert cached.errors == serial.errors, "errors of unchanged files come back from the cache"


def test_an_internal_error_is_reported_and_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = corpus(tmp_path, DFAT[:2])

    def broken(doc: object) -> object:
        raise IndexError("list index out of range")

    monkeypatch.setattr("graph.pipeline.process", broken)
    result = process_file(folder / DFAT[0].name)
    assert not result.cacheable and result.errors[0][0] == "AG900"
    report = build([folder], out_dir=tmp_path / "out", view=False, queries_dir=None, jobs=1)
    assert len(report.errors) == 2 and "internal error IndexError" in report.errors[0]
    assert all(Cache(tmp_path / "out" / ".cache").get(e.stem) is None
               for e in (tmp_path / "out" / ".cache").glob("??/*.nq"))


def test_cli_build_logs_progress_lines_off_a_terminal_and_exits_1_on_errors(tmp_path: Path) -> None:
    folder = corpus(tmp_path, [DFAT[0], ROOT / "tests" / "data" / "bad" / "empty.txt"])
    run = subprocess.run([sys.executable, "-m", "graph", "build", str(folder), "--out", str(tmp_path / "out"),
                          "--no-view", "--no-queries", "--format", "nq", "--jobs", "2", "--progress"],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 1
    assert "extract: 2/2 files (100%)" in run.stderr
    assert "empty.txt: [AG" in run.stderr
    assert "1 record(s) built; 1 failed" in run.stdout
    assert (tmp_path / "out" / "store").is_dir() and (tmp_path / "out" / "graph.nq").is_file()
    usage = subprocess.run([sys.executable, "-m", "graph", "build", str(folder), "--jobs", "0"],
                           capture_output=True, text=True, cwd=ROOT, check=False)
    assert usage.returncode == 2


def test_the_store_answers_the_saved_queries_like_the_trig_file(small: tuple[Path, Path]) -> None:
    from graph.query import run_saved_queries

    _, out = small
    assert run_saved_queries(ROOT / "queries", source=out / "store") == \
        run_saved_queries(ROOT / "queries", source=out / "graph.trig")


def test_a_folder_that_is_not_a_store_is_never_deleted(tmp_path: Path) -> None:
    from graph.errors import UsageError

    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError):
        build([DFAT[0]], out_dir=tmp_path / "out", store=precious, view=False, queries_dir=None, jobs=1)
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_second_build_into_the_same_folder_stops_at_once_with_one_line(tmp_path: Path) -> None:
    from graph.io import exclusive

    folder = corpus(tmp_path, DFAT[:1])
    out = tmp_path / "out"
    with exclusive(out):  # as a build running in this process would hold it
        run = subprocess.run([sys.executable, "-m", "graph", "build", str(folder), "--out", str(out), "--no-view"],
                             capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0 and "[AG401]" in run.stderr and str(out) in run.stderr
    assert not (out / "graph.trig").exists() and not (out / "store").exists()


def test_a_store_another_process_writes_is_left_alone(tmp_path: Path) -> None:
    folder = corpus(tmp_path, DFAT[:1])
    shared = tmp_path / "shared-store"
    held = ox.Store(str(shared))  # another writer holds the store's lock
    held.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal("kept"), ox.NamedNode("http://e/g")))
    held.flush()
    run = subprocess.run([sys.executable, "-m", "graph", "build", str(folder), "--out", str(tmp_path / "out"),
                          "--store", str(shared), "--no-view", "--no-queries"],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 2 and "[AG401]" in run.stderr and "Traceback" not in run.stderr
    assert [q.object.value for q in held] == ["kept"]
    assert not (tmp_path / "out" / "graph.trig").exists(), "nothing is written when the store is busy"


def test_an_unchanged_build_keeps_its_files_and_rewrites_a_tampered_one(tmp_path: Path) -> None:
    folder = corpus(tmp_path, DFAT[:2])
    out = tmp_path / "out"
    build([folder], out_dir=out, view=False, queries_dir=None, formats=("nq",), jobs=1)
    trig, nq = out / "graph.trig", out / "graph.nq"
    good = trig.read_bytes()
    stamps = {p: p.stat().st_mtime_ns for p in (trig, nq)}
    again = build([folder], out_dir=out, view=False, queries_dir=None, formats=("nq",), jobs=1)
    assert {p: p.stat().st_mtime_ns for p in (trig, nq)} == stamps, "nothing changed: the files are not rewritten"
    assert trig in again.outputs and nq in again.outputs
    trig.write_bytes(b"# edited by hand\n")
    nq.unlink()
    build([folder], out_dir=out, view=False, queries_dir=None, formats=("nq",), jobs=1)
    assert trig.read_bytes() == good and nq.is_file()
    (folder / DFAT[0].name).unlink()
    build([folder], out_dir=out, view=False, queries_dir=None, formats=("nq",), jobs=1)
    assert trig.read_bytes() != good, "a record gone from the input is gone from graph.trig"
