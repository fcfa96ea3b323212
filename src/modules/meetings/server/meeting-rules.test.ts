import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES } from '../contract.js';
import { ALLOWED_STATUS_CHANGES, statusChangeProblem } from './action-workflow.js';
import { addDays, calendarDate, daysBetween, isOverdue } from './calendar-date.js';
import { closeBlockers, meetingAreaProblem } from './meetings.service.js';

describe('action workflow', () => {
  const cases = ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => ({ from, to })));
  it.each(cases)('$from → $to', ({ from, to }) => {
    const allowed = from === to || ALLOWED_STATUS_CHANGES[from].includes(to);
    expect(statusChangeProblem(from, to, true) === null).toBe(allowed);
    const ownerMayToo = allowed && (from === to || (from !== 'cancelled' && to !== 'cancelled'));
    expect(statusChangeProblem(from, to, false) === null).toBe(ownerMayToo);
  });
});

describe('calendar dates', () => {
  it('turns the day over at midnight in the Netherlands, not UTC', () => {
    expect(calendarDate(new Date('2026-11-21T22:59:59Z'))).toBe('2026-11-21');
    expect(calendarDate(new Date('2026-11-21T23:00:00Z'))).toBe('2026-11-22');
    expect(calendarDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
  it('counts days and adds them across month ends', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-11-18', '2026-11-22')).toBe(4);
  });
  it('calls an open action overdue only after its due day', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-11-21' }, '2026-11-22')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueDate: '2026-11-21' }, '2026-11-22')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-11-22' }, '2026-11-22')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-11-01' }, '2026-11-22')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueDate: '2026-11-01' }, '2026-11-22')).toBe(false);
  });
});

describe('what keeps a meeting open', () => {
  const item = (id: string, reason: string | null = null) => ({ id, meeting_id: 'm', position: Number(id.slice(1)), title: `Punt ${id}`, description: '', no_decision_reason: reason });
  const decision = (id: string, itemId: string, requiresAction = true) => ({ id, meeting_id: 'm', agenda_item_id: itemId, text: `Besluit ${id}`, requires_action: requiresAction, created_at: new Date(), is_public: false });
  it('names every item without outcome and every decision without a live action', () => {
    const blockers = closeBlockers([item('i1'), item('i2', 'Uitgesteld naar volgend overleg'), item('i3'), item('i4')], [decision('d3', 'i3'), decision('d4', 'i4', false)], [{ decision_id: 'd3', status: 'cancelled' }]);
    expect(blockers.map((b) => b.path)).toEqual(['agendaItems.0', 'agendaItems.2.decisions.d3']);
  });
  it('lets a meeting close when each item has an outcome and each decision its action', () => {
    expect(closeBlockers([item('i1'), item('i2', 'Geen punten')], [decision('d1', 'i1')], [{ decision_id: 'd1', status: 'done' }])).toEqual([]);
    expect(closeBlockers([], [], [])).toHaveLength(1);
  });
});

describe('the area of a meeting', () => {
  const area = (level: string, municipalityCode = 'GM0505') => ({ level, municipalityCode });
  it('accepts any wijk, buurt or focus area of the municipality', () => {
    for (const level of ['wijk', 'buurt', 'focus']) expect(meetingAreaProblem(area(level), 'GM0505')).toBeNull();
  });
  it('names what is wrong otherwise', () => {
    expect(meetingAreaProblem(null, 'GM0505')).toBe('unknown_area');
    expect(meetingAreaProblem(area('gemeente', 'GM0363'), 'GM0505')).toBe('not_an_area');
    expect(meetingAreaProblem(area('land', 'NL01'), 'GM0505')).toBe('not_an_area');
    expect(meetingAreaProblem(area('buurt', 'GM0363'), 'GM0505')).toBe('other_municipality');
  });
});
