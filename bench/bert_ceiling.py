"""What this CPU gives a bare BERT of e5-small's shape (12 layers, 384 wide,
12 heads, 1536 feed-forward), 40 tokens, batch 64, two threads: fp32 and
bf16 with eager and SDPA attention, and int8 dynamic quantisation. Random
weights: the speed does not depend on them.

    python bench/bert_ceiling.py
"""

from __future__ import annotations

import copy
import time


def main() -> None:
    import torch
    import transformers

    torch.set_num_threads(2)

    def config(attn: str):
        c = transformers.BertConfig(vocab_size=250037, hidden_size=384, num_hidden_layers=12, num_attention_heads=12,
                                    intermediate_size=1536)
        c._attn_implementation = attn
        return c

    def rate(model, runs: int = 6) -> float:
        x = torch.randint(5, 1000, (64, 40))
        mask = torch.ones_like(x)
        with torch.inference_mode():
            model(input_ids=x, attention_mask=mask)  # warm-up
            t = time.perf_counter()
            for _ in range(runs):
                model(input_ids=x, attention_mask=mask)
        return 64 * runs / (time.perf_counter() - t)

    print("| model | sentences/s |\n|---|---|")
    for attn in ("eager", "sdpa"):
        m = transformers.BertModel(config(attn), add_pooling_layer=False).eval()
        print(f"| fp32, {attn} attention | {rate(m):.0f} |")
        print(f"| bf16, {attn} attention | {rate(copy.deepcopy(m).to(torch.bfloat16)):.0f} |")
    m = transformers.BertModel(config("sdpa"), add_pooling_layer=False).eval()
    q = torch.ao.quantization.quantize_dynamic(m, {torch.nn.Linear}, dtype=torch.qint8)
    print(f"| int8 dynamic quantisation, sdpa attention | {rate(q):.0f} |")


if __name__ == "__main__":
    main()
