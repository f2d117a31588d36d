"""Check yourself, embeddings page: the answers, printed."""

# --8<-- [start:q1]
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")
encoding = tokenizer("Only one sentence here.")
print(encoding.tokens())
#> ['[CLS]', 'only', 'one', 'sentence', 'here', '.', '[SEP]']
print(encoding["token_type_ids"])  # every token looks up row 0
#> [0, 0, 0, 0, 0, 0, 0]
# --8<-- [end:q1]

# --8<-- [start:q2]
import torch
from transformers import AutoConfig
from transformers.models.bert.modeling_bert import BertEmbeddings

config = AutoConfig.from_pretrained("google-bert/bert-base-uncased")
embeddings = BertEmbeddings(config)
input_ids = torch.full((1, 513), 1000)  # one token more than there are positions
print(tuple(embeddings.position_ids[:, :513].shape))  # slicing past the end: no error
#> (1, 512)
messages = {}
for passed in ["without token_type_ids", "with token_type_ids"]:
    extra = {"token_type_ids": torch.zeros_like(input_ids)} if passed.startswith("with ") else {}
    try:
        embeddings(input_ids=input_ids, **extra)
    except RuntimeError as error:
        messages[passed] = str(error)
        print(f"{passed}: {error}")
        #> without token_type_ids: The expanded size of the tensor (513) must match the existing size (512) at non-singleton dimension 1.  Target sizes: [1, 513].  Tensor sizes: [1, 512]
        #> with token_type_ids: The size of tensor a (513) must match the size of tensor b (512) at non-singleton dimension 1
# --8<-- [end:q2]

assert messages["without token_type_ids"].startswith("The expanded size of the tensor (513)")
assert messages["with token_type_ids"].startswith("The size of tensor a (513) must match")

# position ids passed explicitly fail earlier, as an id past the end of the table
try:
    embeddings(
        input_ids=input_ids,
        token_type_ids=torch.zeros_like(input_ids),
        position_ids=torch.arange(513)[None],
    )
    raise AssertionError("position 512 was looked up")
except IndexError as error:
    assert "index out of range" in str(error)
