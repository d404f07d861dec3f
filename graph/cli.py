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
        epilog="example:\n  archive-graph build seeds/ --out out/\n  archive-graph build corpus/ --format nq",
    )
    cmd.add_argument("paths", nargs="*", default=["seeds"], help="files or folders (default: seeds/)")
    cmd.add_argument("--out", default="out", help="output folder (default: out/)")
    cmd.add_argument("--format", action="append", choices=["trig", "ttl", "nq", "jsonld"],
                     help="extra graph formats besides TriG (repeatable)")
    cmd.add_argument("--no-view", action="store_true", help="skip the HTML network view")
    cmd.add_argument("--no-queries", action="store_true", help="skip running the saved queries")
    cmd.add_argument("--queries", default="queries", help="folder of saved .rq queries (default: queries/)")
    cmd.set_defaults(run=_run_build)


def _run_build(args: argparse.Namespace) -> int:
    from graph.pipeline import build

    report = build(
        args.paths,
        out_dir=args.out,
        formats=tuple(args.format or ()),
        view=not args.no_view,
        queries_dir=None if args.no_queries else args.queries,
    )
    for line in report.errors:
        print(line, file=sys.stderr)
    print(report.summary())
    return 1 if report.errors else 0


COMMANDS = [add_build_command]


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


if __name__ == "__main__":
    sys.exit(main())
