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
                    return_overflowing_tokens=True)
tokens = len(tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])
print(tokens, "text tokens ->", [len(ids) - 2 for ids in windows["input_ids"]])
#> 1000 text tokens -> [510, 510, 236]
# --8<-- [end:q2]

# --8<-- [start:q3]
from sklearn.datasets._twenty_newsgroups import strip_newsgroup_quoting

lines = ["> a quoted line", "My advisor said: use a stride.", "Everyone here writes in Python.",
         "A stride of 128 works."]
print(strip_newsgroup_quoting("\n".join(lines)).splitlines())
#> ['A stride of 128 works.']
# --8<-- [end:q3]
