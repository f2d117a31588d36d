"""Audit the built site as readers get it: Lighthouse scores, transferred bytes, axe totals.

Run from the project root: ``python scripts/audit.py [--site DIR]``. It builds
the site (unless ``--site`` names a built one), serves it on 127.0.0.1 with gzip, runs
Lighthouse 12.2.3 (installed with npm into ``.cache/lighthouse/``, git-ignored) in desktop
and mobile mode on the home page and two chapter pages of each language, and axe-core on
every page of both languages in both colour schemes. It prints each figure beside its
target and asserts nothing: it is not a timed test.

Lighthouse's performance score varies from run to run (total blocking time above all), so
each page and mode runs ``--runs`` times (default 3) and the run with the median
performance score is reported, as Lighthouse's documentation on variability advises.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from tensornotes import project

ROOT = project.root(Path(__file__).parent)
sys.path.insert(0, str(ROOT))  # the browser tooling lives with the tests

from tests import browser  # noqa: E402

LIGHTHOUSE = "lighthouse@12.2.3"
PREFIX = ROOT / ".cache" / "lighthouse"
CHAPTERS = ["tokenizer/attention-mask/", "architecture/parameters/"]
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
MAX_BYTES = 200_000


def lighthouse_cli() -> Path:
    """The Lighthouse CLI, installed with npm on first use."""
    cli = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-save", "--prefix", str(PREFIX), LIGHTHOUSE], check=True
        )
    return cli


def run_lighthouse(cli: Path, url: str, preset: str) -> dict:
    """One Lighthouse run: the four category scores and the bytes transferred."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--chrome-flags=" + shlex.join(["--headless=new", *browser.CHROMIUM_FLAGS]),
        ]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": browser.chromium_path() or ""}
        subprocess.run(command, check=True, env=env, capture_output=True)
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: data["categories"][name]["score"] for name in TARGETS}
    scores["bytes"] = data["audits"]["total-byte-weight"]["numericValue"]
    failing = [
        audit_id
        for name in TARGETS
        for ref in data["categories"][name]["auditRefs"]
        if ref["weight"] and (data["audits"][(audit_id := ref["id"])]["score"] or 0) < 1
    ]
    scores["failing"] = sorted(set(failing))
    return scores


def axe_totals(site_dir: Path, base: str) -> dict[str, Counter]:
    """axe-core findings by impact over every page, in the light and the dark scheme."""
    from playwright.sync_api import sync_playwright

    totals: dict[str, Counter] = {}
    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        for scheme in ("light", "dark"):
            page = chromium.new_context(color_scheme=scheme).new_page()
            counts: Counter = Counter()
            for path in browser.site_pages(site_dir):
                browser.visit(page, base + path[1:])
                impacts = ("minor", "moderate", "serious", "critical")
                for line in browser.axe_findings(page, impacts=impacts):
                    counts[line.split("(")[1].split(")")[0]] += 1
                counts["pages"] += 1
            totals[scheme] = counts
            page.context.close()
        chromium.close()
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and mode")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.site
        if site_dir is None:
            site_dir = browser.build_site(Path(tmp) / "site")
        cli = lighthouse_cli()
        with browser.serve(site_dir) as base:
            pages = [p for lang in ("", "zh/") for p in [lang, *(lang + c for c in CHAPTERS)]]
            print(
                f"Lighthouse 12.2.3, served with gzip on 127.0.0.1 ({len(pages)} pages), "
                f"the median of {args.runs} runs"
            )
            targets = ", ".join(f"{name} >= {value}" for name, value in TARGETS.items())
            print(f"targets: {targets}; transferred <= {MAX_BYTES} bytes")
            header = "page                               mode     perf  a11y  b.p.  seo   bytes"
            print(header)
            worst: dict[str, float] = {}
            for path in pages:
                for preset in ("desktop", "mobile"):
                    runs = [run_lighthouse(cli, base + path, preset) for _ in range(args.runs)]
                    scores = sorted(runs, key=lambda run: run["performance"])[len(runs) // 2]
                    for name in TARGETS:
                        worst[name] = min(worst.get(name, 1.0), scores[name])
                    worst["bytes"] = max(worst.get("bytes", 0), scores["bytes"])
                    figures = "  ".join(f"{scores[name]:.2f}" for name in TARGETS)
                    failing = (
                        f"  below 1: {', '.join(scores['failing'])}" if scores["failing"] else ""
                    )
                    print(f"/{path:<34} {preset:<8} {figures}  {scores['bytes']:>7.0f}{failing}")
            print(
                "worst: "
                + ", ".join(
                    f"{name} {worst[name]:.2f} (target {value})" for name, value in TARGETS.items()
                )
                + f", bytes {worst['bytes']:.0f} (target <= {MAX_BYTES})"
            )
            for scheme, counts in axe_totals(site_dir, base).items():
                serious = counts["serious"] + counts["critical"]
                print(
                    f"axe-core 4.14.1, {scheme} scheme, {counts['pages']} pages: "
                    f"{serious} serious/critical nodes (target 0); "
                    f"moderate {counts['moderate']}, minor {counts['minor']}"
                )


if __name__ == "__main__":
    main()
