"""Batched decoding with the KV cache: greedy or sampled at a temperature, one step (up to
")\\n") at a time, for lines of Game of 24. Puzzles are grouped by prompt length so a batch
shares positions."""
from fractions import Fraction
import torch
from .game24 import check_step
from .vocab import STEP_END_ID, VOCAB, decode, prompt_ids, encode

MAX_STEP_TOKENS = 24


@torch.no_grad()
def sample_lines(model, puzzles_numbers, temperature: float, gen: torch.Generator | None,
                 batch: int = 256):
    """For each puzzle (numbers), one line: a list of step texts (stopping at an invalid or
    unfinished step, which is kept as the last text) and the hidden states where each
    step ended (penultimate layer), for the SPRM head."""
    out = [None] * len(puzzles_numbers)
    groups = {}
    for i, nums in enumerate(puzzles_numbers):
        groups.setdefault(len(prompt_ids(nums)), []).append(i)
    for _, idx in sorted(groups.items()):
        for s in range(0, len(idx), batch):
            part = idx[s : s + batch]
            for i, res in zip(part, _lines(model, [puzzles_numbers[i] for i in part],
                                           temperature, gen)):
                out[i] = res
    return out


def _lines(model, numbers_list, temperature, gen):
    b = len(numbers_list)
    ids = torch.tensor([prompt_ids(n) for n in numbers_list])
    past = model.empty_cache(b)
    logits, _, past = model(ids, past)
    _, pen, _ = (None, None, None)
    states = [tuple(Fraction(x) for x in n) for n in numbers_list]
    alive = [True] * b
    steps = [[] for _ in range(b)]
    feats = [[] for _ in range(b)]
    cur = [[] for _ in range(b)]
    last = logits[:, -1]
    pos = ids.shape[1]
    while any(alive) and pos < model.max_len:
        if temperature <= 0:
            nxt = last.argmax(-1)
        else:
            probs = torch.softmax(last / temperature, -1)
            nxt = torch.multinomial(probs, 1, generator=gen).squeeze(-1)
        h, penult, past = model.features(nxt.unsqueeze(1), past)
        last = model.lm_head(h)[:, -1]
        pos += 1
        for i in range(b):
            if not alive[i]:
                continue
            t = int(nxt[i])
            cur[i].append(t)
            if t == STEP_END_ID or len(cur[i]) >= MAX_STEP_TOKENS:
                text = decode(cur[i]).rstrip("\n")
                steps[i].append(text)
                feats[i].append(penult[i, -1].clone())
                cur[i] = []
                after = check_step(states[i], text) if t == STEP_END_ID else None
                if after is None or len(after) == 1:
                    alive[i] = False
                else:
                    states[i] = after
        if pos >= model.max_len:
            break
    return [(steps[i], feats[i]) for i in range(b)]
