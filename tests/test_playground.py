"""The tokenizer playground's files: the vendored Tokenizers.js and the generated data."""

from pathlib import Path

import pytest

from tensornotes import generated, vendored
from tests.docs_tree import DOCS, ROOT

PLAYGROUND = DOCS / "assets" / "playground"


@pytest.mark.parametrize("item", vendored.VENDORED, ids=lambda item: item.package.name)
def test_vendored_files_are_the_pinned_release_unchanged(item):
    item.check()


def test_an_edited_vendored_file_is_named(tmp_path):
    item = vendored.GPT2
    for name in item.files:
        target = tmp_path / item.folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.path(name).read_bytes())
    target.write_bytes(target.read_bytes() + b"\n")
    with pytest.raises(vendored.VendoredError, match=f"{target.name} is not package/LICENSE"):
        item.check(tmp_path)
    script = vendored.TOKENIZERS_JS.path("tokenizers.js").read_text(encoding="utf-8")
    edited = script.replace("(function", "(async function")
    with pytest.raises(vendored.VendoredError, match="wrapper lines"):
        vendored.TOKENIZERS_JS.unwrap("tokenizers.js", edited)


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
