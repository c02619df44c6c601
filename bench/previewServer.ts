import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Serves a production build with `vite preview` on 127.0.0.1:`port` for the browser
 * benchmarks, and resolves once it answers (at most 60 s). Vite runs as this process's
 * direct child (not under `npx`, which starts a shell and does not pass signals on), so
 * `server.kill()` stops it and frees the port.
 * @param outDir the build folder (each benchmark builds its own)
 */
export async function startPreview(port: number, outDir: string): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}
