import { useArbor } from './store';

/**
 * Opens or closes the lesson picker (the header's "Lessons" button). Here, apart from the
 * player's actions (`./lessonActions`, loaded with the picker), so the button costs the first
 * paint next to nothing.
 */
export function setLessonPickerOpen(open: boolean): void {
  useArbor.setState({ lessonPickerOpen: open, ...(open ? {} : { lessonError: null }) });
}
