/**
 * Every keyboard shortcut, in one list: the help overlay shows it and the playback buttons'
 * tooltips quote it, so the two cannot disagree. The handlers live in `app/useKeyboard.ts`.
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
      { keys: [['→']], action: 'Next event' },
      { keys: [['←']], action: 'Previous event' },
      {
        keys: [['Shift', '→'], [']']],
        action: 'Next iteration (MCTS iteration, beam depth, sample)',
      },
      { keys: [['Shift', '←'], ['[']], action: 'Previous iteration' },
      { keys: [['Home']], action: 'Start of the run (before the first event)' },
      { keys: [['End']], action: 'End of the run (runs a live search to its end)' },
    ],
  },
  {
    title: 'Playback',
    shortcuts: [
      { keys: [['Space']], action: 'Play / pause' },
      { keys: [['+']], action: 'Faster' },
      { keys: [['−']], action: 'Slower' },
      { keys: [['R']], action: 'Reset: a new run from the current settings' },
      {
        keys: [['S']],
        action: 'Stop a live search (interrupts the model; the events so far stay)',
      },
    ],
  },
  {
    title: 'Tree (when focused)',
    shortcuts: [
      { keys: [['↑'], ['↓'], ['←'], ['→']], action: 'Move to the parent, a child or a sibling' },
      { keys: [['Home']], action: 'Move to the root' },
      { keys: [['Enter']], action: 'Inspect the focused node' },
      { keys: [['−'], ['+']], action: 'Fold / unfold the focused subtree (also double-click)' },
      { keys: [['Esc']], action: 'Clear the selection' },
      { keys: [['Wheel'], ['Drag']], action: 'Zoom / pan (Fit brings the whole tree back)' },
    ],
  },
  {
    title: 'Timeline (when focused)',
    shortcuts: [
      { keys: [['←'], ['→']], action: 'Previous / next event' },
      { keys: [['Page Down'], ['Page Up']], action: 'Previous / next iteration' },
      { keys: [['Home'], ['End']], action: 'Start / end' },
    ],
  },
  {
    title: 'Pages',
    shortcuts: [{ keys: [['L']], action: 'Switch between the visualizer and the effort lab' }],
  },
  {
    title: 'Help',
    shortcuts: [
      { keys: [['?']], action: 'Show these shortcuts' },
      { keys: [['Esc']], action: 'Close this help' },
    ],
  },
];

/** The shortcut hint for a button's tooltip, e.g. `tooltip('Next iteration', 'Shift+→ or ]')`. */
export function tooltip(action: string, keys: string): string {
  return `${action} (${keys})`;
}
