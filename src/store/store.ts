import { create } from 'zustand';
import type { CompareSlice } from './compareSlice';
import { createCompareSlice } from './compareSlice';
import type { LabSlice } from './labSlice';
import { createLabSlice } from './labSlice';
import type { LibrarySlice } from './librarySlice';
import { createLibrarySlice } from './librarySlice';
import type { LessonSlice } from './lessonSlice';
import { createLessonSlice } from './lessonSlice';
import type { ModelSlice } from './modelSlice';
import { createModelSlice } from './modelSlice';
import type { PlaybackSlice } from './playbackSlice';
import { createPlaybackSlice } from './playbackSlice';
import type { QuestionSlice } from './questionSlice';
import { createQuestionSlice } from './questionSlice';
import type { RunSlice } from './runSlice';
import { createRunSlice, deriveStatus } from './runSlice';
import type { SettingsSlice } from './settingsSlice';
import { createSettingsSlice } from './settingsSlice';
import type { ServerSlice } from './serverSlice';
import { createServerSlice } from './serverSlice';
import type { TinySlice } from './tinySlice';
import { createTinySlice } from './tinySlice';
import type { ViewSlice } from './viewSlice';
import { createViewSlice } from './viewSlice';

/**
 * Arbor's one store, combined from typed slices (zustand's slices pattern).
 * The slices hold state only (each is its initial state, importing nothing of the store, so
 * the slices sit at the bottom of the store's import graph): actions are module functions (`./runActions`, `./playback`,
 * `./settingsActions`, `./viewActions`, `./modelActions`, `./libraryActions`, `./labActions`, `./compareActions`, `./lessonActions`, `./questionActions`), so the runner
 * and the test hook call them without hooks.
 */
export type Store = SettingsSlice &
  RunSlice &
  PlaybackSlice &
  ViewSlice &
  ModelSlice &
  LibrarySlice &
  LabSlice &
  ServerSlice &
  CompareSlice &
  TinySlice &
  LessonSlice &
  QuestionSlice;

/** The store hook. Select narrowly: `useArbor((s) => s.cursor)`. */
export const useArbor = create<Store>()(() => ({
  ...createSettingsSlice(),
  ...createRunSlice(),
  ...createPlaybackSlice(),
  ...createViewSlice(),
  ...createModelSlice(),
  ...createLibrarySlice(),
  ...createLabSlice(),
  ...createServerSlice(),
  ...createCompareSlice(),
  ...createTinySlice(),
  ...createLessonSlice(),
  ...createQuestionSlice(),
}));

/** Sets part of the state and recomputes `status` from the result. */
export function update(patch: Partial<Store>): void {
  useArbor.setState((s) => ({ ...patch, status: deriveStatus({ ...s, ...patch }) }));
}
