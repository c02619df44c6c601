import type { RunSettings } from '../run/settings';
import { DEFAULT_SETTINGS } from '../run/settings';

/** What determines a run. Changing it resets the run (see `setSettings`). */
export interface SettingsSlice {
  settings: RunSettings;
}

/** The settings slice: the defaults until the app reads the URL. */
export const createSettingsSlice = (): SettingsSlice => ({
  settings: DEFAULT_SETTINGS,
});
