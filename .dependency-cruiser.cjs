// @ts-check
/**
 * The layers' import arrows, checked by dependency-cruiser in `npm run
 * lint`: components → store → (lab, library, importers, narration, layout) → run → engines →
 * core, and no import cycles anywhere. ESLint's no-restricted-imports keeps src/core free of
 * packages; this keeps every layer's arrows and forbids cycles (which ESLint cannot see
 * across files). Tests may reach across layers (an integration test of the engines makes its
 * runs with src/run); test helpers under testing/ may too.
 */
const layer = (name, below) => ({
  name: `${name}-points-down`,
  comment: `src/${name} imports only from the layers below it: ${below.join(', ') || 'none'}.`,
  severity: 'error',
  from: { path: `^src/${name}/`, pathNot: '\\.test\\.tsx?$|/testing/' },
  to: {
    path: '^src/',
    pathNot: [`^src/${name}/`, ...below.map((b) => `^src/${b}/`)],
  },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other in a circle make behaviour depend on load order.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    layer('core', []),
    layer('engines', ['core']),
    layer('run', ['engines', 'core']),
    layer('importers', ['run', 'engines', 'core']),
    layer('library', ['run', 'engines', 'core']),
    layer('lab', ['run', 'engines', 'core']),
    layer('lessons', ['run', 'engines', 'core']),
    layer('narration', ['run', 'engines', 'core']),
    layer('layout', ['core']),
    layer('store', [
      'lab',
      'lessons',
      'library',
      'importers',
      'narration',
      'layout',
      'run',
      'engines',
      'core',
    ]),
    layer('components', [
      'store',
      'lab',
      'lessons',
      'library',
      'importers',
      'narration',
      'layout',
      'run',
      'engines',
      'core',
    ]),
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
  },
};
