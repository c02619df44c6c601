/**
 * Writes `public/lessons/runs/paper-mcts.json`, the bundled course's hand-worked MCTS tree
 * (scripts/lessons/paperRunFile.ts). Run: npm run lessons:runs
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PAPER_RUN_PATH, paperRunText } from './paperRunFile';

const out = fileURLToPath(new URL(`../../public/${PAPER_RUN_PATH}`, import.meta.url));
writeFileSync(out, paperRunText());
console.log(`wrote ${out}`);
