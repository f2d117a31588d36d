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
try:
    embeddings(input_ids=input_ids)
except RuntimeError as error:
    print(type(error).__name__, error)
    #> RuntimeError The expanded size of the tensor (513) must match the existing size (512) at non-singleton dimension 1.  Target sizes: [1, 513].  Tensor sizes: [1, 512]
# --8<-- [end:q2]
