"""Session fixtures shared by the test modules: the built site, and the site in a browser.

- ``site``: ``(site_dir, result)``, one strict build per test run, shared by the
  xdist workers (``result.returncode``, ``result.stderr`` hold its log);
- ``served_site``: the base URL (``http://127.0.0.1:<port>/``) of that build,
  served with gzip by :func:`tests.browser.serve`;
- ``browser``: one headless Chromium (Playwright ``Browser``) for the run;
- ``page``: a fresh Playwright ``Page`` (its own context) per test.

Open pages with :func:`tests.browser.visit`, which records console errors,
failed requests and requests off 127.0.0.1. A test that uses ``browser``,
``page`` or ``served_site`` may open sockets to 127.0.0.1 (and nowhere else).
Browser tests live in ``tests/test_browser*.py``: xdist sends all of them to
one worker, so one Chromium serves the whole run.
"""

import contextlib
import json
import os
import subprocess
import zipfile

import pytest
from filelock import FileLock

from tests import browser as chromium
from tests.docs_tree import ROOT
from tests.stale_fonts import stale_font_list
from tests.strict_build import build

_BROWSER_FIXTURES = {"browser", "page", "served_site"}
_SITE_FIXTURES = {"site", "served_site", "offline_copy"}
_BROWSER_TESTS = "tests/test_browser"
_KERNEL_TESTS = "tests/test_notebooks_run.py"


def pytest_configure(config):
    """Build the sites of the run without mkdocs-jupyter's cache: builds run in parallel.

    And run every chart snippet with a stale matplotlib font list, one written
    before the CJK font was installed (``tests/stale_fonts.py``): the charts
    must find the font anyway. xdist's workers inherit the variable.
    """
    os.environ["NOTEBOOK_CACHE"] = "false"
    if not hasattr(config, "workerinput"):
        os.environ["MPLCONFIGDIR"] = str(stale_font_list())


@contextlib.contextmanager
def notebook_renders(shared):
    """Let a build use the run's one cache of rendered notebooks, under ``shared``.

    Only the site's build and then the offline copy's use it, one after the other
    (``offline_copy`` waits for ``site``): the second renders no notebook again.
    """
    saved = {name: os.environ.get(name) for name in ("NOTEBOOK_CACHE", "NOTEBOOK_CACHE_DIR")}
    os.environ.update(NOTEBOOK_CACHE="true", NOTEBOOK_CACHE_DIR=str(shared / "notebook-renders"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def pytest_collection_modifyitems(items):
    """Let the tests that use the browser or the local server reach 127.0.0.1, and only it.

    Mark the browser tests ``browser`` and the notebook kernels' ``kernel``, so that
    ``pytest -m "not browser and not kernel"`` is the fast loop of the README.

    And order the run: the browser tests first (one worker builds the site for them),
    the tests that need no built site next, those that wait for it last, so that no
    worker sits idle on the build's lock.
    """
    for item in items:
        if _BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.allow_hosts(["127.0.0.1"]))
        if item.nodeid.startswith(_BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)
        elif item.nodeid.startswith(_KERNEL_TESTS):
            item.add_marker(pytest.mark.kernel)

    def order(item):
        if item.nodeid.startswith(_BROWSER_TESTS):
            return 0
        return 2 if _SITE_FIXTURES & set(getattr(item, "fixturenames", ())) else 1

    items.sort(key=order)


def pytest_xdist_make_scheduler(config, log):
    """Schedule like ``--dist load``, but send every ``tests/test_browser*.py`` test to one worker.

    (xdist's own ``--dist loadgroup`` does not group under pytest 9.2, whose node
    ids no longer read the attribute xdist rewrites.)
    """
    from xdist.scheduler import LoadScopeScheduling

    # a private method of xdist's: fail at start, not by scattering the browser tests
    if not callable(getattr(LoadScopeScheduling, "_split_scope", None)):
        raise pytest.UsageError(
            "this pytest-xdist has no LoadScopeScheduling._split_scope, which tests/conftest.py "
            "overrides to keep the browser tests on one worker: update "
            "pytest_xdist_make_scheduler"
        )

    class BrowserTestsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "browser" if nodeid.startswith(_BROWSER_TESTS) else nodeid

    return BrowserTestsTogether(config, log)


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id):
    """Build the site once per test run, shared by the xdist workers through a file lock."""
    # each worker's base temp lies inside the run's; without xdist, the run's is the base
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent
    site_dir, log = shared / "site", shared / "site-build.json"
    with FileLock(str(shared / "site.lock")):
        if not log.is_file():
            with notebook_renders(shared):
                result = build(ROOT / "mkdocs.yml", site_dir)
            log.write_text(json.dumps([result.returncode, result.stderr]), encoding="utf-8")
    returncode, stderr = json.loads(log.read_text(encoding="utf-8"))
    return site_dir, subprocess.CompletedProcess([], returncode, "", stderr)


@pytest.fixture(scope="session")
def served_site(site):
    """Base URL, ending in ``/``, of the built site served on 127.0.0.1 with gzip."""
    site_dir, result = site
    if result.returncode != 0:
        pytest.fail(f"the site did not build:\n{result.stderr[-3000:]}", pytrace=False)
    with chromium.serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run; fails (never skips) when none is found."""
    from playwright.sync_api import sync_playwright

    try:
        chromium.chromium_path()
    except chromium.ChromiumMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    with sync_playwright() as playwright:
        launched = chromium.launch(playwright)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page in its own browser context (no shared storage or preferences)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def offline_copy(site, tmp_path_factory, worker_id):
    """``(zip, folder)``: the offline copy, built and unzipped once per run, shared by workers."""
    from tensornotes.offline import FOLDER
    from tensornotes.offline import build as build_offline

    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent
    archive, unzipped = shared / "offline" / "text-to-tensors.zip", shared / "offline" / "copy"
    with FileLock(str(shared / "offline.lock")):
        if not unzipped.is_dir():
            with notebook_renders(shared):
                build_offline(archive)
            with zipfile.ZipFile(archive) as opened:
                opened.extractall(unzipped)
    return archive, unzipped / FOLDER
