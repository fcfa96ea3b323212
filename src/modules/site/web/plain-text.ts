/**
 * The body of a footer page is plain text, never HTML: a blank line starts a new paragraph and a run of lines
 * starting with "- " is a list. This turns it into blocks that React renders as text (so markup stays text).
 */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

const LIST_ITEM = /^\s*-\s+/;

export function parsePlainText(body: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let lines: string[] = [];
    let items: string[] = [];
    const flushLines = () => {
      if (lines.length) blocks.push({ kind: 'paragraph', text: lines.join('\n') });
      lines = [];
    };
    const flushItems = () => {
      if (items.length) blocks.push({ kind: 'list', items });
      items = [];
    };
    for (const raw of chunk.split('\n')) {
      const line = raw.trimEnd();
      if (!line.trim()) continue;
      if (LIST_ITEM.test(line)) {
        flushLines();
        items.push(line.replace(LIST_ITEM, ''));
      } else {
        flushItems();
        lines.push(line.trim());
      }
    }
    flushLines();
    flushItems();
  }
  return blocks;
}
