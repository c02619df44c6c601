import { isTaskLoaded } from '../core/tasks/registry';
import { isProblem } from '../run/problems';
import { lessonLinkQuery } from '../lessons/lessonLink';
import type { LinkedView } from '../run/linkedView';
import { parseView, serializeView } from '../run/linkedView';
import { parseSettings, serializeSettings } from '../run/urlState';
import { seek, selectNode, setSettings, useArbor } from '../store';

/** The view the page's link named, until applyLinkedView shows it. */
let linked: LinkedView = { event: null, node: null };

/**
 * Reads the settings from the page's URL and keeps the URL in step with them afterwards
 * (`history.replaceState`, so changing a knob does not flood the back button), with the
 * event shown and the node inspected (run/linkedView.ts), so a link points at both. While a
 * bundled or linked lesson plays, the link is the lesson's place (lessons/lessonLink.ts).
 * @returns a function that stops the sync
 */
export function installUrlSync(win: Window = window): () => void {
  const asked = parseSettings(win.location.search);
  // main.tsx loads the linked task first; one that failed to load is asked for again, and
  // says why it cannot show (the store's withTask), while the page keeps the first task.
  setSettings(isTaskLoaded(asked.task) ? parseSettings(win.location.search, { isProblem }) : asked);
  const write = () => {
    const s = useArbor.getState();
    const view = serializeView(s);
    // A lesson playing is the link: its place, not the settings of the step's run.
    const lesson = s.lesson;
    const query =
      lesson && lesson.source.kind !== 'file'
        ? lessonLinkQuery({ source: lesson.source, chapter: lesson.chapter, step: lesson.step })
        : serializeSettings(s.settings) + (view ? `&${view}` : '');
    if (win.location.search !== `?${query}`) {
      win.history.replaceState(win.history.state, '', `${win.location.pathname}?${query}`);
    }
  };
  // Kept for applyLinkedView: the writes while the first run is made would erase it.
  linked = parseView(win.location.search);
  write();
  // While playing, the cursor moves every frame: the link follows it when playback stops
  // (a history write per frame costs more than the frame has, and browsers throttle them).
  return useArbor.subscribe((s, prev) => {
    const moved = s.cursor !== prev.cursor || s.eventCount !== prev.eventCount;
    if (
      s.settings !== prev.settings ||
      s.selectedId !== prev.selectedId ||
      s.playing !== prev.playing ||
      s.lesson !== prev.lesson ||
      (moved && !s.playing)
    ) {
      write();
    }
  });
}

/**
 * Shows the event and inspects the node the page's link names, once the run is there (call
 * after the first run is made). A number past the run is clamped by `seek`; a node that does
 * not exist is shown as such by the inspector.
 */
export function applyLinkedView(): void {
  const { event, node } = linked;
  linked = { event: null, node: null };
  if (event !== null) seek(event);
  if (node !== null) selectNode(node);
}
