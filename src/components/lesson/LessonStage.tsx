import { LessonPanel } from './LessonPanel';
import { QuestionPanel } from './QuestionPanel';

/**
 * What a lesson adds beside the tree (issue 11): the lesson's step and its question for the
 * class. Loaded with the lesson player (components/lazy/panels.tsx), not in the first paint.
 */
export function LessonStage() {
  return (
    <div className="flex flex-col gap-2">
      <LessonPanel />
      <QuestionPanel />
    </div>
  );
}
