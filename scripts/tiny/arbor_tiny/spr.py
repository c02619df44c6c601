"""MetaStone-S1's self-supervised process reward loss (Wang et al., 2025, arXiv 2507.01951,
eq. 3): each step's score is trained toward its line's final correctness y with binary cross
entropy, weighted w = 1 where the head already agrees with y (score > 0.5 when y = 1,
score ≤ 0.5 when y = 0) and w = 0 elsewhere, averaged over all steps. Plain BCE (w = 1
everywhere) is the baseline. A line's score is the geometric mean of its step scores."""
import torch
import torch.nn.functional as F


def spr_weights(scores: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """1 where the prediction (score > 0.5) equals the final label, else 0."""
    return ((scores > 0.5).float() == labels).float()


def spr_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Mean over steps of w · BCE(sigmoid(logit), label); w from the detached scores."""
    w = spr_weights(torch.sigmoid(logits).detach(), labels)
    bce = F.binary_cross_entropy_with_logits(logits, labels, reduction="none")
    return (w * bce).mean()


def bce_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    return F.binary_cross_entropy_with_logits(logits, labels)


def line_score(step_scores) -> float:
    """Geometric mean of the step scores (0 for a line with no steps)."""
    s = torch.as_tensor(step_scores, dtype=torch.float64)
    if s.numel() == 0:
        return 0.0
    return float(torch.exp(torch.log(s.clamp_min(1e-12)).mean()))
