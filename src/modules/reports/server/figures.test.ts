import { describe, expect, it } from 'vitest';
import { activityFigures, doorpakFigures, median } from './figures.js';
import { FIXTURE } from './report-fixture.js';

/** The figures of the hand-computed snapshot (docs/reports.md "Worked example"). */
const period = { start: FIXTURE.periodStart, end: FIXTURE.peildatum };

describe('doorpak figures', () => {
  const f = doorpakFigures(FIXTURE.content.meetings, period);
  it('counts meetings, agenda items and the share that ended in a decision within the period', () => {
    expect(f).toMatchObject({ meetings: 2, agendaItems: 5, itemsWithDecision: 4, decisions: 4 });
    expect(f.decisionShare).toBe(0.8);
  });
  it('counts actions agreed (cancelled left out), done on time and late', () => {
    expect(f).toMatchObject({ actions: 5, actionsDoneOnTime: 1, actionsDoneLate: 2 });
  });
  it('takes the median of 8, 29 and 15 days from meeting to action done: 15', () => {
    expect(f.medianDaysDecisionToDone).toBe(15);
  });
  it('counts overdue actions of every meeting up to the peildatum, also before the period', () => {
    expect(f.actionsOverdue).toBe(2);
  });
  it('an action due on the peildatum is not late yet', () => {
    const due = doorpakFigures(FIXTURE.content.meetings, { start: period.start, end: '2026-04-01' });
    // A3 is due on 1 April: not late on 1 April; A0 (due December) is.
    expect(due.actionsOverdue).toBe(1);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[4], 4],
    [[3, 1], 2],
    [[5, 1, 3, 10], 4],
  ])('%j → %s', (values, expected) => expect(median(values)).toBe(expected));
});

describe('activity figures', () => {
  it('started and finished within the period, slipping at the peildatum', () => {
    const a = activityFigures(FIXTURE.content.activities, period);
    expect(a.started.map((x) => x.name)).toEqual(['Renovatie portiekflats']);
    expect(a.finished.map((x) => x.name)).toEqual(['Schuldhulp in de wijk']);
    expect(a.slipping.map((x) => x.name)).toEqual(['Jongerenaanpak']);
  });
});
