"""Command line: ``python -m tensornotes {run,check,refresh,env,stamp,notebooks} ...``."""

from __future__ import annotations

import argparse
import runpy
import shlex
import sys
from pathlib import Path

from tensornotes import hub


def _snippet_paths(paths: list[str]) -> list[Path]:
    from tensornotes import project

    if not paths:
        return sorted((project.root() / "snippets").rglob("*.py"))
    found = []
    for name in paths:
        path = Path(name)
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tensornotes", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run one snippet offline, as a plain script")
    run.add_argument("snippet")
    check = commands.add_parser("check", help="compare shown output with fresh runs")
    check.add_argument("paths", nargs="*", help="snippet files or folders (default: all)")
    refresh = commands.add_parser("refresh", help="rewrite shown output from fresh runs")
    refresh.add_argument("paths", nargs="*", help="snippet files or folders (default: all)")
    commands.add_parser("env", help="seed the cache and print the shell variables that use it")
    stamp = commands.add_parser("stamp", help="record that zh pages match their English pages")
    stamp.add_argument("pages", nargs="+", help="docs/**/*.zh.md files")
    commands.add_parser(
        "notebooks", help="regenerate every part's notebooks from the pages and snippets"
    )
    offline = commands.add_parser("offline", help="build the offline copy of the site, a zip")
    offline.add_argument("zip", nargs="?", default="site/downloads/text-to-tensors.zip")
    args = parser.parse_args(argv)

    if args.command == "env":
        home = hub.seed()
        print(f"export HF_HOME={shlex.quote(str(home))} HF_HUB_OFFLINE=1")
        return 0
    if args.command == "notebooks":
        from tensornotes.notebooks import generate

        for path in generate():
            print(f"generated {path}")
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
    from tensornotes import runner

    for path in _snippet_paths(args.paths):
        if args.command == "check":
            runner.check(path)
            print(f"ok {path}")
        else:
            for changed in runner.refresh(path):
                print(f"refreshed {changed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
