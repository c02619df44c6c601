import { onRunLifecycle } from './lifecycle';
import { exportRun } from './runActions';
import { useArbor } from './store';

/**
 * Every run that ends or is imported is saved in the library. The listener is here, in the
 * first paint; the library's actions (`./libraryActions`, with its error words and the
 * cross-tab channel) load with the first run to save, or with the library panel just after
 * the first paint. An imported file is taken as it is now, since the user may have opened
 * another by the time the library's code has loaded and the page has drawn the import.
 */
onRunLifecycle((event) => {
  const taken =
    event.type === 'imported' && event.origin.kind !== 'library'
      ? { trace: useArbor.getState().trace, file: exportRun() }
      : null;
  void import('./libraryActions').then((m) => m.afterRunLifecycle(event, taken));
});
