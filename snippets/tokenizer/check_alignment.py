"""Check yourself: alignment."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
print(tokenizer("don't stop").tokens())
#> ['[CLS]', 'don', "'", 't', 'stop', '[SEP]']
print(tokenizer("don't stop").word_ids())
#> [None, 0, 1, 2, 3, None]
print(tokenizer(["don't", "stop"], is_split_into_words=True).word_ids())
#> [None, 0, 0, 0, 1, None]
# --8<-- [end:q1]

# --8<-- [start:q2]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer("Héllo, Tokenizers!")
print(repr("Héllo, Tokenizers!"[6]), encoding.char_to_token(6))
#> ' ' None
# --8<-- [end:q2]

# --8<-- [start:q3]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
question = "Where did Ada meet Babbage?"
context = (
    "Ada Lovelace was born in London in 1815. She studied mathematics with "
    "tutors at home. In 1833 she met Charles Babbage at a party in London, "
    "and later wrote notes on his Analytical Engine."
)
for stride in [8, 0]:
    windows = tokenizer(
        question, context, truncation="only_second", max_length=32, stride=stride,
        return_overflowing_tokens=True,
    )
    print(f"stride={stride}:", len(windows["input_ids"]), "windows")
    #> stride=8: 3 windows
    #> stride=0: 2 windows
# --8<-- [end:q3]
