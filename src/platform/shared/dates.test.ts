import { describe, expect, it } from 'vitest';
import { IsoDate, IsoDateTime } from './dates.js';

describe('IsoDate', () => {
  it.each(['2026-12-06', '1900-01-01', '2199-12-31', '2024-02-29'])('takes %s', (value) => {
    expect(IsoDate.safeParse(value).success).toBe(true);
  });
  it.each(['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31', '2023-02-29', '2026-13-01', '2026-1-1', '+02026-01-01', ''])('refuses %s', (value) => {
    expect(IsoDate.safeParse(value).success).toBe(false);
  });
});

describe('IsoDateTime', () => {
  it.each(['2026-10-01T21:30:00Z', '2026-10-01T21:30:00+02:00', '1900-01-01T00:00:00Z'])('takes %s', (value) => {
    expect(IsoDateTime.safeParse(value).success).toBe(true);
  });
  it.each(['0000-01-01T00:00:00Z', '2200-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2026-10-01 21:30'])('refuses %s', (value) => {
    expect(IsoDateTime.safeParse(value).success).toBe(false);
  });
});
