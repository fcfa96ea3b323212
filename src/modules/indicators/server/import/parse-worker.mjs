// Entry of the import parse worker thread (started by parse-in-worker.ts). The server, the CLI and the tests
// run TypeScript through tsx or vitest, which a new thread does not inherit: tsx's register() lets this
// thread load the TypeScript parser.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
