import { describe, expect, it } from 'vitest';
import { CompressedAnswers } from './compressed-answers.js';

describe('CompressedAnswers', () => {
  it('compresses an answer once per ETag and encoding', () => {
    const answers = new CompressedAnswers();
    let made = 0;
    const compress = (bytes: string) => () => {
      made += 1;
      return Buffer.from(bytes);
    };
    expect(answers.get('W/"a"', 'br', compress('a-br')).toString()).toBe('a-br');
    expect(answers.get('W/"a"', 'br', compress('other')).toString()).toBe('a-br');
    expect(answers.get('W/"a"', 'gzip', compress('a-gz')).toString()).toBe('a-gz');
    expect(answers.get('W/"b"', 'br', compress('b-br')).toString()).toBe('b-br');
    expect(made).toBe(3);
  });

  it('keeps at most its byte budget, letting the least recently used go first', () => {
    const answers = new CompressedAnswers(10);
    const bytes = (n: number) => () => Buffer.alloc(n);
    answers.get('W/"a"', 'br', bytes(4));
    answers.get('W/"b"', 'br', bytes(4));
    answers.get('W/"a"', 'br', bytes(4)); // a used again: b is now the oldest
    answers.get('W/"c"', 'br', bytes(4));
    expect(answers.size).toBe(2);
    expect(answers.totalBytes).toBe(8);
    let madeAgain = false;
    answers.get('W/"a"', 'br', () => {
      madeAgain = true;
      return Buffer.alloc(4);
    });
    expect(madeAgain).toBe(false);
    answers.get('W/"b"', 'br', () => {
      madeAgain = true;
      return Buffer.alloc(4);
    });
    expect(madeAgain).toBe(true);
    // A copy larger than the whole budget is sent but not kept.
    expect(answers.get('W/"huge"', 'gzip', bytes(50)).length).toBe(50);
    expect(answers.totalBytes).toBeLessThanOrEqual(10);
  });
});
