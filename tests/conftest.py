"""Session fixtures shared by the test modules: the built site, and the site in a browser.

- ``site``: ``(site_dir, result)``, one strict build per test run, shared by the
  xdist workers (``result.returncode``, ``result.stderr`` hold its log), and
  ``offline_copy``: the offline copy; both built in the background from the first
  test on (:mod:`tests.site_builds`), while the tests that need neither run;
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

import os
import subprocess

import pytest

from tests import browser as chromium
from tests import site_builds
from tests.stale_fonts import stale_font_list

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


@pytest.fixture(scope="session", autouse=True)
def _builds_in_background(request, tmp_path_factory, worker_id):
    """Start the site's and the offline copy's builds now, if a test of the run needs them."""
    needed = set()
    for item in request.session.items:
        names = set(getattr(item, "fixturenames", ()))
        if names & _SITE_FIXTURES:
            needed.add("site")
        if "offline_copy" in names:
            needed.add("offline")
    if needed:
        site_builds.start(site_builds.shared_dir(tmp_path_factory, worker_id), tuple(needed))


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id):
    """``(site_dir, result)``: the run's one strict build (:mod:`tests.site_builds`)."""
    shared = site_builds.shared_dir(tmp_path_factory, worker_id)
    built = site_builds.result(shared, "site")
    completed = subprocess.CompletedProcess([], built["returncode"], "", built["stderr"])
    return site_builds.site_dir(shared), completed


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
    """``(zip, folder)``: the offline copy, built and unzipped once per run (after the site)."""
    from tensornotes.offline import FOLDER

    shared = site_builds.shared_dir(tmp_path_factory, worker_id)
    built = site_builds.result(shared, "offline")
    if built["error"]:
        pytest.fail(built["error"], pytrace=False)
    archive, unzipped = site_builds.offline_paths(shared)
    return archive, unzipped / FOLDER
