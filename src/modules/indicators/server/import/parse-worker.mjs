// Entry of the import parse worker thread (started by parse-in-worker.ts) when the code runs from its
// TypeScript sources: the CLI and the tests run through tsx or vitest, which a new thread does not inherit,
// so tsx's register() lets this thread load the parser. The built server (scripts/build-server.mjs) has its
// own parse-worker.mjs beside main.mjs, bundled from parse-worker.ts, and does not use this file.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
