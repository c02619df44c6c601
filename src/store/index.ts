/** The store and its actions: what components, the app and the test hook import. */
// Listeners of the run lifecycle (lifecycle.ts): the cache-aware saving estimate. The run
// library's listener is imported below.
import './modelSaving';
export { useArbor } from './store';
export type { Store } from './store';
export type { RunStatus } from './runSlice';
export { DEFAULT_SPEED, SPEEDS } from './playbackSlice';
export {
  advance,
  continueRun,
  dismissImportError,
  exportRun,
  chooseImportRecord,
  dismissImportChoices,
  importRun,
  importRunFile,
  reset,
  runToEnd,
  seek,
  setSettings,
  step,
  stopRun,
} from './runActions';
export { pause, play, setSpeed, togglePlay } from './playback';
export { answerSoFar, focusPath, lastEventType, rootN } from './selectors';
export type { SettingsOf, SettingsPatch } from './settingsActions';
export {
  mergeSettings,
  runInArbor,
  setAlgorithm,
  setEngineKind,
  setTask,
  switchEngine,
  updateEngine,
  updateSearch,
  updateSettings,
  updateServer,
  updateWebLlm,
  updateTiny,
} from './settingsActions';
export { loadTinyModel } from './tinyActions';
export type { BacktrackView, Theme, ViewSlice } from './viewSlice';
export {
  expandAll,
  hoverNode,
  selectNode,
  setBacktrackView,
  setShowAdvantages,
  setHelpOpen,
  setPresenting,
  setTheme,
  togglePresenting,
  toggleCollapsed,
  toggleTheme,
} from './viewActions';
export {
  goToEnd,
  goToStart,
  isIterationEnd,
  iterationAt,
  iterationEnds,
  nextIteration,
  nextIterationEnd,
  nextPhase,
  previousPhase,
  nextSpeed,
  previousEvent,
  previousIteration,
  previousIterationEnd,
  slowDown,
  speedUp,
} from './navigation';
export type {
  CacheState,
  DownloadSize,
  ModelDraft,
  ModelLoadState,
  ModelSlice,
  ModelStats,
} from './modelSlice';
export {
  cancelLoad,
  checkDownloadSize,
  deleteCached,
  detectGpu,
  dismissLoadError,
  loadModelById,
  refreshCached,
  switchToLoadedModel,
  switchToSimulated,
  unloadModel,
} from './modelActions';
export { recordModelUsage, resetModelStats, setDraft, setPrefillSaved } from './modelStats';
export type { LibrarySlice } from './librarySlice';
// Every run that ends or is imported is saved (./libraryWatch); the library's actions
// (./libraryActions) are imported by the library panel, which loads after the first paint.
import './libraryWatch';
export { leaveCurrentRunUnsaved } from './unsavedRun';
export type { LabGrid, LabGridStatus, LabPage, LabSlice, LabState } from './labSlice';
export { defaultLabDraft, defaultProblemIds } from './labSlice';
// The lab's actions (`./labActions`, `./labCells`) are imported by the lab page itself, which
// loads on demand: re-exported here they would sit in the first paint.
export { setLabPage } from './labPage';
export type { CellPick } from './labCells';
export type { CompareSlice, ComparedRun, Comparison } from './compareSlice';
export { closeComparison, dismissCompareError, openComparison } from './compareActions';
export type { LessonShown, LessonSlice, LessonSource, OpenLesson } from './lessonSlice';
export { currentStep, lessonExploring, lessonHighlight } from './lessonSlice';
// The lesson player's actions (`./lessonActions`) load with the lesson picker or a lesson link.
export { setLessonPickerOpen } from './lessonPicker';
export type { ServerConnection } from './serverSlice';
export {
  REMEMBERED_KEY,
  chooseServerModel,
  connectToServer,
  disconnectFromServer,
  rememberedServer,
} from './serverActions';
export type { GivenAnswer, KeptAnswer, OpenQuestion, QuestionSlice, Score } from './questionSlice';
export { keepAnswer, scoreOf } from './questionSlice';
// Posing, answering and revealing (`./questionActions`, with the question core) load with the
// lesson player; the tree's pick is here.
export { awaitsPick, pickCandidate, pickNode } from './questionPicks';
