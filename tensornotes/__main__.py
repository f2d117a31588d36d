"""Command line: ``python -m tensornotes {run,generate,env,stamp,offline} ...``."""

from __future__ import annotations

import argparse
import runpy
import shlex
import sys
from pathlib import Path

from tensornotes import hub


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tensornotes", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run one snippet offline, as a plain script")
    run.add_argument("snippet")
    generate = commands.add_parser(
        "generate",
        help="remake every generated file: shown outputs, charts, notebooks, playground data",
    )
    generate.add_argument("paths", nargs="*", help="only these snippets or folders (default: all)")
    generate.add_argument("--check", action="store_true", help="compare only, write nothing")
    commands.add_parser("env", help="seed the cache and print the shell variables that use it")
    stamp = commands.add_parser("stamp", help="record that zh pages match their English pages")
    stamp.add_argument("pages", nargs="+", help="docs/**/*.zh.md files")
    offline = commands.add_parser("offline", help="build the offline copy of the site, a zip")
    offline.add_argument("zip", nargs="?", default="site/downloads/text-to-tensors.zip")
    args = parser.parse_args(argv)

    if args.command == "env":
        home = hub.seed()
        print(f"export HF_HOME={shlex.quote(str(home))} HF_HUB_OFFLINE=1")
        return 0
    if args.command == "stamp":
        from tensornotes.translations import stamp as stamp_page

        for page in args.pages:
            print(f"stamped {stamp_page(Path(page))}")
        return 0
    if args.command == "offline":
        from tensornotes.offline import build

        print(f"wrote {build(args.zip)}")
        return 0
    hub.activate()
    if args.command == "run":
        sys.argv = [args.snippet]
        sys.path.insert(0, str(Path(args.snippet).resolve().parent))  # as `python x.py` does
        runpy.run_path(args.snippet, run_name="__main__")
        return 0
    from tensornotes import generated

    if args.check:
        generated.check(args.paths)
        print("every generated file is fresh")
        return 0
    for path in generated.regenerate(args.paths):
        print(f"wrote {path}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
