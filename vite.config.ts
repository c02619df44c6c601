import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { FAMILIES } from './src/engines/server/families';

/** Plain-http sources for the inference servers' default ports, on any host. */
const SERVER_HTTP_SOURCES = [
  ...new Set(Object.values(FAMILIES).flatMap((f) => f.defaultPorts)),
].map((port) => `http://*:${port}`);

/**
 * The Content-Security-Policy of the production build: only what the app needs. Sent as a
 * `<meta http-equiv>` (the app is static files, often on a host that cannot set headers), so
 * `frame-ancestors`, `report-to` and `sandbox` cannot be set here (a meta policy ignores
 * them): a host that can send headers should add `frame-ancestors 'none'` itself.
 */
const CSP: Record<string, readonly string[]> = {
  'default-src': ["'self'"],
  // No inline script and no eval; web-llm compiles its model library and tokenizer as
  // WebAssembly, and the tiny model's worker compiles onnxruntime-web's .wasm (a file of the
  // build), which needs 'wasm-unsafe-eval' (it allows WebAssembly.compile/instantiate, not
  // JavaScript eval).
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The web-llm and tiny-model workers are files of the build (`new Worker(new URL(...))`);
  // nothing makes blob: workers (onnxruntime-web's proxy worker is off), so blob: is not
  // allowed.
  'worker-src': ["'self'"],
  'connect-src': [
    "'self'",
    // The prebuilt models (web-llm's prebuiltAppConfig): weights and configs on Hugging Face,
    // which redirects downloads to its CDNs (cdn-lfs*.huggingface.co, cas-bridge.xethub.hf.co,
    // cdn-lfs-us-1.hf.co, ...: a CSP wildcard matches subdomains at any depth) ...
    'https://huggingface.co',
    'https://*.huggingface.co',
    'https://*.hf.co',
    // ... and the model libraries (.wasm) in mlc-ai/binary-mlc-llm-libs on GitHub.
    'https://raw.githubusercontent.com',
    // Custom models live wherever their user puts them (a lab server, a bucket, a CDN), so
    // any https: host is allowed, and plain http only on this machine (an https page may
    // only reach http://localhost; WebGPU needs a secure page). Restricting this would break
    // custom models and protect little: Arbor holds no credentials or private data to send,
    // and script-src already keeps injected code from running. A deployment without custom
    // models can drop these three and keep the hosts above.
    'https:',
    'http://localhost:*',
    'http://127.0.0.1:*',
    // Researchers serve models over plain http on a LAN address (issue 13). A CSP source
    // cannot name a private address range, and `https:` is open already, so a blanket `http:`
    // would protect little; still, plain http goes only to the inference servers' own default
    // ports (vLLM 8000, SGLang 30000, llama.cpp 8080 and 9931, Ollama 11434), read from the
    // server families' table so the list lives in one place. A server elsewhere is reachable
    // over https.
    ...SERVER_HTTP_SOURCES,
  ],
  // data: for the favicon, blob: for the PNG export (the SVG is drawn from a blob: URL).
  'img-src': ["'self'", 'data:', 'blob:'],
  // The stylesheet is a file; React and d3 set styles through the CSSOM (element.style),
  // which style-src does not govern, so no 'unsafe-inline' (e2e/csp.spec.ts checks that no
  // violation is reported).
  'style-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** The policy as the meta tag's content. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/**
 * Puts the policy in the built page only, right after `<meta charset>` and before any script
 * or stylesheet (a meta policy governs only what comes after it). Not in the dev server:
 * React's fast refresh there needs an inline script.
 */
function contentSecurityPolicy(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  return {
    name: 'arbor-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(charset)) {
          throw new Error(`index.html has no ${charset} to put the Content-Security-Policy after`);
        }
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
        return html.replace(charset, `${charset}\n    ${meta}`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  server: { host: '127.0.0.1' },
  build: {
    // web-llm ships as one 6 MB file (its `lib` chunk and the model worker), fetched only when a
    // model loads; no other chunk comes near this. What the first paint fetches is held to its
    // own budget by `npm run check:size` (scripts/checkFirstPaint.ts).
    chunkSizeWarningLimit: 6500,
  },
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['src/core/testing/allTasks.ts'],
    testTimeout: 30_000,
    // The JSON report is what .ci/run counts; the default reporter is for people.
    reporters: ['default', ['json', { outputFile: '.reports/unit.json' }]],
  },
});
