"""Every snippet runs offline, each embedded section alone, and its shown output is fresh."""

import pytest

from tensornotes import runner
from tests.docs_tree import SNIPPETS, relative


@pytest.mark.parametrize("snippet", SNIPPETS, ids=relative)
def test_snippet_output_is_fresh(snippet):
    runner.check(snippet)
