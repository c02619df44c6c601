/**
 * Every keyboard shortcut, in one list, as the help overlay shows it (loaded with the overlay;
 * buttons quote their keys with `./shortcuts.ts` tooltip). The handlers live in `app/useKeyboard.ts`.
 */

/** One shortcut as the help overlay lists it. */
export interface Shortcut {
  /** The keys, each as it is printed on the keyboard. Alternatives are separate entries. */
  keys: readonly (readonly string[])[];
  action: string;
}

/** A titled group of shortcuts. */
export interface ShortcutGroup {
  title: string;
  shortcuts: readonly Shortcut[];
}

/** The shortcuts, grouped as the overlay shows them. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Stepping',
    shortcuts: [
      {
        keys: [['→'], ['Page Down']],
        action:
          'Next phase (MCTS: select, expand, simulate, backprop; a beam expansion or prune; a sample)',
      },
      { keys: [['←'], ['Page Up']], action: 'Previous phase' },
      { keys: [['Shift', '→']], action: 'Next single event' },
      { keys: [['Shift', '←']], action: 'Previous single event' },
      { keys: [[']']], action: 'Next iteration (or beam depth, sample)' },
      { keys: [['[']], action: 'Previous iteration' },
      { keys: [['Home'], ['End']], action: 'Start / end of the run' },
    ],
  },
  {
    title: 'Playback',
    shortcuts: [
      { keys: [['Space'], ['.'], ['B']], action: 'Play / pause (. B: a clicker)' },
      { keys: [['+'], ['−']], action: 'Faster / slower' },
      { keys: [['P']], action: 'Presentation mode on / off (Esc leaves it)' },
      { keys: [['R']], action: 'Reset: a new run' },
      { keys: [['S']], action: 'Stop a live search (the events so far stay)' },
    ],
  },
  {
    title: 'Tree (reached with Tab)',
    shortcuts: [
      { keys: [['/']], action: 'Find nodes (also Ctrl+F); Enter / Shift+Enter: next / previous' },
      { keys: [['↑'], ['↓'], ['←'], ['→']], action: 'Move to the parent, a child or a sibling' },
      { keys: [['Home'], ['Enter']], action: 'Move to the root / inspect the focused node' },
      { keys: [['−'], ['+']], action: 'Fold / unfold the focused subtree (also double-click)' },
      { keys: [['Esc']], action: 'Clear the selection' },
      { keys: [['Wheel'], ['Drag']], action: 'Zoom / pan (Fit brings the whole tree back)' },
    ],
  },
  {
    title: 'Timeline (reached with Tab)',
    shortcuts: [
      { keys: [['←'], ['→']], action: 'Previous / next event' },
      { keys: [['Page Down'], ['Page Up']], action: 'Previous / next iteration' },
      { keys: [['Home'], ['End']], action: 'Start / end' },
    ],
  },
  {
    title: 'Lessons (exploring: → ← step phases)',
    shortcuts: [
      { keys: [['→'], ['Page Down']], action: 'Next step' },
      { keys: [['←'], ['Page Up']], action: 'Previous step' },
      { keys: [['Backspace']], action: 'Back to the lesson · 1–9 answer' },
    ],
  },
  {
    title: 'Pages and help',
    shortcuts: [
      { keys: [['L']], action: 'Switch between the visualizer and the effort lab' },
      { keys: [['?']], action: 'Show these shortcuts' },
      { keys: [['Esc']], action: 'Close this help' },
    ],
  },
];
