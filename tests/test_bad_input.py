"""Issue 7, bad input: each bad file costs only itself, with a one-line error naming it and the
problem; the rest of the batch is built; exit 0 / 1 / 2; no half-written output.

The committed fixtures are in ``tests/data/bad/`` (see its README); the cases that must not be
committed (binary, encoded, 50 MB, unreadable, FIFO, symlink loop) are made here under tmp_path.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal

import graph.read.detect as detect
from graph.errors import ReadError, UsageError
from graph.model.iri import AG, SDO
from graph.pipeline import build, build_dataset

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "data" / "bad"
ROOTLESS = hasattr(os, "geteuid") and os.geteuid() != 0  # root reads files whatever their mode

MEMCON_EN = ("MEMORANDUM OF CONVERSATION\n\nDate: May 5, 1966\nPlace: Washington\n"
             "Participants: Secretary Dean Rusk; Ambassador Anatoly F. Dobrynin\n\n"
             "Rusk: The United States asks the Soviet Union to use its influence in Hanoi.\n"
             "Dobrynin: My government proposes that talks be held in Warsaw.\n")
TEXTS = {  # generated, encoded files -> the text each must decode to
    "memcon-utf16.txt": ("utf-16", MEMCON_EN),
    "memcon-utf16le-nobom.txt": ("utf-16-le", MEMCON_EN.replace("May 5", "May 6")),
    "ru-cp1251.txt": ("cp1251", "Запись беседы\n\nКосыгин: Советское правительство предлагает провести "
                                "встречу в Ташкенте.\nЛе Зуан: Мы рассмотрим это предложение.\n"),
    "fr-latin1.txt": ("latin-1", "Aide-mémoire\n\nM. Couve de Murville a déclaré que la France était "
                                 "prête à négocier à Genève, à Paris ou à Varsovie.\n"),
}
ERRORS = {  # file -> (error code, the problem the one-line message must name)
    "empty.txt": ("AG100", "empty file"),
    "tei-truncated.xml": ("AG103", "malformed TEI XML: Premature end of data"),
    "tei-malformed.xml": ("AG103", "malformed TEI XML: Opening and ending tag mismatch"),
    "scan.txt": ("AG102", "binary file, not text (PDF, image, archive or executable)"),
    "noise.txt": ("AG102", "binary file, not text"),
    "utf16-broken.txt": ("AG102", "bad utf-16 text after byte-order mark"),
    "big.txt": ("AG100", "file too large: 50.0 MB, over the 32 MB limit (set ARCHIVE_GRAPH_MAX_FILE_MB"),
    "fifo.txt": ("AG100", "not a regular file"),
    "loop/again": ("AG100", "folder already visited (symlink loop), skipped"),
}
if ROOTLESS:
    ERRORS["unreadable.txt"] = ("AG100", "cannot read file: Permission denied")
BUILT = ["memcon.txt", "page.html", "no-turns.txt", "record-ru.txt", *TEXTS]


def make_corpus(folder: Path) -> Path:
    """tests/data/bad plus the generated cases, in ``folder``."""
    shutil.copytree(BAD, folder, ignore=shutil.ignore_patterns("README.md"))
    for name, (codec, text) in TEXTS.items():
        (folder / name).write_bytes(text.encode(codec))
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "noise.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "utf16-broken.txt").write_bytes(b"\xff\xfe" + "Rusk: talks".encode("utf-16-le") + b"\x00\xd8")
    with (folder / "big.txt").open("w", encoding="utf-8") as handle:  # 50 MB of real text
        line = "Kosygin: The delegation discussed the harvest and the talks in Geneva at length.\n"
        handle.write(line * (50_000_000 // len(line) + 1))
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(MEMCON_EN.replace("Warsaw", "Rangoon"), encoding="utf-8")
    unreadable.chmod(0)
    os.mkfifo(folder / "fifo.txt")
    (folder / "loop").mkdir()
    (folder / "loop" / "again").symlink_to("..", target_is_directory=True)
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("bad") / "corpus")


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=180, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def cli_build(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Dataset]:
    out = tmp_path_factory.mktemp("out")
    done = run_cli("build", str(corpus), "--out", str(out), "--no-view", "--no-queries")
    ds = Dataset(default_union=True)
    ds.parse(out / "graph.trig", format="trig")
    return done, ds


def texts_of(ds: Dataset) -> set[str]:
    return {str(t) for r in ds.subjects(RDF.type, SDO.ArchiveComponent) for t in ds.objects(r, SDO.text)}


def record_with(ds: Dataset, fragment: str):
    (record,) = [r for r in ds.subjects(RDF.type, SDO.ArchiveComponent)
                 if fragment in str(ds.value(r, SDO.text))]
    return record


def test_the_batch_exits_1_and_says_what_was_built(cli_build) -> None:
    done, _ = cli_build
    assert done.returncode == 1, done.stderr
    assert re.search(rf"^{len(BUILT) + (not ROOTLESS)} record\(s\) built; {len(ERRORS)} failed; "
                     r"1 duplicate\(s\) skipped; wrote ", done.stdout, re.M), done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_each_bad_file_gives_one_line_naming_it_and_the_problem(cli_build, corpus: Path, name: str) -> None:
    done, _ = cli_build
    code, problem = ERRORS[name]
    lines = [line for line in done.stderr.splitlines() if line.startswith(f"{corpus / name}: ")]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"{corpus / name}: [{code}] {problem}"), lines[0]


def test_every_stderr_line_is_one_error(cli_build, corpus: Path) -> None:
    done, _ = cli_build
    lines = done.stderr.splitlines()
    assert len(lines) == len(ERRORS)
    assert all(re.match(rf"{re.escape(str(corpus))}/\S+: \[AG\d{{3}}\] \S", line) for line in lines)


def test_the_rest_of_the_batch_is_built(cli_build, corpus: Path) -> None:
    _, ds = cli_build
    texts = texts_of(ds)
    for name, (_, text) in TEXTS.items():  # decoded exactly (line ends kept, no mojibake)
        assert text in texts, name
    assert (corpus / "memcon.txt").read_text(encoding="utf-8") in texts  # once: the copy is a duplicate
    assert (corpus / "record-ru.txt").read_text(encoding="utf-8") in texts
    assert len(texts) == len(BUILT) + (not ROOTLESS)


def test_html_page_is_read_as_its_visible_text(cli_build) -> None:
    _, ds = cli_build
    text = str(ds.value(record_with(ds, "Rusk: The United States would welcome talks in Geneva."), SDO.text))
    assert "<" not in text and "margin" not in text and "document.title" not in text


def test_record_without_turns_has_none(cli_build) -> None:
    _, ds = cli_build
    record = record_with(ds, "The weather in the capital was mild")
    assert not [t for t in ds.subjects(SDO.isPartOf, record) if (t, RDF.type, AG.Utterance) in ds]
    assert [t for t in ds.subjects(RDF.type, AG.Utterance)]  # other records have turns


def test_non_english_records_are_built_with_their_language(cli_build) -> None:
    _, ds = cli_build
    assert ds.value(record_with(ds, "Громыко: Советское"), SDO.inLanguage) == Literal("ru")
    assert ds.value(record_with(ds, "Косыгин: Советское"), SDO.inLanguage) == Literal("ru")


def test_python_api_reports_the_same_errors(corpus: Path) -> None:
    ds, report = build_dataset([corpus])
    failed = sorted(line.split(": [", 1)[0] for line in report.errors)
    assert failed == sorted(str(corpus / name) for name in ERRORS)
    # files are read in sorted order, so the first name ("memcon-copy.txt" < "memcon.txt") is kept
    assert report.duplicates == [f"{corpus / 'memcon.txt'}: same record as {corpus / 'memcon-copy.txt'}, skipped"]
    assert report.records == len(BUILT) + (not ROOTLESS)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A permission error names the file (root ignores modes, so the error is simulated there)."""
    path = tmp_path / "secret.txt"
    path.write_text(MEMCON_EN, encoding="utf-8")
    path.chmod(0)
    if not ROOTLESS:
        def denied(file, *args, **kwargs):
            if Path(file) == path:
                raise PermissionError(13, "Permission denied", str(file))
            return open(file, *args, **kwargs)

        monkeypatch.setattr(detect, "open", denied, raising=False)
    ds, report = build_dataset([tmp_path, BAD / "memcon.txt"])
    assert report.errors == [f"{path}: [AG100] cannot read file: Permission denied"]
    assert report.records == 1


def test_limits_are_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "memcon.txt"
    path.write_text(MEMCON_EN, encoding="utf-8")
    monkeypatch.setenv("ARCHIVE_GRAPH_MAX_RECORD_CHARS", "100")
    with pytest.raises(ReadError, match=r"record too large: 2\d\d characters, over the 100-character limit"):
        detect.read_file(path)
    assert detect.read_file(path, max_chars=0)[0].text == MEMCON_EN  # 0: no limit
    monkeypatch.setenv("ARCHIVE_GRAPH_MAX_FILE_MB", "0.0001")
    monkeypatch.delenv("ARCHIVE_GRAPH_MAX_RECORD_CHARS")
    with pytest.raises(ReadError, match=r"file too large: 0.0 MB, over the 0.0001 MB limit"):
        detect.read_file(path)
    monkeypatch.setenv("ARCHIVE_GRAPH_MAX_FILE_MB", "lots")
    with pytest.raises(UsageError, match="ARCHIVE_GRAPH_MAX_FILE_MB must be a number"):
        detect.read_file(path)


def test_exit_0_when_all_succeed_and_2_for_usage_errors(tmp_path: Path) -> None:
    ok = run_cli("build", str(BAD / "memcon.txt"), str(BAD / "record-ru.txt"), "--out", str(tmp_path),
                 "--no-view", "--no-queries")
    assert ok.returncode == 0 and ok.stderr == "" and ok.stdout.startswith("2 record(s) built; 0 failed")
    dup = run_cli("build", str(BAD / "memcon.txt"), str(BAD / "memcon-copy.txt"), "--out", str(tmp_path),
                  "--no-view", "--no-queries")
    assert dup.returncode == 0 and "1 duplicate(s) skipped" in dup.stdout  # a duplicate is not a failure
    usage = run_cli("build", str(BAD), "--format", "xml", "--out", str(tmp_path))
    assert usage.returncode == 2 and "invalid choice: 'xml'" in usage.stderr
    assert run_cli("frobnicate").returncode == 2


# ------------------------------------------------------------------ no partial output
def _old_output(out: Path) -> bytes:
    build([BAD / "memcon.txt"], out_dir=out, view=False, queries_dir=None)
    return (out / "graph.trig").read_bytes()


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp"))


def test_a_failed_rename_leaves_the_old_graph_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = _old_output(tmp_path)

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        build([BAD / "record-ru.txt"], out_dir=tmp_path, view=False, queries_dir=None)
    assert (tmp_path / "graph.trig").read_bytes() == old
    assert _leftovers(tmp_path) == []


def test_an_interrupted_write_leaves_the_old_graph_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = _old_output(tmp_path)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([BAD / "record-ru.txt"], out_dir=tmp_path, formats=("nq",), view=False, queries_dir=None)
    assert (tmp_path / "graph.trig").read_bytes() == old
    assert not (tmp_path / "graph.nq").exists() and _leftovers(tmp_path) == []


@pytest.mark.skipif(not ROOTLESS, reason="root writes into read-only folders")
def test_a_read_only_output_folder_leaves_the_old_graph_intact(tmp_path: Path) -> None:
    old = _old_output(tmp_path)
    tmp_path.chmod(0o555)
    try:
        done = run_cli("build", str(BAD / "record-ru.txt"), "--out", str(tmp_path), "--no-view", "--no-queries")
    finally:
        tmp_path.chmod(0o755)
    assert done.returncode != 0
    assert (tmp_path / "graph.trig").read_bytes() == old and _leftovers(tmp_path) == []


def test_an_unwritable_output_folder_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = run_cli("build", str(BAD / "memcon.txt"), "--out", str(blocker / "out"), "--no-view", "--no-queries")
    assert done.returncode in (1, 2) and "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1 and str(blocker / "out") in done.stderr


def test_a_build_where_every_input_fails_keeps_the_previous_graph(tmp_path: Path) -> None:
    first = run_cli("build", str(BAD / "memcon.txt"), "--out", str(tmp_path), "--no-view", "--no-queries")
    assert first.returncode == 0
    before = (tmp_path / "graph.trig").read_bytes()
    typo = run_cli("build", str(tmp_path / "no-such-folder"), "--out", str(tmp_path), "--no-view", "--no-queries")
    assert typo.returncode != 0 and "nothing written" in typo.stdout
    assert (tmp_path / "graph.trig").read_bytes() == before
