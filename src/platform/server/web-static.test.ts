import { describe, expect, it } from 'vitest';
import { cacheControlForWebFile } from './web-static.js';

describe('cacheControlForWebFile', () => {
  const year = 'public, max-age=31536000, immutable';
  it.each([
    ['/srv/dist/web/assets/index-CKMsUg5M.js', year],
    ['/srv/dist/web/assets/index-CKMsUg5M.js.br', year],
    ['/srv/dist/web/assets/index-PlZokuA8.css.gz', year],
    ['/srv/dist/web/assets/figures--oGWxTSY.js', year],
    ['/srv/dist/web/assets/noto-sans-latin-wght-normal-BYSzYMf3.woff2', year],
    ['C:\\app\\dist\\web\\assets\\vendor-CYTIABd-.js', year],
    ['/srv/dist/web/index.html', 'no-cache'],
    ['/srv/dist/web/favicon.svg', 'no-cache'],
    // Not in assets/, or no hash of the build's length: asked again every time.
    ['/srv/dist/web/robots-CKMsUg5M.txt', 'no-cache'],
    ['/srv/dist/web/assets/logo.svg', 'no-cache'],
    ['/srv/dist/web/assets/index-short.js', 'no-cache'],
  ])('%s → %s', (file, expected) => {
    expect(cacheControlForWebFile(file)).toBe(expected);
  });
});
