"""The exporter's data against the Python port of the solver: every training step valid and
keeping 24 in reach, every path ending at 24, the 120 bundled puzzles absent from training,
both solvers agreeing on all 1820 multisets, and the tokenizer reading every step back.
TINY_DATA names the data file (written by scripts/tiny/export-data.ts)."""
import json
import os
import sys
import unittest
from fractions import Fraction

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from arbor_tiny.data import batch, training_puzzles  # noqa: E402
from arbor_tiny.game24 import can_reach_24, check_step, line_correct, step_truths  # noqa: E402
from arbor_tiny.vocab import decode, encode, line_text  # noqa: E402

DATA = os.environ.get("TINY_DATA", ".tiny-work/data.json")
BUNDLED = os.path.join(os.path.dirname(__file__), "../../../src/core/tasks/game24/puzzles.json")


class ExportedData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(DATA) as f:
            cls.data = json.load(f)
        with open(BUNDLED) as f:
            cls.bundled = {tuple(sorted(p["numbers"])) for p in json.load(f)}

    def test_all_1820_multisets_with_both_solvers_agreeing(self):
        self.assertEqual(len(self.data), 1820)
        self.assertEqual(sum(p["solvable"] for p in self.data), 1362)
        for p in self.data:
            self.assertEqual(can_reach_24(p["numbers"]), p["solvable"], p["numbers"])

    def test_the_bundled_puzzles_are_held_out_and_have_no_paths(self):
        held = {tuple(p["numbers"]) for p in self.data if p["heldOut"]}
        self.assertEqual(held, self.bundled)
        self.assertEqual(len(held), 120)
        trained = {tuple(p["numbers"]) for p in training_puzzles(self.data)}
        self.assertEqual(trained & self.bundled, set())
        self.assertEqual(len(trained), 1362 - 120)

    def test_every_training_step_is_valid_keeps_24_in_reach_and_reads_back(self):
        count = 0
        for p in training_puzzles(self.data):
            self.assertGreater(len(p["paths"]), 0)
            for path in p["paths"]:
                self.assertEqual(len(path), 3)
                self.assertEqual(step_truths(p["numbers"], path), [1, 1, 1], path)
                self.assertTrue(line_correct(p["numbers"], path), path)
                self.assertEqual(decode(encode(line_text(path))), line_text(path))
                count += 1
        self.assertEqual(count, sum(len(p["paths"]) for p in self.data))

    def test_a_batch_puts_loss_only_on_the_steps(self):
        import random
        x, y = batch(training_puzzles(self.data), 4, random.Random(0))
        for row_x, row_y in zip(x.tolist(), y.tolist()):
            first = next(i for i, t in enumerate(row_y) if t != -100)
            # The target at the first scored position is the first step's first token; the
            # prompt (bos, the numbers, newline) before it is not scored.
            self.assertEqual(decode(row_x[: first + 1])[-1], "\n")


class StepChecks(unittest.TestCase):
    def test_wrong_arithmetic_a_missing_number_and_a_wrong_left_list_are_invalid(self):
        start = tuple(Fraction(n) for n in (4, 6, 8, 8))
        self.assertEqual(check_step(start, "8 - 4 = 4 (left: 6 8 4)"), (6, 8, 4))
        self.assertEqual(check_step(start, "8 / 6 = 4/3 (left: 4 8 4/3)"), (4, 8, Fraction(4, 3)))
        self.assertIsNone(check_step(start, "8 - 4 = 5 (left: 6 8 5)"))
        self.assertIsNone(check_step(start, "9 - 4 = 5 (left: 6 8 5)"))
        self.assertIsNone(check_step(start, "4 - 4 = 0 (left: 6 8 8 0)"))
        self.assertIsNone(check_step(start, "8 - 4 = 4 (left: 6 4)"))
        self.assertIsNone(check_step(start, "8 - 4 = 4"))

    def test_step_truth_marks_a_dead_end_and_everything_after_it(self):
        # 4 + 6 = 10 leaves 8 8 10, from which 24 cannot be made; the valid steps after it
        # score 0 too, and a good first step followed by a slip scores 1 then 0.
        self.assertEqual(step_truths((4, 6, 8, 8), ["4 + 6 = 10 (left: 8 8 10)",
                                                    "8 + 8 = 16 (left: 10 16)",
                                                    "16 + 10 = 26 (left: 26)"]), [0, 0, 0])
        self.assertEqual(step_truths((4, 6, 8, 8), ["8 - 4 = 4 (left: 6 8 4)",
                                                    "6 * 4 = 25 (left: 8 25)"]), [1, 0])


if __name__ == "__main__":
    unittest.main()
