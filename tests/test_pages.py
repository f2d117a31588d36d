"""Pages: embeds name real sections, numbers in prose come from code, translations keep up."""

import pytest

from tensornotes.pages import Page
from tensornotes.prose_numbers import unchecked_numbers
from tensornotes.snippet import Snippet
from tensornotes.translations import page_pairs, parity_problems, stale_problem
from tests.docs_tree import DOCS, PAGES, ROOT, relative

PAIRS, UNPAIRED = page_pairs(DOCS)


def test_every_page_exists_in_both_languages():
    assert PAGES, "no pages found"
    assert not UNPAIRED, "\n".join(UNPAIRED)


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_embeds_name_existing_sections(page):
    for target in Page(page).embeds:
        path, _, name = target.partition(":")
        assert name, f"{relative(page)} embeds all of {path}: embed a named section"
        Snippet(ROOT / path).section(name)


LONGEST_BLOCK = 30
"""The most lines of code a shown block may hold: beyond it the point scrolls off screen."""

ALGORITHMS = {
    "snippets/appendix/wordpiece.py:reimplementation": "the WordPiece algorithm, read whole",
    "snippets/families/bpe.py:trainer": "the BPE trainer, read whole",
    "snippets/families/unigram.py:viterbi": "Unigram's Viterbi segmentation, read whole",
}
"""Blocks that may be longer, because the block is the algorithm itself."""


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_shown_blocks_are_short(page):
    long = []
    for target in Page(page).embeds:
        path, _, name = target.partition(":")
        count = Snippet(ROOT / path).code_lines(name)
        if count > LONGEST_BLOCK and target not in ALGORITHMS:
            long.append(f"{target}: {count} lines of code")
    assert not long, (
        f"{relative(page)} shows blocks over {LONGEST_BLOCK} lines of code: "
        + "; ".join(long)
        + ". Split them, move checks out of the shown section, or, if the block is an "
        "algorithm read whole, add it to ALGORITHMS in tests/test_pages.py"
    )


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_a_needed_block_comes_first_on_the_page(page):
    defined, missing = set(), []
    for target in Page(page).embeds:
        path, _, name = target.partition(":")
        snippet = Snippet(ROOT / path)
        needs = snippet.section(name).needs
        missing += [f"{target} needs {n!r}" for n in needs if n not in defined]
        defined |= snippet.defines(name)
    assert not missing, (
        f"{relative(page)}: " + "; ".join(missing) + ", which no block above it on the page "
        "defines: embed the block that defines it first"
    )


def test_shown_code_lines_skip_blanks_and_output():
    text = "# --8<-- [start:a]\nx = 1\n\nprint(x)\n#> 1\n# a comment\n# --8<-- [end:a]\n"
    assert Snippet("s.py", text).code_lines("a") == 3


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_numbers_in_prose_are_printed_by_code(page):
    missing = unchecked_numbers(page, ROOT)
    assert not missing, (
        f"{relative(page)} states {missing} in prose, but no snippet it embeds prints them; "
        "print them from code, or give the reason under 'numbers:' in the English front matter"
    )


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: relative(pair[1]))
def test_zh_page_is_in_parity(pair):
    problems = parity_problems(*pair)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: relative(pair[1]))
def test_zh_page_translates_the_current_english_page(pair):
    problem = stale_problem(*pair)
    assert problem is None, problem
