"""Check the notes against another transformers release, or online against the real hub.

    python scripts/drift.py [--transformers VERSION] [--output drift-report.md]
    python scripts/drift.py --online [--output online-report.md]

(``scripts/drift.py`` calls [`main`][tensornotes.drift.main].)

The first form installs a transformers release (default: the newest the package
index offers) into a scratch virtual environment, ``.drift/transformers-VERSION/``,
with torch and every other dependency at the project's pins. There it runs every
snippet offline, as the tests do, and resolves every source symbol the pages
write. It writes a Markdown report of what differs from the pinned release:
shown outputs (a diff per page), generated files such as charts, claims
(``assert``) that broke, and source symbols that moved, changed or vanished;
and it lists the MkDocs stack's pins beside their newest releases.

The second form runs every snippet with the installed (pinned) releases against
the real hub: ``HF_HUB_OFFLINE`` unset, models downloaded into the reader's own
cache. It proves that the code the pages show runs unchanged there.

Both go on past every difference; the exit status is 0 whenever the report is
written, whatever it says. Its first lines sum it up; under GitHub Actions the
summary is also written to ``$GITHUB_OUTPUT`` (``changed``, ``summary``).
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
from collections import defaultdict
from pathlib import Path

from tensornotes import project
from tensornotes.languages import default, pages_in

ROOT = project.root()

# pins that may give way, with a note in the report, when a release requires other versions
_COMPANIONS = ("tokenizers", "huggingface-hub")
_REPORTED = ("transformers", "tokenizers", "huggingface-hub", "torch")
STACK = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "mkdocs-jupyter")
"""The packages that build the site, reported against their newest releases."""


def _relative(path: Path | str) -> str:
    path = Path(path)
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


# ---- collecting, in the interpreter whose packages are checked ----


def _error(snippet, error: BaseException) -> dict:
    """Where a snippet's run stopped: exception, message, and the snippet line it came from."""
    filename = str(snippet.path.resolve())
    line = None
    for frame, number in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == filename:
            line = number
    cause = error.__cause__ if error.__cause__ is not None else error
    return {
        "type": type(cause).__name__,
        "message": str(cause).strip()[:800],
        "line": line,
        "code": snippet.lines[line - 1].strip() if line else "",
    }


def collect_snippets() -> list[dict]:
    """Run every snippet; return, for each, its stale prints and files and where it broke."""
    from tensornotes import runner
    from tensornotes.snippet import Snippet

    found = []
    for path in sorted((ROOT / "snippets").rglob("*.py")):
        record = runner.Run(Snippet(path))
        error = None
        try:
            runner.run(path, record)
        except Exception as exc:
            error = _error(record.snippet, exc)
        stale = [
            {"line": call.first, "shown": shown, "fresh": fresh}
            for call, shown, fresh in runner.stale_prints(record)
            # a run that stopped early printed nothing after the stop: not a change
            if error is None or call.first in record.outputs
        ]
        files = [_relative(target) for target in runner.stale_files(record)]
        found.append({"path": _relative(path), "stale": stale, "files": files, "error": error})
        print(f"{'broke' if error else 'ran'} {_relative(path)}", file=sys.stderr, flush=True)
    return found


def page_symbols() -> dict[str, list[str]]:
    """Map every source symbol the English pages write to those pages."""
    from tensornotes.sources import SYMBOL

    pages = defaultdict(list)
    for page in pages_in(default()):
        for match in SYMBOL.finditer(page.read_text(encoding="utf-8")):
            if _relative(page) not in pages[match["symbol"]]:
                pages[match["symbol"]].append(_relative(page))
    return dict(pages)


def collect_symbols() -> dict[str, dict]:
    """Resolve every symbol against the installed packages: where it is, or why not."""
    from tensornotes.sources import SourceError, resolve

    resolved = {}
    for symbol in sorted(page_symbols()):
        try:
            source = resolve(symbol)
        except SourceError as error:
            resolved[symbol] = {"error": str(error)}
            continue
        resolved[symbol] = {
            "path": source.path,
            "start": source.start,
            "end": source.end,
            "lines": list(source.lines),
        }
    return resolved


def installed_versions() -> dict[str, str]:
    from tensornotes.versions import installed_version

    return {name: installed_version(name) for name in _REPORTED}


def collect(online: bool) -> dict:
    """Everything a report compares, from this interpreter's packages."""
    if online:
        os.environ.pop("HF_HUB_OFFLINE", None)
    else:
        from tensornotes import hub

        hub.activate()
    return {
        "versions": installed_versions(),
        "snippets": collect_snippets(),
        "symbols": {} if online else collect_symbols(),
    }


# ---- installing a release into a scratch environment ----


def newest_release(name: str = "transformers") -> str:
    """The newest release of ``name`` that the package index offers."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", name],
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(rf"^{re.escape(name)} \(([^)]+)\)", result.stdout, re.M | re.I)
    if not match:
        sys.exit(f"cannot read the newest {name} release from:\n{result.stdout}")
    return match.group(1)


def stack_rows(newest=newest_release) -> list[tuple[str, str, str]]:
    """(package, pinned version, newest release) for each package of the MkDocs stack."""
    return [(name, project.pin(name, ROOT), newest(name)) for name in STACK]


def project_pins(version: str, relax: tuple[str, ...] = ()) -> list[str]:
    """The project's dependencies, with transformers at ``version`` and ``relax`` unpinned."""
    pins = []
    for name, requirement in project.pins(ROOT).items():
        if name == "transformers":
            pins.append(f"transformers=={version}")
        elif name in relax:
            pins.append(requirement.name)
        else:
            pins.append(str(requirement))
    return pins


def scratch_env(version: str, folder: Path | None) -> tuple[Path, list[str]]:
    """Create (or reuse) a virtual environment with the release; return its python and
    the pins that had to give way."""
    folder = folder or ROOT / ".drift" / f"transformers-{version}"
    python = folder / "bin" / "python"
    done = folder / "requirements.txt"
    if not python.is_file():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(folder)], check=True)
    for relax in ((), _COMPANIONS):
        pins = project_pins(version, relax)
        wanted = "\n".join(pins) + "\n"
        if done.is_file() and done.read_text(encoding="utf-8") == wanted:
            return python, list(relax)
        print(f"installing transformers {version} into {_relative(folder)}", file=sys.stderr)
        result = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *pins],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode == 0:
            done.write_text(wanted, encoding="utf-8")
            return python, list(relax)
        print(result.stderr[-3000:], file=sys.stderr)
    sys.exit(f"transformers {version} does not install beside the project's pins")


def run_collect(python: Path | str, online: bool) -> dict:
    """Collect in another interpreter (its packages are the ones checked)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "collected.json"
        # -m from the project's root: the scratch environment runs this checkout's package
        command = [str(python), "-m", "tensornotes.drift", "--collect", str(out)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        if online:
            command.append("--online")
            env.pop("HF_HUB_OFFLINE", None)
        result = subprocess.run(command, cwd=ROOT, env=env, check=False)
        if result.returncode != 0 or not out.is_file():
            sys.exit(f"collecting with {python} failed (exit status {result.returncode})")
        return json.loads(out.read_text(encoding="utf-8"))


# ---- the report ----


def _embedded_by() -> dict[tuple[str, str], list[str]]:
    """Map (snippet, section) to the English pages that embed it."""
    from tensornotes.pages import Page

    pages = defaultdict(list)
    for path in pages_in(default()):
        for target in Page(path).embeds:
            snippet, _, section = target.partition(":")
            pages[(snippet, section)].append(_relative(path))
    return pages


def _pages_showing(name: str) -> list[str]:
    """The English pages whose text names a file (a chart they show)."""
    return sorted(
        _relative(path)
        for path in pages_in(default())
        if name in path.read_text(encoding="utf-8")
    )


def _title(page: str) -> str:
    from tensornotes.pages import Page

    headings = [h.text for h in Page(ROOT / page).headings if h.level == 1]
    return f"{headings[0]} (`{page}`)" if headings else f"`{page}`"


def _diff_block(shown: list[str], fresh: list[str], label: str) -> str:
    diff = difflib.unified_diff(shown, fresh, "shown", label, lineterm="")
    return "```diff\n" + "\n".join(diff) + "\n```"


def _symbol_changes(pinned: dict, other: dict, label: str) -> dict[str, list[str]]:
    """Symbols that vanished, moved (file or lines) or changed (their lines' text)."""
    changes = {"vanished": [], "moved": [], "changed": []}
    pages = page_symbols()
    for symbol, before in sorted(pinned.items()):
        after = other.get(symbol, {"error": "not resolved"})
        on = ", ".join(pages.get(symbol, []))
        if "error" in before:
            continue
        if "error" in after:
            changes["vanished"].append(f"- `{symbol}` (on {on}): {after['error']}")
            continue
        lines = f"L{before['start']}-L{before['end']} → L{after['start']}-L{after['end']}"
        if before["path"] != after["path"]:
            changes["moved"].append(f"- `{symbol}`: {before['path']} → {after['path']} {lines}")
        elif (before["start"], before["end"]) != (after["start"], after["end"]):
            changes["moved"].append(f"- `{symbol}`: {lines}")
        if before["lines"] != after["lines"]:
            diff = "\n".join(
                difflib.unified_diff(before["lines"], after["lines"], "pinned", label, lineterm="")
            )
            changes["changed"].append(
                f"<details><summary><code>{symbol}</code> (on {on})</summary>"
                f"\n\n```diff\n{diff}\n```\n\n</details>\n"
            )
    return changes


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"


def report(
    collected: dict, pinned: dict, label: str, title: str, relaxed=(), stack=()
) -> tuple[str, str, bool]:
    """Return the Markdown report, its one-line summary, and whether anything differs.

    ``stack`` holds (package, pinned, newest) rows of the MkDocs stack; a newer
    release is listed, not counted as a difference of the notes.
    """
    from tensornotes.snippet import Snippet

    embedded = _embedded_by()
    by_page: dict[str, list[str]] = defaultdict(list)
    unshown: list[str] = []
    files: list[str] = []
    broken: list[str] = []
    changed_prints = claims = 0
    for item in collected["snippets"]:
        snippet = Snippet(ROOT / item["path"])
        for stale in item["stale"]:
            changed_prints += 1
            sections = [s.name for s in snippet.sections if s.first <= stale["line"] <= s.last]
            pages = sorted({p for s in sections for p in embedded.get((item["path"], s), [])})
            where = f"`{item['path']}:{stale['line']}`" + (
                f", section `{sections[0]}`" if sections else ""
            )
            block = f"{where}\n\n{_diff_block(stale['shown'], stale['fresh'], label)}"
            for page in pages:
                by_page[page].append(block)
            if not pages:
                unshown.append(block)
        for target in item["files"]:
            pages = _pages_showing(Path(target).name)
            on = f", shown on {', '.join(pages)}" if pages else ""
            files.append(f"- `{target}` (generated by `{item['path']}`){on}")
        error = item["error"]
        if error:
            kind = "claim broke" if error["type"] == "AssertionError" else "run broke"
            at = f"`{item['path']}:{error['line']}`" if error["line"] else f"`{item['path']}`"
            code = f" `{error['code']}`" if error["code"] else ""
            message = f": {error['message']}" if error["message"] else ""
            broken.append(f"- {at}{code}: {kind}, {error['type']}{message}")
            if kind == "claim broke":
                claims += 1

    symbols = _symbol_changes(pinned, collected["symbols"], label) if pinned else None
    differs = bool(changed_prints or files or broken or any((symbols or {}).values()))
    summary = (
        f"{title}: {_count(changed_prints, 'shown output')} changed on "
        f"{_count(len(by_page), 'page')} ({len(unshown)} more in checks no page shows), "
        f"{_count(len(files), 'generated file')} changed, {_count(claims, 'claim')} broke, "
        f"{_count(len(broken) - claims, 'other run')} broke"
    )
    if symbols is not None:
        summary += (
            f"; of {len(pinned)} source symbols {len(symbols['moved'])} moved, "
            f"{len(symbols['changed'])} changed, {len(symbols['vanished'])} vanished"
        )
    versions = ", ".join(f"{name} {v}" for name, v in collected["versions"].items())
    lines = [f"# {title}", "", f"**{summary}.**", "", f"Ran with {versions}."]
    if relaxed:
        lines.append(
            f"The project's pins of {', '.join(relaxed)} gave way: this release requires "
            "other versions."
        )
    lines += ["", "## Shown outputs that changed", ""]
    if not by_page and not unshown:
        lines.append("None.")
    for page in sorted(by_page):
        lines += [f"### {_title(page)}", "", *"\n\n".join(by_page[page]).split("\n"), ""]
    if unshown:
        lines += ["### Checks no page shows", "", *"\n\n".join(unshown).split("\n"), ""]
    lines += ["", "## Generated files that changed", "", *(files or ["None."])]
    lines += ["", "## Claims and runs that broke", "", *(broken or ["None."])]
    if symbols is not None:
        lines += ["", "## Source symbols", ""]
        headings = {
            "vanished": "Vanished: the build fails on these",
            "moved": "Moved: links follow when the pin moves",
            "changed": "Changed: their lines differ (excerpts and prose may need a look)",
        }
        for kind, heading in headings.items():
            entries = symbols[kind]
            lines += [f"### {heading} ({len(entries)})", "", *(entries or ["None."]), ""]
    if stack:
        lines += ["", "## The MkDocs stack", "", "| Package | Pinned | Newest |", "|---|---|---|"]
        for name, pin, newest in stack:
            lines.append(f"| `{name}` | {pin} | {newest}{'' if pin == newest else ' (newer)'} |")
    return "\n".join(lines).rstrip() + "\n", summary, differs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--transformers", metavar="VERSION", help="default: the newest release")
    parser.add_argument("--online", action="store_true", help="run the pinned releases online")
    parser.add_argument("--venv", type=Path, help="scratch environment (default: .drift/...)")
    parser.add_argument("--output", type=Path, default=Path("drift-report.md"))
    parser.add_argument("--collect", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.collect:
        args.collect.write_text(json.dumps(collect(args.online)), encoding="utf-8")
        return 0

    pinned = installed_versions()["transformers"]
    if args.online:
        collected = run_collect(sys.executable, online=True)
        title = f"Snippets online against the hub, transformers {pinned}"
        text, summary, differs = report(collected, {}, "online", title)
    else:
        version = args.transformers or newest_release()
        python, relaxed = scratch_env(version, args.venv)
        collected = run_collect(python, online=False)
        title = f"transformers {version} against the pinned {pinned}"
        text, summary, differs = report(
            collected, collect_symbols(), f"transformers {version}", title, relaxed, stack_rows()
        )
    args.output.write_text(text, encoding="utf-8")
    print(summary)
    if "GITHUB_OUTPUT" in os.environ:
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
            output.write(f"changed={str(differs).lower()}\nsummary={summary}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
