import { describe, expect, it } from 'vitest';
import type { WorklistItem } from '../../worklist/index.js';
import { composeMail } from './mail-text.js';
import { notificationKindOf } from './notify.service.js';

const item = (over: Partial<WorklistItem>): WorklistItem => ({
  key: 'k',
  section: 'upcoming',
  kind: 'action',
  title: 'Titel',
  context: null,
  dueDate: null,
  daysOverdue: null,
  urgency: 'info',
  href: '/overleggen/1',
  person: null,
  amountCents: null,
  detail: null,
  at: null,
  signal: null,
  ...over,
});

describe('which worklist items are notifications', () => {
  const today = '2026-12-07';
  it('tells of an own action due within 3 days, or late, but not of one due later', () => {
    expect(notificationKindOf(item({ dueDate: '2026-12-10' }), today)).toBe('deadline');
    expect(notificationKindOf(item({ dueDate: '2026-12-11' }), today)).toBeNull();
    expect(notificationKindOf(item({ section: 'overdue', dueDate: '2026-11-01' }), today)).toBe('deadline');
  });

  it('tells of approvals, escalations and new actions, and of nothing else', () => {
    expect(notificationKindOf(item({ kind: 'finance_entry', section: 'waiting' }), today)).toBe('approval');
    expect(notificationKindOf(item({ kind: 'threshold_change', section: 'waiting' }), today)).toBe('approval');
    expect(notificationKindOf(item({ kind: 'line_proposal', section: 'waiting' }), today)).toBe('approval');
    expect(notificationKindOf(item({ kind: 'escalation', section: 'signals' }), today)).toBe('escalation');
    expect(notificationKindOf(item({ kind: 'change', section: 'recent', detail: 'assigned' }), today)).toBe('action');
    expect(notificationKindOf(item({ kind: 'change', section: 'recent', detail: 'status' }), today)).toBeNull();
    expect(notificationKindOf(item({ kind: 'action_follow_up', section: 'overdue', dueDate: '2026-11-01' }), today)).toBeNull();
    for (const kind of ['money', 'goal_off_track', 'activity_past_end'] as const) expect(notificationKindOf(item({ kind, section: 'signals' }), today)).toBeNull();
  });
});

describe('a notification mail', () => {
  it('has one line per item with kind and title, then its link; a title cannot add lines', () => {
    const { subject, text } = composeMail({
      locale: 'nl',
      baseUrl: 'https://wijkregie.example.org/',
      digest: false,
      items: [
        { kind: 'approval', title: 'Factuur\r\nBcc: iemand@example.org', href: '/financien/accordering' },
        { kind: 'approval', title: '', href: '/financien/accordering' },
      ],
    });
    expect(subject).toBe('Wijkregie: 2 nieuwe meldingen');
    expect(text.split('\n')).toEqual([
      'Hallo,',
      '',
      'Er staat iets nieuws op je werklijst in Wijkregie:',
      '',
      '- Wacht op jouw goedkeuring: Factuur Bcc: iemand@example.org',
      '  https://wijkregie.example.org/financien/accordering',
      '- Wacht op jouw goedkeuring: een nieuwe goedkeuringsgrens',
      '  https://wijkregie.example.org/financien/accordering',
      '',
      'Je kiest zelf waarover en hoe je meldingen krijgt:',
      'https://wijkregie.example.org/meldingen',
      '',
    ]);
  });

  it('is in English for an English-speaking person', () => {
    expect(composeMail({ locale: 'en', baseUrl: 'https://x.example', digest: true, items: [{ kind: 'deadline', title: 'T', href: '/a' }] }).subject).toBe('Wijkregie: your notification of today');
  });
});
