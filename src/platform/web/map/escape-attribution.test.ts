import { describe, expect, it } from 'vitest';
import { escapeAttribution } from './escape-attribution';

describe('escapeAttribution', () => {
  it('keeps plain text as it is, © included', () => {
    expect(escapeAttribution('Kaartgegevens © Kadaster')).toBe('Kaartgegevens © Kadaster');
  });
  it('turns markup into text, so a configured attribution can never become HTML in the map', () => {
    expect(escapeAttribution('<img src=x onerror="alert(1)"> & \'co\'')).toBe('&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; &#39;co&#39;');
  });
});
