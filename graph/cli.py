"""The command line: a thin layer over the Python API (``graph.pipeline``, ``graph.query`` ...).

Each command is added by one ``add_<name>_command(subparsers)`` function; every command's help
ends with an example. Exit status: 0 all well, 1 some records failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from graph.errors import ArchiveGraphError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archive-graph",
        description="Knowledge graphs, with evidence, from archival records.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for add in COMMANDS:
        add(subparsers)
    return parser


def add_build_command(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "build",
        help="read records and write the graph, the saved queries' answers and the network view",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  archive-graph build seeds/ --out out/\n"
               "  archive-graph build ../shared/corpus --out corpus/ --no-view --format nq\n"
               "  archive-graph query queries/speakers.rq --store corpus/store\n\n"
               "Records are processed on every core and cached by content in OUT/.cache/: a rebuild\n"
               "extracts only new or changed records and replaces only their named graphs in the store.",
    )
    cmd.add_argument("paths", nargs="*", default=["seeds"], help="files or folders (default: seeds/)")
    cmd.add_argument("--out", default="out", help="output folder (default: out/)")
    cmd.add_argument("--format", action="append", choices=["trig", "ttl", "nq", "jsonld"],
                     help="extra graph formats besides TriG (repeatable)")
    cmd.add_argument("--store", help="the embedded SPARQL store's folder (default: OUT/store/)")
    cmd.add_argument("--no-store", action="store_true", help="do not write the store")
    cmd.add_argument("--no-trig", action="store_true", help="do not write OUT/graph.trig")
    cmd.add_argument("--jobs", "-j", type=int, help="worker processes (default: one per core)")
    cmd.add_argument("--no-view", action="store_true", help="skip the HTML network view")
    cmd.add_argument("--no-queries", action="store_true", help="skip running the saved queries")
    cmd.add_argument("--queries", default="queries", help="folder of saved .rq queries (default: queries/)")
    shown = cmd.add_mutually_exclusive_group()
    shown.add_argument("--progress", action="store_true", default=None,
                       help="always show progress (default: from 100 files to extract: a bar on a terminal, "
                            "log lines on stderr otherwise)")
    shown.add_argument("--quiet", "-q", action="store_true", help="no progress bar or progress lines")
    cmd.set_defaults(run=_run_build)


def _run_build(args: argparse.Namespace) -> int:
    from graph.errors import UsageError
    from graph.pipeline import build

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    formats = tuple(args.format or ())
    report = build(
        args.paths,
        out_dir=args.out,
        formats=formats,
        view=not args.no_view,
        queries_dir=None if args.no_queries else args.queries,
        store=False if args.no_store else (args.store or True),
        trig="trig" in formats or not args.no_trig,
        jobs=args.jobs,
        progress=False if args.quiet else args.progress,
    )
    for line in report.errors:
        print(line, file=sys.stderr)
    print(report.summary())
    return 1 if report.errors else 0


def add_push_command(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "push",
        help="send every record's named graph to a SPARQL server (Graph Store Protocol PUT: replaces it)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  archive-graph push --endpoint http://127.0.0.1:7878/store\n"
               "  archive-graph push --store corpus/store --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth "
               "--user dba --password dba\n"
               "  archive-graph push --protocol update --endpoint http://127.0.0.1:7878/update  # batched\n"
               "  archive-graph push --endpoint http://127.0.0.1:7878/store --prune http://127.0.0.1:7878/query",
    )
    where = cmd.add_mutually_exclusive_group()
    where.add_argument("--graph", help="an RDF file with named graphs: TriG, N-Quads (default: out/graph.trig)")
    where.add_argument("--store", help="a store folder (note: a store keeps xsd:nonNegativeInteger as xsd:integer)")
    cmd.add_argument("--endpoint", required=True,
                     help="the Graph Store URL (gsp) or the SPARQL Update URL (update)")
    cmd.add_argument("--user", help="user name (HTTP digest or basic authentication)")
    cmd.add_argument("--password", help="password (default: $ARCHIVE_GRAPH_PASSWORD)")
    cmd.add_argument("--protocol", choices=["gsp", "update"], default="gsp",
                     help="gsp: one PUT per record graph (default); update: SPARQL Update, many graphs a request")
    cmd.add_argument("--batch-mb", type=float, default=4.0, help="megabytes per update request (default: 4)")
    cmd.add_argument("--prune", metavar="QUERY_URL",
                     help="after the push, delete the server's record graphs the source no longer has, found by "
                          "asking this query endpoint (Oxigraph /query, Virtuoso /sparql); other graphs are kept")
    cmd.set_defaults(run=_run_push)


def _run_push(args: argparse.Namespace) -> int:
    import os

    from graph.push import push

    source = args.store or args.graph or "out/graph.trig"
    password = args.password if args.password is not None else os.environ.get("ARCHIVE_GRAPH_PASSWORD")
    report = push(source, args.endpoint, user=args.user, password=password, protocol=args.protocol,
                  batch_bytes=int(args.batch_mb * 1024 * 1024), prune=args.prune)
    print(report.summary(args.endpoint))
    return 0


def add_query_command(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "query",
        help="run a SPARQL query (a saved .rq file or inline text) on a graph file, store or endpoint",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  archive-graph query queries/venues.rq\n"
               "  archive-graph query queries/speakers.rq --store store/ --format csv\n"
               "  archive-graph query 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --endpoint http://127.0.0.1:7878/sparql",
    )
    cmd.add_argument("sparql", help="a .rq file, or the query text itself")
    where = cmd.add_mutually_exclusive_group()
    where.add_argument("--graph", default="out/graph.trig",
                       help="RDF file: TriG, Turtle, N-Quads, JSON-LD (default: out/graph.trig)")
    where.add_argument("--store", help="a store folder (see archive-graph serve)")
    where.add_argument("--endpoint", help="an http(s) SPARQL endpoint URL")
    cmd.add_argument("--format", choices=["table", "csv", "json"], default="table",
                     help="how to print the answer (default: table)")
    cmd.set_defaults(run=_run_query)


def _run_query(args: argparse.Namespace) -> int:
    from pathlib import Path

    from graph.query import FORMATTERS, run_query

    text = args.sparql
    if text.endswith(".rq") or ("{" not in text and Path(text).is_file()):
        text = Path(text).read_text(encoding="utf-8")
    table = run_query(text, source=args.endpoint or args.store or args.graph)
    print(FORMATTERS[args.format](table), end="" if args.format == "csv" else "\n")
    return 0


def add_serve_command(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "serve",
        help="serve a graph as a read-only SPARQL endpoint (for YASGUI, curl, other tools)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  archive-graph serve --graph out/graph.trig --port 7878\n"
               "  curl 'http://127.0.0.1:7878/sparql' --data-urlencode query@queries/venues.rq",
    )
    where = cmd.add_mutually_exclusive_group()
    where.add_argument("--store", help="a store folder, opened read-only")
    where.add_argument("--graph", default="out/graph.trig",
                       help="RDF file loaded into memory (default: out/graph.trig)")
    cmd.add_argument("--host", default="127.0.0.1",
                     help="address to bind (default: 127.0.0.1, this machine only)")
    cmd.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    cmd.add_argument("--timeout", type=float, default=10, help="seconds a query may run (default: 10)")
    cmd.add_argument("--max-rows", type=int, default=10_000, help="rows an answer may hold (default: 10000)")
    cmd.set_defaults(run=_run_serve)


def _run_serve(args: argparse.Namespace) -> int:
    from graph.serve import serve

    serve(args.store or args.graph, host=args.host, port=args.port, timeout_s=args.timeout,
          max_rows=args.max_rows)
    return 0


def _graph_file_argument(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("graph", nargs="?", default="out/graph.trig",
                     help="RDF file: TriG, Turtle, N-Quads, JSON-LD (default: out/graph.trig)")


def add_view_command(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "view",
        help="write the offline HTML network view of a graph file, from one record to a whole corpus",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  archive-graph view out/graph.trig --out out/network.html\n"
               "  archive-graph view corpus.nq --out corpus.html --title 'Corpus 1966-1968'",
    )
    _graph_file_argument(cmd)
    cmd.add_argument("--out", default="out/network.html", help="HTML file (default: out/network.html)")
    cmd.add_argument("--title", default="archive-graph: network view", help="the page's title")
    cmd.set_defaults(run=_run_view)


def _run_view(args: argparse.Namespace) -> int:
    import rdflib

    from graph.errors import ReadError
    from graph.view import write_view

    fmt = rdflib.util.guess_format(args.graph) or ("json-ld" if args.graph.endswith(".jsonld") else None)
    if fmt is None:
        raise ReadError("unknown RDF file type", path=args.graph)
    dataset = rdflib.Dataset()
    try:
        dataset.parse(args.graph, format=fmt)
    except FileNotFoundError:
        raise
    except Exception as err:  # rdflib's parsers raise many unrelated types
        detail = " ".join(str(err).split())[:200] or type(err).__name__
        raise ReadError(f"not valid {fmt}: {detail}", path=args.graph) from err
    print(write_view(dataset, args.out, title=args.title))
    return 0


def add_merge_command(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "merge",
        help="merge RDF graphs (ours and other archives'), aligning entities that share authority ids",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  archive-graph merge out/graph.trig their.ttl people.rdf -o merged.trig "
               "--report merge-report.json\n"
               "  archive-graph merge a.trig b.jsonld -o merged.trig --accept accepted.json",
    )
    cmd.add_argument("sources", nargs="+", help="RDF files in any syntax rdflib reads")
    cmd.add_argument("-o", "--out", default="merged.trig", help="merged graph (default: merged.trig)")
    cmd.add_argument("--report", help="write the merge report (JSON) here")
    cmd.add_argument("--accept", help="JSON list of name-only proposals (as the report lists them) to apply")
    cmd.add_argument("--min-score", type=float, help="apply name-only proposals scoring at least this")
    cmd.set_defaults(run=_run_merge)


def _run_merge(args: argparse.Namespace) -> int:
    from graph.merge import merge, write_merge

    result = merge(args.sources, accept=args.accept, min_score=args.min_score)
    write_merge(result, args.out, args.report)
    rep = result.report
    print(f"{len(rep['inputs'])} input(s); {len(rep['aligned'])} alignment(s); {len(rep['proposed'])} "
          f"name-only proposal(s), {rep['left_apart']} left apart; {rep['output_triples']} quads; wrote {args.out}")
    return 0


def add_export_command(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "export",
        help="export a graph as JSON-LD (published @context) or as GEXF/GraphML for Gephi",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  archive-graph export merged.trig --format gexf -o merged.gexf",
    )
    cmd.add_argument("graph", help="an RDF file in any syntax rdflib reads")
    cmd.add_argument("--format", required=True, choices=["jsonld", "gexf", "graphml"], help="output format")
    cmd.add_argument("-o", "--out", required=True, help="output file")
    cmd.set_defaults(run=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    from graph.export import export

    print(f"wrote {export(args.graph, args.format, args.out)}")
    return 0


def add_validate_command(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "validate",
        help="check a graph against CONTRACT.md (SHACL shapes, and every quote against its record's text)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  archive-graph validate out/graph.trig\n"
               "  archive-graph validate corpus.nq --format json > report.json",
    )
    _graph_file_argument(cmd)
    cmd.add_argument("--format", choices=["table", "json"], default="table",
                     help="how to print the report (default: table)")
    cmd.add_argument("--shapes", help="a SHACL shapes file (default: the contract's, graph/model/shapes.ttl)")
    cmd.set_defaults(run=_run_validate)


def _run_validate(args: argparse.Namespace) -> int:
    """Print the report; exit 1 when the graph breaks the contract."""
    from graph.validate import validate

    report = validate(args.graph, shapes=args.shapes)
    print(report.to_json() if args.format == "json" else report.to_table())
    return 0 if report.conforms else 1


COMMANDS = [add_build_command, add_push_command, add_query_command, add_serve_command, add_view_command,
            add_merge_command, add_export_command, add_validate_command]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except ArchiveGraphError as err:
        print(f"archive-graph: {err}", file=sys.stderr)
        return 2 if err.code.startswith("AG4") else 1
    except FileNotFoundError as err:
        print(f"archive-graph: {err.filename}: no such file or folder", file=sys.stderr)
        return 2
    except OSError as err:  # an output that cannot be written: one line, not a traceback
        print(f"archive-graph: {err.filename or ''}: {err.strerror or err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
