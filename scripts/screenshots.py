"""Screenshots of a chapter page in each language, light and dark, for the README.

Run from the project root: ``python scripts/screenshots.py [--site DIR]``. It builds the
site (unless ``--site`` names a built one), serves it on 127.0.0.1 and writes
``docs/assets/screenshots/<page>-<lang>-<scheme>.png`` with the browser tests' Chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tensornotes import project

ROOT = project.root(Path(__file__).parent)
sys.path.insert(0, str(ROOT))  # the browser tooling lives with the tests

from tests import browser  # noqa: E402

PAGE = "tokenizer/attention-mask/"
OUT = ROOT / "docs" / "assets" / "screenshots"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.site
        if site_dir is None:
            site_dir = browser.build_site(Path(tmp) / "site")
        OUT.mkdir(parents=True, exist_ok=True)
        with browser.serve(site_dir) as base, sync_playwright() as playwright:
            chromium = browser.launch(playwright)
            for lang, prefix in (("en", ""), ("zh", "zh/")):
                for scheme, system in (("light", "light"), ("dark", "dark")):
                    context = chromium.new_context(
                        color_scheme=system, viewport={"width": 1200, "height": 750}
                    )
                    page = context.new_page()
                    seen = browser.visit(page, base + prefix + PAGE)
                    if seen.problems:
                        sys.exit(f"{seen.url}: {seen.problems}")
                    path = OUT / f"{PAGE.strip('/').replace('/', '-')}-{lang}-{scheme}.png"
                    page.screenshot(path=path)
                    context.close()
                    print(f"wrote {path.relative_to(ROOT)}")
            chromium.close()


if __name__ == "__main__":
    main()
