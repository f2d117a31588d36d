"""The built site in Chromium: every page of both languages, visited once."""

import pytest

from tensornotes.browser import ChromiumMissing, chromium_path, site_pages, visit

# every <img> loaded and decoded to a picture with a size
_BROKEN_IMAGES = """() => [...document.images]
    .filter(img => !img.complete || img.naturalWidth === 0)
    .map(img => img.currentSrc || img.src)"""


@pytest.fixture(scope="session")
def visits(site, served_site, browser):
    """Visit every page once; keep what each visit recorded and which images did not render."""
    site_dir, _ = site
    context = browser.new_context()
    page = context.new_page()
    found = {}
    for path in site_pages(site_dir):
        seen = visit(page, served_site + path.lstrip("/"))
        found[path] = (seen, page.evaluate(_BROKEN_IMAGES))
    context.close()
    return found


def test_both_languages_are_visited(visits):
    english = {path for path in visits if not path.startswith("/zh/")}
    assert {"/", "/zh/"} <= set(visits)
    assert {"/zh" + path for path in english} == set(visits) - english


def test_every_image_renders(visits):
    broken = {path: images for path, (_, images) in visits.items() if images}
    assert not broken, broken


def test_no_request_leaves_the_local_server(visits):
    foreign = {path: seen.foreign_requests for path, (seen, _) in visits.items()}
    assert not any(foreign.values()), {path: urls for path, urls in foreign.items() if urls}


def test_a_missing_chromium_fails_saying_how_to_provide_one(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROME_PATH", str(tmp_path / "no-chromium"))
    with pytest.raises(ChromiumMissing, match="apt-get install -y chromium"):
        chromium_path()
