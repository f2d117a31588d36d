"""overrides/ copies two blocks and four partials of Material: each copy fails loudly on upgrade.

A copied block or partial holds a small change (see the comment above each) and
Material's text as it was in the pinned release. When Material's original changes,
the copy is stale: these tests name it, so the change can be made again on the new
text, and a new hash recorded here.
"""

import hashlib
import re
from importlib import metadata
from pathlib import Path

import material
import pytest

from tests.docs_tree import ROOT

TEMPLATES = Path(material.__file__).parent / "templates"
COPIED_FROM = "9.8.1"
"""The Material release whose text overrides/ copies."""
ORIGINALS = {
    "base.html#site_meta": "977fd30a899dfae2966063541fa2a598a690eeaafb7acb813570192df812b368",
    "base.html#config": "7e39d18735bd35176f3df2efe5065fa0bc41a5d8ea8fa9ac16572971fa15f2eb",
    "partials/copyright.html": "bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
    "partials/logo.html": "e0925ef6c190174a5162ed1ecc55295016dd8a7beec3018db3e04aac283a2dd9",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    "partials/source.html": "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
}
"""sha256 of each original in Material 9.8.1 (a block of base.html, or a whole partial)."""


def original(name: str) -> str:
    """The text of a block of Material's base.html (``base.html#block``) or of a partial."""
    template, _, block = name.partition("#")
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    if not block:
        return text
    match = re.search(rf"{{% block {block} %}}(.*?){{% endblock %}}", text, re.S)
    assert match, f"Material's {template} has no block {block!r}: overrides/main.html overrides it"
    return match.group(1)


@pytest.mark.parametrize("name", ORIGINALS)
def test_each_copied_original_is_unchanged_in_the_installed_material(name):
    digest = hashlib.sha256(original(name).encode("utf-8")).hexdigest()
    assert digest == ORIGINALS[name], (
        f"Material {metadata.version('mkdocs-material')} changed {name}, which overrides/ copies "
        f"from {COPIED_FROM}: copy the new text, make the change again, and record its sha256 "
        f"({digest}) in tests/test_overrides.py"
    )


def test_the_search_worker_that_main_html_names_is_installed():
    (worker,) = re.findall(
        r"assets/javascripts/workers/search\.\w+\.min\.js",
        (ROOT / "overrides" / "main.html").read_text(encoding="utf-8"),
    )
    assert (TEMPLATES / worker).is_file(), (
        f"overrides/main.html names {worker}, which this Material does not ship: "
        "copy the config block's new worker name"
    )
