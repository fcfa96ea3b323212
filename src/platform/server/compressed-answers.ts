import type { AnswerEncoding } from './compression.js';

/**
 * Compressed copies of answers that many callers get alike (the aggregate figures), by ETag and encoding,
 * so that a map asked for again and again is compressed once, not at every request: compressing even a
 * 3 KB answer costs about as much CPU as the rest of a remembered read. The ETag is a hash of the
 * uncompressed bytes, so a copy can only ever be sent for exactly the bytes it was made from; a change in
 * the data gives new ETags, and the old copies leave as the least recently used.
 */
export class CompressedAnswers {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 16 * 1024 * 1024) {}

  /** The copy of the answer with this ETag in this encoding, made with `compress` when there is none yet. */
  get(etag: string, encoding: AnswerEncoding, compress: () => Buffer): Buffer {
    const key = `${encoding} ${etag}`;
    const kept = this.entries.get(key);
    if (kept) {
      // Most recently used last, so the oldest is first in line to go.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const made = compress();
    if (made.length > this.maxBytes) return made;
    this.entries.set(key, made);
    this.bytes += made.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.length;
    }
    return made;
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
