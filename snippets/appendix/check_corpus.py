"""Appendix A1, check yourself: answers printed by code."""

# --8<-- [start:q1]
from sklearn.datasets._twenty_newsgroups import strip_newsgroup_footer

post = "Subject: windows\n\nCut long posts into windows.\n\nOverlap them by a stride."
print(repr(strip_newsgroup_footer(post)))  # no signature: the last paragraph goes
#> 'Subject: windows\n\nCut long posts into windows.'
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
text = " ".join(["word"] * 1000)  # one token per word
windows = tokenizer(text, truncation=True, max_length=512, stride=128,
                    return_overflowing_tokens=True, return_offsets_mapping=True)
# each window's text tokens, named by where they start in the text ([CLS], [SEP] are (0, 0))
spans = [{start for start, end in offsets if end > start} for offsets in windows["offset_mapping"]]
print(len(set.union(*spans)), "text tokens ->", [len(span) for span in spans])
#> 1000 text tokens -> [510, 510, 236]
first, second, third = spans
print(f"third window: {len(third & second)} repeated from the second, "
      f"{len(third - first - second)} new")
#> third window: 128 repeated from the second, 108 new
# --8<-- [end:q2]

# the windows start 382 tokens apart, and the third holds what the first two left
assert [min(span) for span in spans] == [0, 382 * len("word "), 764 * len("word ")]
assert len(third - first - second) == 1000 - 510 - 382 and not third & first

# --8<-- [start:q3]
from sklearn.datasets._twenty_newsgroups import strip_newsgroup_quoting

lines = ["> a quoted line", "My advisor said: use a stride.", "Everyone here writes in Python.",
         "A stride of 128 works."]
print(strip_newsgroup_quoting("\n".join(lines)).splitlines())
#> ['A stride of 128 works.']
# --8<-- [end:q3]
