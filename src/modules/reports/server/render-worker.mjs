// Entry of the render worker thread (started by render-pool.ts) when the code runs from its TypeScript
// sources: the CLI, the benchmarks and the tests run through tsx or vitest, which a new thread does not
// inherit, so tsx's register() lets this thread load the renderers. The built server
// (scripts/build-server.mjs) has its own render-worker.mjs beside main.mjs, bundled from render-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
