"""Stage 3: export the policy with its SPRM head to ONNX (opset 17) with explicit
past/present key-value tensors, and write the manifest the app and CI read: vocabulary,
shapes, training settings, metrics and the file's sha256, plus the greedy text of a few
held-out puzzles that onnxruntime must reproduce."""
import hashlib
import json
import os
import torch
from .data import held_out, load
from .decode import MAX_STEP_TOKENS, sample_lines
from .model import TinyGPT
from .policy import POLICY, TRAIN, evaluate_greedy
from .vocab import BOS_ID, PAD_ID, STEP_END, STEP_END_ID, VOCAB, line_text, prompt_text

OUT = os.path.join(os.path.dirname(__file__), "../../../public/models/tiny24")
NAME = "arbor-tiny24"
GREEDY_CHECKS = 6


class Exported(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, *past):
        logits, score, present = self.model(input_ids, list(past))
        return (logits, score, *present)


def export(data_path, work, log):
    model = TinyGPT(len(VOCAB), **POLICY)
    model.load_state_dict(torch.load(os.path.join(work, "final.pt")))
    model.eval()
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "model.onnx")
    n = POLICY["layers"]
    past_names = [f"past_{kind}_{i}" for i in range(n) for kind in ("key", "value")]
    present_names = [f"present_{kind}_{i}" for i in range(n) for kind in ("key", "value")]
    dummy_ids = torch.tensor([[BOS_ID, 5, 6]])
    dummy_past = [torch.zeros(1, POLICY["heads"], 2, POLICY["d"] // POLICY["heads"]) for _ in past_names]
    axes = {"input_ids": {0: "batch", 1: "new"}, "logits": {0: "batch", 1: "new"},
            "sprm": {0: "batch", 1: "new"}}
    axes.update({k: {0: "batch", 2: "past"} for k in past_names})
    axes.update({k: {0: "batch", 2: "total"} for k in present_names})
    with torch.no_grad():
        torch.onnx.export(Exported(model), (dummy_ids, *dummy_past), path, opset_version=17,
                          input_names=["input_ids", *past_names],
                          output_names=["logits", "sprm", *present_names], dynamic_axes=axes)
    import onnx
    onnx.checker.check_model(onnx.load(path))
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    size = os.path.getsize(path)
    data = load(data_path)
    test = held_out(data)
    ev = evaluate_greedy(model, test)
    with open(os.path.join(work, "policy.pt"), "rb"):
        pass
    curve = torch.load(os.path.join(work, "policy.pt"))["curve"]
    with open(os.path.join(work, "sprm.json")) as f:
        sprm = json.load(f)
    checks = [dict(numbers=p["numbers"], prompt=prompt_text(p["numbers"]), steps=s)
              for p, s in list(zip(test, ev["texts"]))[::20][:GREEDY_CHECKS]]
    manifest = dict(
        name=NAME,
        file="model.onnx",
        sha256=digest,
        bytes=size,
        parameters=sum(p.numel() for p in model.parameters()) - model.lm_head.weight.numel(),
        task="game24",
        format=dict(prompt="the puzzle's numbers in ascending order, space-separated, then a newline",
                    step="a op b = r (left: ...) as src/core/tasks/game24 prints it, then a newline",
                    bos_id=BOS_ID, pad_id=PAD_ID, step_end=STEP_END, step_end_id=STEP_END_ID,
                    max_step_tokens=MAX_STEP_TOKENS, tokenizer="longest match over vocab"),
        vocab=VOCAB,
        shapes=dict(layers=n, heads=POLICY["heads"], head_dim=POLICY["d"] // POLICY["heads"],
                    d_model=POLICY["d"], max_len=POLICY["max_len"],
                    inputs=["input_ids [batch, new] int64", *(f"{k} [batch, heads, past, head_dim] float32" for k in past_names)],
                    outputs=["logits [batch, new, vocab] float32",
                             "sprm [batch, new] float32: the SPRM head's score in (0, 1) at each position; a step's score is at its ')\\n' token",
                             *(f"{k} [batch, heads, past + new, head_dim] float32" for k in present_names)],
                    opset=17),
        training=dict(policy=POLICY, policy_training=TRAIN, sprm=sprm["settings"], shipped_head=sprm["shipped"],
                      data="every solver path of the 1242 solvable multisets of 1..13 not bundled; the 120 bundled puzzles held out"),
        metrics=dict(held_out_puzzles=len(test), greedy_solved=ev["greedy_solved"],
                     greedy_good_step_share=round(ev["greedy_good_step_share"], 4),
                     policy_curve=curve, sprm_curves=sprm["curves"], sprm_lines=sprm["lines"],
                     best_of=sprm["best_of"]),
        greedy_checks=checks,
    )
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    log(f"exported {path} ({size} bytes, sha256 {digest[:12]}…), greedy solved {ev['greedy_solved']:.3f}")
    return manifest
