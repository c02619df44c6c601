// First: before any module builds a zod schema (see zodJitless.ts).
import '../run/zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadTask } from '../core/tasks/registry';
import type { LessonLink } from '../lessons/lessonLink';
import { parseLessonLink } from '../lessons/lessonLink';
import { parseSettings } from '../run/urlState';
import { applyLinkedView, installUrlSync } from './urlSync';
import { serverSession } from '../engines/server/session';
import { modelSession } from '../engines/webllm/session';
import {
  leaveCurrentRunUnsaved,
  recordModelUsage,
  runToEnd,
  setDraft,
  setLessonPickerOpen,
} from '../store';
import './index.css';

// A model's streamed drafts and token usage reach the store through the session's hooks.
modelSession.hooks = { onUsage: recordModelUsage, onDraft: setDraft };
// A server's streamed drafts too (several may stream at once: the latest is shown).
serverSession.hooks = {
  onDraft: (d) => setDraft(d.text === null ? null : { parentSteps: d.parentSteps, text: d.text }),
};
// The task a link names loads before anything reads the settings (only the first task is in
// the first paint: core/tasks/registry.ts). If it cannot load, the link's settings say why.
void loadTask(parseSettings(window.location.search).task)
  .catch(() => undefined)
  .then(start);

/** Opens the lesson a page link names, or says why it cannot and shows the settings' run. */
async function openLinkedLesson(link: LessonLink): Promise<void> {
  const { openLesson } = await import('../store/lessonActions');
  if (await openLesson(link.source, { chapter: link.chapter, step: link.step })) return;
  setLessonPickerOpen(true);
  await runToEnd();
}

function start(): void {
  // Read before the settings' sync rewrites the link.
  const lesson = parseLessonLink(window.location.search);
  installUrlSync();
  // The tests' and benchmarks' handle (window.arbor), fetched after the first paint: they
  // wait for it.
  void import('./testHook').then((m) => m.installTestHook());
  // The screen is never empty: the run the settings describe is computed at once (the
  // simulated engine needs no download) and shown finished; Home or Reset goes back to the
  // start. It is not saved in the library on every load ("Save run" saves it).
  leaveCurrentRunUnsaved();
  // A lesson link opens the lesson at its place (its step makes its own run); one that
  // cannot open says why in the lesson picker, over the run its settings describe.
  if (lesson === null) void runToEnd().then(() => applyLinkedView());
  else void openLinkedLesson(lesson);

  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
