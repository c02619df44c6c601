"""Stage 1: train the policy (next-token cross entropy on solver paths) and evaluate greedy
decoding on the held-out puzzles. Checkpoints every `every` steps; resumes from the last."""
import json
import math
import os
import random
import time
import torch
import torch.nn.functional as F
from .data import batch, held_out, load, training_puzzles
from .decode import sample_lines
from .game24 import line_correct, step_truths
from .model import TinyGPT
from .vocab import VOCAB

POLICY = dict(d=128, layers=4, heads=4, max_len=96, head_hidden=64)
# Two cosine cycles (a warm restart, Loshchilov & Hutter 2017, arXiv 1608.03983): the first
# 500 steps from lr, the next 250 from restart_lr. The first cycle alone was the whole schedule
# until its model proved too weak; a resumed run continues the same batches.
TRAIN = dict(seed=24, steps=750, batch=64, lr=2e-3, warmup=60, min_lr_share=0.1,
             restart_at=500, restart_lr=1e-3, weight_decay=0.01, every=100)


def lr_at(step, cfg):
    if step < cfg["warmup"]:
        return cfg["lr"] * (step + 1) / cfg["warmup"]
    if step >= cfg["restart_at"]:
        top, t = cfg["restart_lr"], (step - cfg["restart_at"]) / max(1, cfg["steps"] - cfg["restart_at"])
    else:
        top, t = cfg["lr"], (step - cfg["warmup"]) / max(1, cfg["restart_at"] - cfg["warmup"])
    low = top * cfg["min_lr_share"]
    return low + (top - low) * 0.5 * (1 + math.cos(math.pi * t))


def evaluate_greedy(model, puzzles):
    model.eval()
    lines = sample_lines(model, [p["numbers"] for p in puzzles], 0.0, None)
    solved = sum(line_correct(p["numbers"], s) for p, (s, _) in zip(puzzles, lines))
    steps = [t for p, (s, _) in zip(puzzles, lines) for t in step_truths(p["numbers"], s)]
    return dict(greedy_solved=solved / len(puzzles), greedy_good_step_share=sum(steps) / max(1, len(steps)),
                texts=[s for s, _ in lines])


def train_policy(data_path, work, log):
    torch.manual_seed(TRAIN["seed"])
    rng = random.Random(TRAIN["seed"])
    data = load(data_path)
    train, test = training_puzzles(data), held_out(data)
    model = TinyGPT(len(VOCAB), **POLICY)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2 and not n.startswith("sprm")]
    other = [p for n, p in model.named_parameters() if p.dim() < 2 and not n.startswith("sprm")]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": TRAIN["weight_decay"]},
                             {"params": other, "weight_decay": 0.0}], lr=TRAIN["lr"], betas=(0.9, 0.95))
    ckpt = os.path.join(work, "policy.pt")
    start, curve = 0, []
    if os.path.exists(ckpt):
        state = torch.load(ckpt)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        start, curve = state["step"], state["curve"]
        rng.setstate(state["rng"])
        torch.set_rng_state(state["torch_rng"])
    t0 = time.time()
    for step in range(start, TRAIN["steps"]):
        model.train()
        for g in opt.param_groups:
            g["lr"] = lr_at(step, TRAIN)
        x, y = batch(train, TRAIN["batch"], rng)
        logits, _, _ = model(x, model.empty_cache(x.shape[0]))
        loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1), ignore_index=-100)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step % 50 == 0:
            log(f"policy step {step} loss {loss.item():.4f} lr {lr_at(step, TRAIN):.2e} {time.time() - t0:.0f}s")
        if (step + 1) % TRAIN["every"] == 0 or step + 1 == TRAIN["steps"]:
            ev = evaluate_greedy(model, test)
            curve.append(dict(step=step + 1, train_loss=round(loss.item(), 4),
                              greedy_solved=ev["greedy_solved"],
                              greedy_good_step_share=round(ev["greedy_good_step_share"], 4)))
            log(f"eval {json.dumps(curve[-1])}")
            torch.save(dict(model=model.state_dict(), opt=opt.state_dict(), step=step + 1, curve=curve,
                            rng=rng.getstate(), torch_rng=torch.get_rng_state()), ckpt + ".tmp")
            os.replace(ckpt + ".tmp", ckpt)
    return model, curve
