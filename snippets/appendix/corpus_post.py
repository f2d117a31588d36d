"""Appendix A1: what a 20 Newsgroups post looks like, and what each remove= option strips."""

# --8<-- [start:published]
import re
from importlib.resources import files

# the dataset's description, shipped with scikit-learn: the loader's own documentation
description = files("sklearn.datasets").joinpath("descr/twenty_newsgroups.rst").read_text()
classes = int(re.search(r"Classes\s+(\d+)", description)[1])
total = int(re.search(r"Samples total\s+(\d+)", description)[1])
train = int(re.search(r"newsgroups_train\.filenames\.shape\s+\((\d+),\)", description)[1])
print(f"{classes} classes, {total} posts: {train} in subset='train', {total - train} in 'test'")
#> 20 classes, 18846 posts: 11314 in subset='train', 7532 in 'test'
# --8<-- [end:published]

# --8<-- [start:post]
from sklearn.datasets._twenty_newsgroups import (
    strip_newsgroup_footer, strip_newsgroup_header, strip_newsgroup_quoting)

# a short post in the Usenet format of the corpus, written for this page (not from the corpus)
post = """From: ada@example.edu (Ada Reader)
Subject: Re: How long can a BERT input be?
Organization: Example University
Lines: 8

In article <1993Apr20.101500.1@example.org> bob@example.org (Bob Writer) writes:
> Can I feed a whole post to BERT?

Only its first 512 tokens. My advisor said: cut long posts
into windows that overlap.

--
Ada Reader, Example University"""
for option, strip in [("headers", strip_newsgroup_header), ("footers", strip_newsgroup_footer),
                      ("quotes", strip_newsgroup_quoting)]:
    kept = strip(post).splitlines()
    removed = [line for line in post.splitlines() if line and line not in kept]
    print(f"remove=({option!r},) strips:", *removed, sep="\n    ")
    #> remove=('headers',) strips:
    #>     From: ada@example.edu (Ada Reader)
    #>     Subject: Re: How long can a BERT input be?
    #>     Organization: Example University
    #>     Lines: 8
    #> remove=('footers',) strips:
    #>     --
    #>     Ada Reader, Example University
    #> remove=('quotes',) strips:
    #>     In article <1993Apr20.101500.1@example.org> bob@example.org (Bob Writer) writes:
    #>     > Can I feed a whole post to BERT?
    #>     Only its first 512 tokens. My advisor said: cut long posts
text = strip_newsgroup_quoting(strip_newsgroup_footer(strip_newsgroup_header(post)))
print(repr(text))  # remove=("headers", "footers", "quotes"), applied in this order
#> '\ninto windows that overlap.\n'
# --8<-- [end:post]

header, blank, body = post.partition("\n\n")
assert int(header.split("Lines: ")[1]) == len(body.splitlines())  # the header tells the truth

# the real loader applies exactly these functions: run it offline on a cache holding the post
import codecs
import pickle
import tempfile

import numpy as np
from sklearn.datasets import fetch_20newsgroups
from sklearn.datasets._base import _pkl_filepath
from sklearn.datasets._twenty_newsgroups import CACHE_NAME
from sklearn.utils import Bunch

with tempfile.TemporaryDirectory() as home:
    bunch = Bunch(data=[post], target=np.array([0]), target_names=["comp.ai.stand-in"],
                  filenames=np.array(["post"]))
    with open(_pkl_filepath(home, CACHE_NAME), "wb") as file:
        file.write(codecs.encode(pickle.dumps({"train": bunch, "test": bunch}), "zlib_codec"))
    for remove, expected in [
        ((), post),
        (("headers",), strip_newsgroup_header(post)),
        (("footers",), strip_newsgroup_footer(post)),
        (("quotes",), strip_newsgroup_quoting(post)),
        (("headers", "footers", "quotes"), text),
    ]:
        loaded = fetch_20newsgroups(data_home=home, subset="train", remove=remove, shuffle=False)
        assert loaded.data == [expected], remove

# "footers" cuts after the last blank or hyphen line, signature or not
assert strip_newsgroup_footer("Hi,\n\nno signature here.\n\nBye.") == "Hi,\n\nno signature here."
# the separator line goes too (the hyphen line here), and without a separator nothing goes
assert strip_newsgroup_footer("Hi.\n--\nAda") == "Hi." and strip_newsgroup_footer("Hi.\nBye.") == "Hi.\nBye."
# "quotes" drops any line holding "said:", the author's own included
assert "My advisor said" not in text and "into windows that overlap." in text
# the whole rule: a line goes if it contains "writes:", "writes in", "wrote:", "said:" or "says:",
# or starts with "In article", "Quoted from", "|" or ">"
for line in ["Bob writes: yes", "Bob writes in comp.ai:", "Bob wrote: yes", "Bob says: yes",
             "In article <1@example.org>, Bob", "Quoted from the FAQ:", "| a quote", "> a quote"]:
    assert strip_newsgroup_quoting(line) == "", line
for line in ["I quoted from the FAQ.", "The article In article", "a > b", "Bob writes in"[:-3]]:
    assert strip_newsgroup_quoting(line) == line, line
