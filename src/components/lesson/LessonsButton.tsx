import { setLessonPickerOpen, useArbor } from '../../store';
import { preloadLessonPicker } from '../lazy/panels';

/**
 * The header's "Lessons" button (issue 11): opens the lesson picker (L is the lab's page
 * switch, so the picker has no key of its own). Shows the lesson playing, if any. In the
 * first paint: the picker and the player load when it is hovered, focused or pressed.
 */
export function LessonsButton() {
  const playing = useArbor((s) => s.lesson?.lesson.title ?? null);
  return (
    <button
      type="button"
      className={`rounded border px-2 py-1 text-sm font-medium ${
        playing !== null
          ? 'border-orange-500 text-orange-800 dark:border-orange-400 dark:text-orange-300'
          : 'border-slate-300 dark:border-slate-700'
      }`}
      title={
        playing !== null
          ? `Playing the lesson “${playing}”: open another`
          : 'Lessons: guided runs with questions for a class'
      }
      onPointerEnter={preloadLessonPicker}
      onFocus={preloadLessonPicker}
      onClick={() => setLessonPickerOpen(true)}
    >
      Lessons
    </button>
  );
}
