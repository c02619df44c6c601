/** Questions for the class (issue 11): prepared on a run, checked exactly. */
export type { PrepareResult } from './prepare';
export { prepareQuestion } from './prepare';
export type { CheckResult, Checked, Unreadable } from './check';
export { MIN_Q_DECIMALS, Q_RULE, backupWorking, checkAnswer, decimal, qMatches } from './check';
export type { ParsedNumber, Rational } from './exact';
export { decimalText, fractionText, parseExact } from './exact';
export type * from './types';
