import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indicatorLabels } from './indicator-labels';

const indicator = (code: string, name: string, theme: string, unit = 'aantal', source = 'CBS 85984NED') => ({ code, name, theme, unit, source });

describe('indicator labels', () => {
  it('keeps a unique name as it is', () => {
    expect(indicatorLabels([indicator('inhabitants', 'Aantal inwoners', 'Bevolking')]).get('inhabitants')).toBe('Aantal inwoners');
  });

  it('adds the first part of the theme where repeated names differ', () => {
    const labels = indicatorLabels([
      indicator('el', 'Appartement', 'Energie > Gemiddelde elektriciteitslevering > Naar woningtype', 'kWh'),
      indicator('gas', 'Appartement', 'Energie > Gemiddeld aardgasverbruik > Naar woningtype', 'm³'),
    ]);
    expect([labels.get('el'), labels.get('gas')]).toEqual(['Appartement (Gemiddelde elektriciteitslevering)', 'Appartement (Gemiddeld aardgasverbruik)']);
  });

  it('adds the unit, or else the source, where the themes are the same', () => {
    const byUnit = indicatorLabels([indicator('a', 'Inkomen', 'Inkomen', 'euro'), indicator('b', 'Inkomen', 'Inkomen', '%')]);
    expect([byUnit.get('a'), byUnit.get('b')]).toEqual(['Inkomen (euro)', 'Inkomen (%)']);
    const bySource = indicatorLabels([indicator('a', 'Inkomen', 'Inkomen', 'euro', 'CBS 2023'), indicator('b', 'Inkomen', 'Inkomen', 'euro', 'CBS 2024')]);
    expect([bySource.get('a'), bySource.get('b')]).toEqual(['Inkomen (CBS 2023)', 'Inkomen (CBS 2024)']);
  });

  it('gives every indicator of the demo catalogue a label of its own', () => {
    const file = new URL('../../../../../data/demo/indicator-catalogue.json', import.meta.url);
    const catalogue = (JSON.parse(readFileSync(file, 'utf8')) as { items: { code: string; name: string; theme: string; unit: string; source: string }[] }).items;
    expect(catalogue.length).toBeGreaterThan(100);
    const labels = indicatorLabels(catalogue);
    expect(labels.size).toBe(catalogue.length);
    expect(new Set(labels.values()).size).toBe(catalogue.length);
  });
});
