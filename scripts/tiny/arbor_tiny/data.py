"""Training sequences from the exporter's data: puzzles drawn uniformly, then one of their
solution paths uniformly, with a fixed seed. Held-out puzzles (the 120 bundled ones) have no
paths and are never drawn."""
import json
import random
import torch
from .vocab import PAD_ID, encode, line_text, prompt_ids


def load(path: str):
    with open(path) as f:
        return json.load(f)


def training_puzzles(data):
    return [p for p in data if p["paths"] and not p["heldOut"]]


def held_out(data):
    return [p for p in data if p["heldOut"]]


def sequence(numbers, steps):
    """(ids, number of prompt ids): the loss is on the steps only."""
    prompt = prompt_ids(numbers)
    return prompt + encode(line_text(steps)), len(prompt)


def batch(puzzles, size: int, rng: random.Random):
    """Inputs, targets (-100 where no loss: prompt and padding)."""
    seqs = []
    for _ in range(size):
        p = rng.choice(puzzles)
        seqs.append(sequence(p["numbers"], rng.choice(p["paths"])))
    t = max(len(s) for s, _ in seqs)
    x = torch.full((size, t - 1), PAD_ID, dtype=torch.long)
    y = torch.full((size, t - 1), -100, dtype=torch.long)
    for i, (s, n) in enumerate(seqs):
        x[i, : len(s) - 1] = torch.tensor(s[:-1])
        y[i, n - 1 : len(s) - 1] = torch.tensor(s[n:])
    return x, y
