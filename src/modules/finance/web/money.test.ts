import { afterEach, describe, expect, it } from 'vitest';
import { setDisplayLocale } from '../../../platform/web/i18n/format';
import { euro, parseEuroInput } from './money';

afterEach(() => setDisplayLocale('nl'));

describe('amounts typed and shown in the language of the app', () => {
  it('reads Dutch separators in Dutch and English ones in English', () => {
    setDisplayLocale('nl');
    expect(parseEuroInput('12.500')).toBe(1_250_000);
    expect(parseEuroInput('1234,56')).toBe(123_456);
    expect(euro(4_808_200)).toBe('€\u00a048.082');
    setDisplayLocale('en');
    expect(parseEuroInput('12,500')).toBe(1_250_000);
    expect(parseEuroInput('1234.56')).toBe(123_456);
    expect(parseEuroInput('-40,000')).toBeNull();
    expect(euro(4_808_200)).toBe('€\u00a048,082');
  });
});
