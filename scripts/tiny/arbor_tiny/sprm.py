"""Stage 2: MetaStone-S1's SPRM head (arXiv 2507.01951) on the frozen policy. The policy
samples its own lines (temperature 1); each step's feature is the second-to-last block's
output where the step ends (the ")\\n" token); the only label is whether the line reached
24. Three heads from one initialisation: plain BCE (the baseline), SPR from the start, and
BCE for a warm start then SPR (the schedule the shipped head uses). Recorded per epoch on
lines sampled from the held-out puzzles: the gap between the mean line score (geometric mean
of step scores) of right and wrong lines, and step accuracy against the solver's exact truth
(a step is good when it is valid and 24 is still reachable)."""
import json
import os
import random
import torch
from .data import held_out, load, training_puzzles
from .decode import sample_lines
from .game24 import line_correct, step_truths
from .model import TinyGPT
from .policy import POLICY
from .spr import bce_loss, line_score, spr_loss
from .vocab import VOCAB

SPRM = dict(seed=7, temperature=1.0, train_samples_per_puzzle=2, test_samples_per_puzzle=8,
            epochs=40, warm_epochs=8, batch=256, lr=1e-3)
SHIPPED = "bce_then_spr"


def load_policy(work):
    model = TinyGPT(len(VOCAB), **POLICY)
    model.load_state_dict(torch.load(os.path.join(work, "policy.pt"))["model"])
    model.eval()
    return model


def collect(model, puzzles, per_puzzle, gen):
    """Sampled lines as flat step tensors: features, line label, exact truth, line index."""
    numbers = [p["numbers"] for p in puzzles for _ in range(per_puzzle)]
    lines = sample_lines(model, numbers, SPRM["temperature"], gen)
    feats, labels, truths, owner, correct = [], [], [], [], []
    for li, (nums, (steps, fs)) in enumerate(zip(numbers, lines)):
        y = 1.0 if line_correct(nums, steps) else 0.0
        correct.append(y)
        for f, t in zip(fs, step_truths(nums, steps)):
            feats.append(f)
            labels.append(y)
            truths.append(float(t))
            owner.append(li)
    return dict(x=torch.stack(feats), y=torch.tensor(labels), truth=torch.tensor(truths),
                owner=torch.tensor(owner), correct=torch.tensor(correct), numbers=numbers,
                lines=[s for s, _ in lines])


@torch.no_grad()
def measure(head, d):
    scores = torch.sigmoid(head(d["x"]).squeeze(-1))
    per_line = [[] for _ in range(len(d["correct"]))]
    for s, o in zip(scores.tolist(), d["owner"].tolist()):
        per_line[o].append(s)
    line = torch.tensor([line_score(s) for s in per_line])
    right, wrong = line[d["correct"] == 1], line[d["correct"] == 0]
    gap = float(right.mean() - wrong.mean()) if len(right) and len(wrong) else None
    hit = ((scores > 0.5).float() == d["truth"]).float()
    good, bad = hit[d["truth"] == 1], hit[d["truth"] == 0]
    # Balanced: the mean of the accuracy on good steps and on bad ones (the classes are
    # uneven, so always saying "bad" can look accurate).
    balanced = (float(good.mean()) + float(bad.mean())) / 2 if len(good) and len(bad) else None
    mean = lambda t: round(float(t.mean()), 4) if len(t) else None  # noqa: E731
    return dict(gap=None if gap is None else round(gap, 4), step_accuracy=round(float(hit.mean()), 4),
                step_balanced_accuracy=None if balanced is None else round(balanced, 4),
                mean_right=mean(right), mean_wrong=mean(wrong)), line


def new_head(model):
    torch.manual_seed(SPRM["seed"])
    head = torch.nn.Sequential(*[type(m)(*m_args(m)) for m in model.sprm])
    for m in head:
        if isinstance(m, torch.nn.Linear):
            torch.nn.init.normal_(m.weight, std=0.02)
            torch.nn.init.zeros_(m.bias)
    return head


def m_args(m):
    return (m.in_features, m.out_features) if isinstance(m, torch.nn.Linear) else ()


def fit(head, train, test, mode, log):
    opt = torch.optim.Adam(head.parameters(), lr=SPRM["lr"])
    rng = torch.Generator().manual_seed(SPRM["seed"])
    curve = []
    n = len(train["y"])
    for epoch in range(SPRM["epochs"]):
        spr = mode == "spr" or (mode == "bce_then_spr" and epoch >= SPRM["warm_epochs"])
        order = torch.randperm(n, generator=rng)
        for s in range(0, n, SPRM["batch"]):
            i = order[s : s + SPRM["batch"]]
            logits = head(train["x"][i]).squeeze(-1)
            loss = (spr_loss if spr else bce_loss)(logits, train["y"][i])
            opt.zero_grad()
            loss.backward()
            opt.step()
        m, _ = measure(head, test)
        curve.append(dict(epoch=epoch + 1, loss="spr" if spr else "bce", **m))
        log(f"sprm {mode} {json.dumps(curve[-1])}")
    return curve


def train_sprm(data_path, work, log):
    data = load(data_path)
    model = load_policy(work)
    gen = torch.Generator().manual_seed(SPRM["seed"])
    train = collect(model, training_puzzles(data), SPRM["train_samples_per_puzzle"], gen)
    test = collect(model, held_out(data), SPRM["test_samples_per_puzzle"], gen)
    log(f"sprm lines: train {len(train['correct'])} ({float(train['correct'].mean()):.3f} right), "
        f"held-out {len(test['correct'])} ({float(test['correct'].mean()):.3f} right)")
    runs, heads = {}, {}
    for mode in ("bce", "spr", "bce_then_spr"):
        heads[mode] = new_head(model)
        runs[mode] = fit(heads[mode], train, test, mode, log)
    # Best-of-N on the held-out lines already sampled: N lines per puzzle, pick by the
    # shipped head's line score, against a random pick (the mean) and any-right (pass@N).
    _, line = measure(heads[SHIPPED], test)
    k = SPRM["test_samples_per_puzzle"]
    picks = [int(test["correct"][i * k + int(line[i * k : (i + 1) * k].argmax())])
             for i in range(len(test["correct"]) // k)]
    any_right = test["correct"].view(-1, k).max(1).values
    best_of = dict(n=k, sprm_pick=sum(picks) / len(picks), random_pick=float(test["correct"].mean()),
                   any_right=float(any_right.mean()))
    log(f"best-of-{k} held-out {json.dumps(best_of)}")
    model.sprm.load_state_dict(heads[SHIPPED].state_dict())
    torch.save(model.state_dict(), os.path.join(work, "final.pt"))
    result = dict(settings=SPRM, shipped=SHIPPED, curves=runs, best_of=best_of,
                  lines=dict(train=len(train["correct"]), train_right=float(train["correct"].mean()),
                             held_out=len(test["correct"]), held_out_right=float(test["correct"].mean()),
                             train_steps=len(train["y"]), held_out_steps=len(test["y"])))
    with open(os.path.join(work, "sprm.json"), "w") as f:
        json.dump(result, f, indent=1)
    return result
