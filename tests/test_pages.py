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
