import { useEffect } from 'react';
import {
  goToEnd,
  goToStart,
  nextIteration,
  nextPhase,
  previousEvent,
  previousIteration,
  previousPhase,
  reset,
  setHelpOpen,
  setPresenting,
  slowDown,
  speedUp,
  step,
  togglePlay,
  togglePresenting,
  useArbor,
  stopRun,
  lessonExploring,
} from '../store';
import type { Store } from '../store';

/** Whether the target takes typing: a text field or editable content (never overridden). */
function takesTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
    type,
  );
}

/** Whether a key press belongs to a control that handles keys itself (when reached by keys). */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (takesTyping(target)) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'SELECT') return true;
  // Space on a focused button presses that button; let it.
  return key === ' ' && (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A');
}

/** `/`, or Ctrl+F (⌘F): the keys that focus the tree's find box. */
export function isFindKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): boolean {
  if (e.altKey) return false;
  if (e.key === 'f' || e.key === 'F') return (e.ctrlKey || e.metaKey) && !e.shiftKey;
  return e.key === '/' && !e.ctrlKey && !e.metaKey;
}

/** Focuses the find box when the visualizer shows one; false leaves the key to the browser. */
function focusFind(): boolean {
  const field = document.querySelector<HTMLInputElement>('[data-find-input]');
  if (!field || field.offsetParent === null) return false; // another page, or presenting
  field.focus();
  field.select();
  return true;
}

/** The action for a key press, or null when the key is not a shortcut. */
export function actionFor(e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): (() => unknown) | null {
  switch (e.key) {
    case 'ArrowRight':
      return e.shiftKey ? step : nextPhase;
    case 'ArrowLeft':
      return e.shiftKey ? previousEvent : previousPhase;
    case 'PageDown':
      return nextPhase;
    case 'PageUp':
      return previousPhase;
    case ']':
      return nextIteration;
    case '[':
      return previousIteration;
    case ' ':
    case '.':
    case 'b':
    case 'B':
      return togglePlay;
    case 'Home':
      return goToStart;
    case 'End':
      return goToEnd;
    case 'p':
    case 'P':
      return togglePresenting;
    case 's':
    case 'S':
      return stopRun;
    case 'r':
    case 'R':
      return reset;
    case '+':
    case '=':
      return speedUp;
    case '-':
    case '_':
    case '−':
      return slowDown;
    case '?':
      return () => setHelpOpen(true);
    default:
      return null;
  }
}

/** The lesson player's actions, loaded with the lesson (a key only acts while one is open). */
const lessonActions = () => import('../store/lessonActions');

/**
 * The lesson's keys while a lesson plays (issue 11), or null to leave the key to the page:
 * a clicker's Page Down / Page Up always move steps; → / ← move steps while following the
 * lesson and phases while exploring; Backspace comes back to the lesson. Over a compare
 * step's two runs only Page Down / Page Up (the arrows belong to the compared trees).
 */
export function lessonActionFor(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey'>,
  s: Pick<Store, 'lesson' | 'trace' | 'cursor' | 'selectedId' | 'comparison'>,
): (() => unknown) | null {
  if (s.lesson === null || e.shiftKey) return null;
  const following = !lessonExploring(s) && s.comparison === null;
  const next = () => lessonActions().then((m) => m.lessonNext());
  const back = () => lessonActions().then((m) => m.lessonBack());
  switch (e.key) {
    case 'PageDown':
      return next;
    case 'PageUp':
      return back;
    case 'ArrowRight':
      return following ? next : null;
    case 'ArrowLeft':
      return following ? back : null;
    case 'Backspace':
      return lessonExploring(s) ? () => lessonActions().then((m) => m.backToLesson()) : null;
    default:
      return null;
  }
}

/** The action for a key press: the lesson's first while one plays, then the page's. */
function pageActionFor(e: KeyboardEvent): (() => unknown) | null {
  return lessonActionFor(e, useArbor.getState()) ?? actionFor(e);
}

/**
 * How the user last moved around the page: by pointer (a press anywhere) or by keys (Tab).
 * A control the pointer last focused — a dropdown, a button, the tree after a node click,
 * the timeline — does not keep the page's keys for itself; one reached with Tab does.
 */
let lastInput: 'pointer' | 'keys' = 'keys';

/**
 * The page-wide shortcuts (listed in the help overlay, `components/help/shortcuts.ts`):
 * → / ← (and a clicker's Page Down / Page Up) next / previous phase, Shift+→ / Shift+← next /
 * previous event, ] / [ next / previous iteration, Space (and a clicker's `.` / `b`)
 * play/pause, `/` or Ctrl+F the find box, Home / End start / end, P presentation mode, R reset, + / − speed, ? help, Esc
 * closes the help or leaves presentation mode.
 *
 * Ignored while typing in a text field and with Ctrl, ⌘ or Alt held (so browser shortcuts
 * such as Ctrl+R still work). A control reached with Tab keeps the keys it handles (a
 * dropdown's arrows, the tree's and the timeline's arrows, Space on a button); one the
 * pointer last used does not: after picking from a dropdown or clicking a node, → still
 * advances a phase (the key is taken in the capture phase, before the control sees it),
 * until Tab, ↑, ↓ or Enter shows the user is driving that control by keys.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const run = (e: KeyboardEvent, action: () => unknown) => {
      e.preventDefault();
      void action();
    };
    const blocked = (e: KeyboardEvent): boolean => {
      if (e.ctrlKey || e.metaKey || e.altKey) return true;
      const s = useArbor.getState();
      // The comparison over the page has its own keys (Esc closes it); a lesson's compare
      // step still moves on with Page Down / Page Up.
      if (s.comparison !== null) return lessonActionFor(e, s) === null;
      if (s.helpOpen) {
        if (e.key === 'Escape') {
          setHelpOpen(false);
          e.preventDefault();
        }
        return true;
      }
      return false;
    };
    const onCapture = (e: KeyboardEvent) => {
      // Tab, or ↑ / ↓ / Enter on the focused control (keys no page shortcut uses): the user
      // now drives that control by keys, so it gets its arrows back.
      if (['Tab', 'ArrowUp', 'ArrowDown', 'Enter'].includes(e.key)) lastInput = 'keys';
      // `/` types a slash in a text field; Ctrl+F finds in the tree from anywhere in it.
      const typing = takesTyping(e.target);
      if (isFindKey(e) && (e.key !== '/' || !typing) && !useArbor.getState().helpOpen) {
        if (focusFind()) {
          e.preventDefault();
          e.stopPropagation();
          return;
        }
      }
      if (typing || blocked(e)) return;
      if (e.key === 'Escape' && useArbor.getState().presenting) {
        e.stopPropagation();
        run(e, () => setPresenting(false));
        return;
      }
      if (lastInput !== 'pointer') return;
      // The tree's + / − fold the node just clicked: that is what they mean there. The page
      // tabs' arrows move between the pages.
      const role = e.target instanceof HTMLElement ? e.target.getAttribute('role') : null;
      if (role === 'tab') return;
      if (role === 'tree' && ['+', '=', '-', '_', '−'].includes(e.key)) return;
      const action = pageActionFor(e);
      if (action === null) return;
      e.stopPropagation(); // the dropdown, tree or timeline the pointer left focused
      run(e, action);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || blocked(e)) return;
      if (ownsKeys(e.target, e.key)) return;
      const action = pageActionFor(e);
      if (action !== null) run(e, action);
    };
    const onPointer = () => {
      lastInput = 'pointer';
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onCapture, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onCapture, true);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}

/**
 * The lesson's keys alone (Page Down / Page Up, → / ← while following, Backspace), for the
 * pages without the visualizer's keys: the lab, when a lesson step shows it.
 */
export function useLessonKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (ownsKeys(e.target, e.key) || useArbor.getState().helpOpen) return;
      const action = lessonActionFor(e, useArbor.getState());
      if (action === null) return;
      e.preventDefault();
      void action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
