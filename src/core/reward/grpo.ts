/**
 * Group-relative advantages, the signal GRPO trains on (Group Relative Policy Optimization:
 * Shao et al. 2024, DeepSeekMath, §4.1.2 "outcome supervision"; used for DeepSeek-R1, Guo et
 * al. 2025, §2.2.1). For one question the policy samples a group of G outputs, each gets a
 * reward r_i, and each output's advantage is its reward measured against its own group:
 *
 *   A_i = (r_i − mean(r)) / std(r)
 *
 * so no value network is needed: the group is the baseline. Training pushes up the outputs
 * with A_i > 0 and down those with A_i < 0; the advantages of a group sum to 0.
 *
 * Which std: the papers write std(r) over the group, without a sample correction; Arbor uses
 * the population standard deviation √(Σ (r_i − mean)² / G), so a group of two rewards 1 and 0
 * gets +1 and −1. (Training code often calls a library's default std, which for PyTorch is
 * the sample one with G − 1, and adds a small ε: TRL's GRPOTrainer divides by std + 1e-4.
 * Their advantages are those here times √((G − 1) / G), near 1 for large groups.)
 *
 * When every reward in the group is the same, std = 0 and the quotient is 0 / 0: the group
 * says nothing about which output is better, so every advantage is 0 (what the ε of training
 * code gives too) and the group trains nothing.
 */

/** The group's statistics and each output's advantage, in the rewards' order. */
export interface GroupAdvantages {
  mean: number;
  /** The population standard deviation of the rewards. */
  std: number;
  /** A_i for each reward; all 0 when `std` is 0. */
  advantages: number[];
}

/**
 * The GRPO advantage of each reward in a group (population std; all 0 when the rewards are
 * equal). An empty group has no statistics: mean and std 0, no advantages.
 * @param rewards one reward per sampled output of the same question
 * @example groupAdvantages([1, 0, 0, 1]) // { mean: 0.5, std: 0.5, advantages: [1, -1, -1, 1] }
 */
export function groupAdvantages(rewards: readonly number[]): GroupAdvantages {
  const g = rewards.length;
  if (g === 0) return { mean: 0, std: 0, advantages: [] };
  const mean = rewards.reduce((a, r) => a + r, 0) / g;
  const variance = rewards.reduce((a, r) => a + (r - mean) ** 2, 0) / g;
  const std = Math.sqrt(variance);
  // Rewards equal up to rounding (0.1 + 0.2 against 0.3) count as equal: no direction.
  const flat = std <= 1e-12 * Math.max(1, Math.abs(mean));
  return {
    mean,
    std: flat ? 0 : std,
    advantages: rewards.map((r) => (flat ? 0 : (r - mean) / std)),
  };
}

/**
 * An advantage as the tree writes it: a sign and two decimals (`+1.22`, `−0.41`, `0.00`),
 * with the minus sign U+2212 as the rest of the tree's numbers.
 */
export function formatAdvantage(a: number): string {
  const r = Math.round(a * 100) / 100;
  if (r === 0) return '0.00';
  return `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(2)}`;
}
