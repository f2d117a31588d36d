"""The tokenizer playground's files: the vendored Tokenizers.js and the generated data."""

import hashlib
import importlib.util
from pathlib import Path

from tensornotes import generated
from tests.docs_tree import DOCS, ROOT

_spec = importlib.util.spec_from_file_location(
    "vendor_tokenizers_js", ROOT / "scripts" / "vendor_tokenizers_js.py"
)
vendor = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vendor)

PLAYGROUND = DOCS / "assets" / "playground"


def test_vendored_tokenizers_js_is_the_pinned_release_unchanged():
    script = (PLAYGROUND / "vendor" / "tokenizers.js").read_text(encoding="utf-8")
    bundle = vendor.unwrap(script)
    assert hashlib.sha256(bundle.encode("utf-8")).hexdigest() == vendor.BUNDLE_SHA256, (
        "docs/assets/playground/vendor/tokenizers.js is not the pinned release: "
        "run python scripts/vendor_tokenizers_js.py"
    )
    licence = (PLAYGROUND / "vendor" / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0" in licence


def test_the_data_file_matches_the_hub_cache_and_the_installed_tokenizers():
    problem = generated.stale_playground_data()
    assert problem is None, f"{problem}: run {generated.COMMAND}"


def test_the_playground_loads_only_on_the_pages_that_carry_it():
    carrying = sorted(
        path.relative_to(DOCS).as_posix()
        for path in DOCS.rglob("*.md")
        if "[[playground]]" in path.read_text(encoding="utf-8")
    )
    assert carrying == [
        "appendix/wordpiece.md",
        "appendix/wordpiece.zh.md",
        "tokenizer/encode-and-vocab.md",
        "tokenizer/encode-and-vocab.zh.md",
    ]
    assert Path(ROOT / "mkdocs.yml").read_text(encoding="utf-8").count("extra_javascript") == 0
