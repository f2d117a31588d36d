"""Appendix A2: outputs kept across batches keep their graphs alive; .detach(), .item(), no_grad."""

# --8<-- [start:leak]
import contextlib
import weakref

import torch
from transformers import AutoConfig, AutoModel

model = AutoModel.from_config(AutoConfig.from_pretrained("google-bert/bert-base-uncased")).eval()
input_ids = torch.arange(16).reshape(1, 16) + 1000  # one small batch, evaluated three times
owned = {t.untyped_storage().data_ptr() for t in [*model.parameters(), *model.buffers(), input_ids]}
saved = []  # weak references to what autograd saves: they keep nothing alive


def pack(tensor):
    saved.append(weakref.ref(kept := tensor.detach()))  # same storage, no link to the graph
    return kept


def saved_bytes_alive():
    storages = [t.untyped_storage() for ref in saved if (t := ref()) is not None]
    return sum({s.data_ptr(): s.nbytes() for s in storages if s.data_ptr() not in owned}.values())


alive_after = {}
for fix in [None, ".detach() and .item()", "no_grad"]:
    preds, total, alive = [], 0, []
    for _batch in range(3):
        with torch.no_grad() if fix == "no_grad" else contextlib.nullcontext():
            with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
                logits = model(input_ids=input_ids).last_hidden_state
            loss = logits.mean()  # a stand-in for a loss or a metric
        preds.append(logits if fix is None else logits.detach())
        total += loss if fix is None else loss.item()
        alive.append(saved_bytes_alive())
    alive_after[fix] = alive
    print(f"fix={fix}: bytes saved for backward still alive after each batch {alive}")
    #> fix=None: bytes saved for backward still alive after each batch [9498880, 18997760, 28496640]
    #> fix=.detach() and .item(): bytes saved for backward still alive after each batch [9498880, 9498880, 9498880]
    #> fix=no_grad: bytes saved for backward still alive after each batch [0, 0, 0]
# --8<-- [end:leak]

# every kept batch keeps one more graph; the fixes keep at most the last one (still named by
# logits and loss), and no_grad none at all
one_graph = alive_after[None][0]
assert alive_after[None] == [one_graph, 2 * one_graph, 3 * one_graph]
assert alive_after[".detach() and .item()"] == [one_graph] * 3
assert alive_after["no_grad"] == [0, 0, 0]


# each leak alone is enough: a kept output, or a summed loss
def two_batches(keep):
    kept, total = [], 0
    for _batch in range(2):
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            logits = model(input_ids=input_ids).last_hidden_state
        if keep == "logits":
            kept.append(logits)
        else:
            total += logits.mean()
        del logits
    return saved_bytes_alive()


for keep in ["logits", "loss"]:
    assert two_batches(keep) == 2 * one_graph
    #> only the logits kept: 18,997,760 bytes alive after two batches
    #> only the loss kept: 18,997,760 bytes alive after two batches
