"""The SPR loss's weights and value on a hand-made batch, and the geometric mean."""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import torch  # noqa: E402
from arbor_tiny.spr import bce_loss, line_score, spr_loss, spr_weights  # noqa: E402


def logit(p):
    return math.log(p / (1 - p))


class SprLoss(unittest.TestCase):
    # Four steps: two from a correct line (y = 1), two from a wrong one (y = 0).
    scores = torch.tensor([0.9, 0.2, 0.7, 0.4])
    labels = torch.tensor([1.0, 1.0, 0.0, 0.0])

    def test_weights_keep_only_steps_that_agree_with_the_final_label(self):
        # 0.9 agrees with y=1; 0.2 does not; 0.7 does not agree with y=0; 0.4 does.
        self.assertEqual(spr_weights(self.scores, self.labels).tolist(), [1.0, 0.0, 0.0, 1.0])

    def test_a_score_of_exactly_one_half_counts_as_predicting_zero(self):
        w = spr_weights(torch.tensor([0.5, 0.5]), torch.tensor([1.0, 0.0]))
        self.assertEqual(w.tolist(), [0.0, 1.0])

    def test_loss_is_the_weighted_bce_averaged_over_all_steps(self):
        logits = torch.tensor([logit(p) for p in self.scores.tolist()])
        # (-ln 0.9 - ln(1 - 0.4)) / 4 = (0.10536 + 0.51083) / 4
        self.assertAlmostEqual(spr_loss(logits, self.labels).item(), 0.154047, places=5)
        # Plain BCE counts every step: (-ln .9 - ln .2 - ln .3 - ln .6) / 4
        self.assertAlmostEqual(bce_loss(logits, self.labels).item(), 0.857399, places=5)

    def test_steps_that_disagree_get_no_gradient(self):
        logits = torch.tensor([logit(p) for p in self.scores.tolist()], requires_grad=True)
        spr_loss(logits, self.labels).backward()
        g = logits.grad.tolist()
        self.assertEqual(g[1], 0.0)
        self.assertEqual(g[2], 0.0)
        self.assertAlmostEqual(g[0], (0.9 - 1) / 4, places=6)
        self.assertAlmostEqual(g[3], 0.4 / 4, places=6)

    def test_line_score_is_the_geometric_mean(self):
        self.assertAlmostEqual(line_score([0.9, 0.4, 0.1]), (0.9 * 0.4 * 0.1) ** (1 / 3), places=9)
        self.assertEqual(line_score([]), 0.0)


if __name__ == "__main__":
    unittest.main()
