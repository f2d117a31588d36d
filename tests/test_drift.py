"""The drift check goes on past every difference and reports each one where a reader sees it."""

import pytest

from tensornotes import drift

SYMBOL = "transformers.models.bert.modeling_bert:BertModel"


def test_collecting_runs_every_snippet_past_changes_and_broken_claims(tmp_path, monkeypatch):
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    (snippets / "a_stale.py").write_text("print(1 + 1)\n#> 3\n", encoding="utf-8")
    (snippets / "b_broken.py").write_text(
        "print('before')\n#> before\nassert 1 + 1 == 3, 'arithmetic'\nprint('after')\n#> after\n",
        encoding="utf-8",
    )
    (snippets / "c_fine.py").write_text("print('fine')\n#> fine\n", encoding="utf-8")
    monkeypatch.setattr(drift, "ROOT", tmp_path)

    stale, broken, fine = drift.collect_snippets()

    assert stale == {
        "path": "snippets/a_stale.py",
        "stale": [{"line": 1, "shown": ["#> 3"], "fresh": ["#> 2"]}],
        "files": [],
        "error": None,
    }
    # the run stopped at the assert: the print after it is not reported as changed
    assert broken["stale"] == []
    assert broken["error"] == {
        "type": "AssertionError",
        "message": "arithmetic",
        "line": 3,
        "code": "assert 1 + 1 == 3, 'arithmetic'",
    }
    assert fine == {"path": "snippets/c_fine.py", "stale": [], "files": [], "error": None}


def test_the_report_shows_each_change_on_the_page_that_shows_it():
    shown = ["#> ['[CLS]', 'token', '##izer', '##s', 'turn', 'text', 'into', 'tensor', '##s']"]
    fresh = [shown[0].replace("'turn'", "'turns'")]
    collected = {
        "versions": {"transformers": "9.0.0"},
        "snippets": [
            {
                "path": "snippets/home/quickstart.py",
                "stale": [{"line": 8, "shown": shown, "fresh": fresh}],
                "files": [],
                "error": {"type": "AssertionError", "message": "", "line": 15, "code": "assert x"},
            }
        ],
        "symbols": {SYMBOL: {"error": f"{SYMBOL!r}: no 'BertModel'"}},
    }
    pinned = {SYMBOL: {"path": "src/a.py", "start": 1, "end": 2, "lines": ["class BertModel:"]}}

    text, summary, differs = drift.report(collected, pinned, "transformers 9.0.0", "9.0.0")

    assert differs
    assert summary.startswith("9.0.0: 1 shown output changed on 1 page")
    assert "1 claim broke" in summary and "1 vanished" in summary
    home = text.index("(`docs/index.md`)")
    diff = text.index("-#> ['[CLS]', 'token', '##izer', '##s', 'turn'", home)
    assert text.index("+#> ['[CLS]', 'token', '##izer', '##s', 'turns'", diff)
    assert "`snippets/home/quickstart.py:15` `assert x`: claim broke, AssertionError" in text
    assert f"- `{SYMBOL}` (on docs/architecture/" in text


def test_a_clean_run_reports_nothing():
    collected = {"versions": {}, "snippets": [], "symbols": {}}
    text, summary, differs = drift.report(collected, {}, "online", "online")
    assert "None." in text
    assert not differs
    assert "0 shown outputs changed on 0 pages" in summary and "source symbols" not in summary


@pytest.mark.parametrize("relax", [(), ("tokenizers", "huggingface-hub")])
def test_the_scratch_environment_keeps_the_project_pins(relax):
    pins = drift.project_pins("9.0.0", relax)
    assert "transformers==9.0.0" in pins and "torch==2.13.0" in pins
    assert all(pin.startswith("transformers==9") for pin in pins if "transformers" in pin)
    for name in ("tokenizers", "huggingface-hub"):
        assert (name in pins) == (name in relax)


def test_the_report_lists_the_mkdocs_stack_beside_its_newest_releases():
    newest = {"mkdocs": "1.6.1", "mkdocs-material": "9.9.0"}
    rows = drift.stack_rows(newest=lambda name: newest.get(name, "0.0"))
    assert [name for name, _, _ in rows] == list(drift.STACK)
    assert rows[0] == ("mkdocs", "1.6.1", "1.6.1")
    assert rows[1] == ("mkdocs-material", "9.8.1", "9.9.0")
    collected = {"versions": {}, "snippets": [], "symbols": {}}
    text, _, differs = drift.report(collected, {}, "online", "online", stack=rows)
    assert "| `mkdocs` | 1.6.1 | 1.6.1 |" in text
    assert "| `mkdocs-material` | 9.8.1 | 9.9.0 (newer) |" in text
    assert not differs, "a newer MkDocs release is listed, not a difference of the notes"
