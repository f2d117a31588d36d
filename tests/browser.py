"""The built site in a real browser: one Chromium launcher, one local server, one page visit.

The browser tests (``tests/conftest.py`` turns these into fixtures) and the
maintainer scripts share this module:

- :func:`chromium_path` finds a Chromium, or raises :class:`ChromiumMissing`,
  which says how to provide one (``python -m tests.browser setup`` does it);
- :func:`launch` starts it headless with :data:`CHROMIUM_FLAGS`;
- :func:`serve` serves a built site on 127.0.0.1 with gzip, as GitHub Pages does;
- :func:`visit` opens a URL in a page and records what went wrong on the way:
  console errors, failed requests, requests to any host but the local server;
- :func:`axe_findings` runs axe-core (vendored, ``tests/vendor/axe-core``) on a page,
  or collects the run :func:`start_axe` began;
- :func:`transferred_bytes` says how many bytes the server sent for a list of URLs;
- :func:`site_pages` lists the URL paths of every page of a built site.

Command line: ``python -m tests.browser {setup,serve} ...``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import mimetypes
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from tensornotes import project

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

# Debian's package first; CHROME_PATH (the variable Lighthouse reads too) overrides it.
_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")

#: Flags for a headless Chromium run as root in a container, with no network but 127.0.0.1.
CHROMIUM_FLAGS = [
    "--no-sandbox",  # the sandbox refuses to start as root (CI runs as root)
    "--disable-dev-shm-usage",  # containers often have a 64 MB /dev/shm
    "--disable-gpu",
    "--disable-background-networking",  # no update or safe-browsing requests of its own
    "--no-first-run",
    "--no-default-browser-check",
    # any host but the local server fails at once instead of waiting on the network
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

SETUP_HINT = (
    "The browser tests need Chromium. Provide one in either way:\n"
    "  - Debian/Ubuntu as root: apt-get install -y chromium chromium-driver fonts-noto-cjk\n"
    "  - elsewhere: .venv/bin/python -m playwright install chromium\n"
    "or point CHROME_PATH at a Chromium or Chrome binary. "
    "`.venv/bin/python -m tests.browser setup` picks the first way that applies."
)

_COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml")

#: axe-core 4.14.1 from npm (MPL-2.0, its licence beside it).
AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


class ChromiumMissing(RuntimeError):
    """No Chromium was found; the message says how to provide one."""


def chromium_path() -> str | None:
    """Return the Chromium binary to launch, or None for Playwright's own download.

    Raises :class:`ChromiumMissing` when there is neither.
    """
    if os.environ.get("CHROME_PATH"):
        path = os.environ["CHROME_PATH"]
        if not Path(path).is_file():
            raise ChromiumMissing(f"CHROME_PATH={path} is not a file.\n{SETUP_HINT}")
        return path
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    if _playwright_chromium():
        return None
    raise ChromiumMissing(SETUP_HINT)


def _playwright_chromium() -> bool:
    """Whether ``playwright install chromium`` has downloaded its browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path).is_file()


def launch(playwright: Playwright) -> Browser:
    """Start a headless Chromium with :data:`CHROMIUM_FLAGS`."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)


class _SiteHandler(BaseHTTPRequestHandler):
    """Serve a built site as GitHub Pages does: index.html, slash redirects, 404.html, gzip."""

    root: Path
    cache: dict[Path, tuple[bytes, bytes]]

    def do_GET(self) -> None:
        self._respond(body=True)

    def do_HEAD(self) -> None:
        self._respond(body=False)

    def _respond(self, body: bool) -> None:
        url = urlsplit(self.path)
        path = unquote(url.path)
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root):
            target = self.root / "404.html.missing"
        if target.is_dir():
            if not path.endswith("/"):
                location = path + "/" + (f"?{url.query}" if url.query else "")
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        status = HTTPStatus.OK
        if not target.is_file():
            status, target = HTTPStatus.NOT_FOUND, self.root / "404.html"
        raw, packed = self._read(target)
        kind = _content_type(target)
        gzipped = kind.startswith(_COMPRESSIBLE) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        content = packed if gzipped else raw
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if "text" in kind else ""))
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if body:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(content)

    def _read(self, target: Path) -> tuple[bytes, bytes]:
        if target not in self.cache:
            raw = target.read_bytes() if target.is_file() else b"Not found"
            self.cache[target] = (raw, _gzip(raw))
        return self.cache[target]

    def log_message(self, format: str, *args: object) -> None:
        pass


def _gzip(raw: bytes) -> bytes:
    return gzip.compress(raw, compresslevel=6, mtime=0)


def _content_type(path: Path) -> str:
    mimetypes.add_type("text/javascript", ".js")
    mimetypes.add_type("image/svg+xml", ".svg")
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def transferred_bytes(site_dir: Path, urls: list[str]) -> int:
    """Bytes the server sends for ``urls`` (gzip where it compresses), as a cold browser loads them.

    Headers are not counted; a URL outside the site counts nothing.
    """
    total = 0
    for url in set(urls):
        path = Path(site_dir) / unquote(urlsplit(url).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            total += _sent_size(path, path.stat().st_mtime_ns)
    return total


@functools.lru_cache(maxsize=4096)
def _sent_size(path: Path, mtime_ns: int) -> int:
    """Bytes sent for one file (gzip where it compresses); the same file is sized once."""
    raw = path.read_bytes()
    return len(_gzip(raw)) if _content_type(path).startswith(_COMPRESSIBLE) else len(raw)


def serve_forever(site_dir: Path, port: int = 0) -> None:
    """Serve ``site_dir`` on 127.0.0.1; print the base URL on the first line of stdout."""
    handler = type("Handler", (_SiteHandler,), {"root": Path(site_dir).resolve(), "cache": {}})
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
        server.serve_forever()


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 in a child process; yield its base URL (ending in /).

    A child process keeps the server outside the test process, where pytest-socket
    blocks sockets, and outside its interpreter lock.
    """
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.browser", "serve", str(site_dir)],
        cwd=project.root(),  # where `tests` is importable
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"the site server did not start (exit {server.poll()})")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@dataclass
class Visit:
    """What happened while a page loaded: each list holds one line per problem."""

    url: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """Every problem of the visit, each prefixed with its kind."""
        return (
            [f"console error: {e}" for e in self.console_errors]
            + [f"failed request: {r}" for r in self.failed_requests]
            + [f"request off 127.0.0.1: {r}" for r in self.foreign_requests]
        )


def visit(page: Page, url: str, settle_ms: int = 100, timeout_ms: int = 5000) -> Visit:
    """Open ``url`` in ``page``; return what went wrong until the page settled.

    The page has settled once it fired ``load`` and no request was in flight for
    ``settle_ms`` (the search index, the language switcher's sitemap and other
    requests made by scripts count), or after ``timeout_ms``. Recorded: console
    errors, uncaught exceptions, requests that failed or answered 4xx/5xx, and
    requests to any host but the page's own.
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    seen = Visit(url)
    in_flight: set = set()

    def on_console(message) -> None:
        if message.type == "error":
            seen.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_request(request) -> None:
        in_flight.add(request)
        seen.requests.append(request.url)
        if not request.url.startswith((origin, "data:", "blob:", "about:")):
            seen.foreign_requests.append(request.url)

    def on_failed(request) -> None:
        in_flight.discard(request)
        seen.failed_requests.append(f"{request.failure} {request.url}")

    def on_response(response) -> None:
        if response.status >= 400:
            seen.failed_requests.append(f"{response.status} {response.url}")

    handlers = {
        "console": on_console,
        "pageerror": lambda error: seen.console_errors.append(f"uncaught {error}"),
        "request": on_request,
        "requestfinished": lambda request: in_flight.discard(request),
        "requestfailed": on_failed,
        "response": on_response,
    }
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        page.goto(url, wait_until="load", timeout=60_000)
        quiet, waited, step = 0, 0, 25
        while quiet < settle_ms and waited < timeout_ms:
            page.wait_for_timeout(step)
            waited += step
            quiet = 0 if in_flight else quiet + step
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)
    return seen


CODE = [[".highlight code"], [".jp-OutputArea pre"]]
"""Code and printed output: the same HTML in every language, as pages embed the same snippets."""


def start_axe(page: Page, skip_code: bool = False) -> None:
    """Start axe-core's default rules on the page and return at once.

    The run goes on in the page's renderer while the caller does other work (opens the
    next page in another tab); :func:`axe_findings` waits for it. ``skip_code`` leaves out
    :data:`CODE`, which the page's English twin has checked (half of axe's time on a page).
    """
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=AXE_SCRIPT)
    context = {"exclude": CODE} if skip_code else "document"
    page.evaluate(
        "context => { window.__axeRun = axe.run(context === 'document' ? document : context, "
        "{resultTypes: ['violations']}).then("
        "r => r.violations.map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' '))])) }",
        context,
    )


def axe_findings(page: Page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """Run axe-core's default rules on the page (or wait for the run :func:`start_axe` began);
    one line per failing node of those impacts."""
    if not page.evaluate("window.__axeRun !== undefined"):
        start_axe(page)
    violations = page.evaluate(
        "async () => { const found = await window.__axeRun; delete window.__axeRun; return found }"
    )
    return [
        f"{rule} ({impact}): {target}"
        for rule, impact, targets in violations
        if impact in impacts
        for target in targets
    ]


def build_site(site_dir: Path) -> Path:
    """Build the site into ``site_dir`` (quietly, not strict: the tests own the strict build)."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site_dir)],
        cwd=project.root(),
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return site_dir


def site_pages(site_dir: Path) -> list[str]:
    """URL paths (``/``, ``/zh/tokenizer/``, ...) of every page of a built site, sorted."""
    pages = []
    for index in Path(site_dir).rglob("index.html"):
        parts = index.relative_to(site_dir).parts[:-1]
        if parts[:1] in (("assets",), ("search",)):
            continue
        pages.append("/" + "".join(f"{part}/" for part in parts))
    return sorted(pages)


def _cjk_fonts() -> bool:
    """Whether fontconfig, which Chromium lays text out with, knows a CJK font."""
    if shutil.which("fc-list") is None:
        return False
    listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return "CJK" in listed.stdout


def setup() -> int:
    """Provide Chromium and CJK fonts where missing: apt as root on Debian, else Playwright's.

    Returns 1, with what to install, when either is still missing afterwards: the
    browser tests read Chinese pages, and without a CJK font they would measure
    boxes instead of glyphs.
    """
    try:
        path = chromium_path()
    except ChromiumMissing:
        path = ""
    if path != "" and _cjk_fonts():
        print(f"Chromium: {path or 'Playwright download'}")
        return 0
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        packages = ["chromium", "chromium-driver", "fonts-noto-cjk", "fontconfig"]
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-q", *packages], check=True, env=env)
    elif path == "":
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=True)
    if not _cjk_fonts():
        print(
            "No CJK font found (fc-list :lang=zh lists none), and none could be installed "
            "here: install Noto Sans CJK (Debian/Ubuntu: apt-get install fonts-noto-cjk; "
            "elsewhere, your system's Noto CJK package), then run setup again.",
            file=sys.stderr,
        )
        return 1
    print(f"Chromium: {chromium_path() or 'Playwright download'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.browser", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("setup", help="install Chromium and CJK fonts where none is found")
    serve_cmd = commands.add_parser("serve", help="serve a built site on 127.0.0.1 with gzip")
    serve_cmd.add_argument("site_dir", type=Path)
    serve_cmd.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    if args.command == "setup":
        return setup()
    serve_forever(args.site_dir, args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
