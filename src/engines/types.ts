/**
 * The engine interfaces. They are declared in the core, which calls
 * them, and re-exported here for the engines that implement them.
 */
export type {
  JudgeContext,
  Judgement,
  Proposal,
  ProposedStep,
  ProposerContext,
  Rollout,
  StepJudge,
  StepProposer,
} from '../core/engine';
