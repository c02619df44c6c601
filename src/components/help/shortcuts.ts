/**
 * Button tooltips that quote a shortcut. The shortcuts themselves are listed once, in
 * `./shortcutList.ts` (loaded with the help overlay, not in the first paint).
 */

/** The shortcut hint for a button's tooltip, e.g. `tooltip('Next iteration', 'Shift+→ or ]')`. */
export function tooltip(action: string, keys: string): string {
  return `${action} (${keys})`;
}
