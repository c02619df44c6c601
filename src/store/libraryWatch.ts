import { onRunLifecycle } from './lifecycle';
import { exportRun } from './runActions';
import { useArbor } from './store';

/**
 * Every run that ends or is imported is saved in the library. The listener is here, in the
 * first paint; the library's actions (`./libraryActions`, with its error words and the
 * cross-tab channel) load with the first run to save, or with the library panel just after
 * the first paint. The run is taken as it is now (its trace and its file), since the user
 * may have started or opened another by the time the library's code has loaded.
 */
onRunLifecycle((event) => {
  const taken = { trace: useArbor.getState().trace, file: exportRun() };
  void import('./libraryActions').then((m) => m.afterRunLifecycle(event, taken));
});
