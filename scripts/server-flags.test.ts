import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './build-server.mjs';

/** `npm start` runs the server with the flags the tests and the startup bench measured it with. */
describe('the node flags of the server', () => {
  it('are on the start script of package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    const words = pkg.scripts.start.split(/\s+/);
    expect(words[0]).toBe('node');
    expect(words.slice(1, -1)).toEqual([...SERVER_NODE_FLAGS]);
    expect(words.at(-1)).toBe('scripts/start.mjs');
  });
});
