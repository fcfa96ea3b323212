import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressWebAssets } from './precompress-web.js';

describe('precompressWebAssets', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .br and .gz beside compressible files that decompress to the original; skips small and binary files', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wijkregie-precompress-'));
    mkdirSync(path.join(dir, 'assets'));
    const script = `export const words = ${JSON.stringify('buurt wijk gemeente '.repeat(500))};\n`;
    const style = `.wr-map { color: red; }\n`.repeat(200);
    writeFileSync(path.join(dir, 'assets', 'index-AbCdEf12.js'), script);
    writeFileSync(path.join(dir, 'assets', 'index-AbCdEf12.css'), style);
    writeFileSync(path.join(dir, 'assets', 'font-AbCdEf12.woff2'), Buffer.alloc(4096, 7));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Wijkregie</title>');

    const result = await precompressWebAssets(dir);

    expect(result.files).toBe(2);
    for (const [file, content] of [['index-AbCdEf12.js', script], ['index-AbCdEf12.css', style]] as const) {
      const base = path.join(dir, 'assets', file);
      expect(brotliDecompressSync(readFileSync(`${base}.br`)).toString('utf8')).toBe(content);
      expect(gunzipSync(readFileSync(`${base}.gz`)).toString('utf8')).toBe(content);
    }
    expect(existsSync(path.join(dir, 'assets', 'font-AbCdEf12.woff2.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'index.html.br'))).toBe(false);
    expect(result.brotliBytes).toBeLessThan(result.bytes / 5);
  });
});
