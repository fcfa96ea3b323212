// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PlainTextBody } from './PlainTextBody';

afterEach(cleanup);

describe('PlainTextBody', () => {
  it('shows markup as text: no element is made from the body', () => {
    const { container } = render(<PlainTextBody body={'<script>alert(1)</script>\n\n- <img src=x onerror=alert(2)>\n- twee'} />);
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.querySelector('p')?.textContent).toBe('<script>alert(1)</script>');
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['<img src=x onerror=alert(2)>', 'twee']);
  });
});
