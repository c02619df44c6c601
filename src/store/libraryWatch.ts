import { onRunLifecycle } from './lifecycle';

/**
 * Every run that ends or is imported is saved in the library. The listener is here, in the
 * first paint; the library's actions (`./libraryActions`, with its error words and the
 * cross-tab channel) load with the first run to save, or with the library panel just after
 * the first paint.
 */
onRunLifecycle((event) => {
  void import('./libraryActions').then((m) => m.afterRunLifecycle(event));
});
