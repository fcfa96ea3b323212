import { describe, expect, it } from 'vitest';
import { parsePlainText } from './plain-text';

describe('parsePlainText', () => {
  it('makes paragraphs of blank-line separated text and lists of "- " lines', () => {
    const body = 'Eerste alinea\nloopt door.\n\n\nTweede alinea:\n- een\n- twee\nNa de lijst.\r\n\r\n-   drie';
    expect(parsePlainText(body)).toEqual([
      { kind: 'paragraph', text: 'Eerste alinea\nloopt door.' },
      { kind: 'paragraph', text: 'Tweede alinea:' },
      { kind: 'list', items: ['een', 'twee'] },
      { kind: 'paragraph', text: 'Na de lijst.' },
      { kind: 'list', items: ['drie'] },
    ]);
  });

  it('keeps markup as text and a dash without a space as text', () => {
    expect(parsePlainText('<script>alert(1)</script>\n-geen lijst')).toEqual([{ kind: 'paragraph', text: '<script>alert(1)</script>\n-geen lijst' }]);
    expect(parsePlainText('   \n\n  ')).toEqual([]);
  });
});
