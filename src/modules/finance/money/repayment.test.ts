import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { repaymentSignal } from './funding-risk.js';
import { repaymentRisk, type RepaymentInput } from './repayment.js';

/** Hand-computed cases of docs/finance.md "Repayment risk"; amounts in cents. */
const signalOf = (input: RepaymentInput) => repaymentSignal(repaymentRisk(input), input);

describe('repayment risk', () => {
  it('Preventie met Gezag in the demo: spent more than received after the period, so nothing is owed back', () => {
    // Total € 4.301.208; three tranches of € 1.075.302 received = € 3.225.906; € 3.435.000 spent by 30 June 2026.
    const input: RepaymentInput = {
      repayUnspent: true,
      totalCents: 430_120_800,
      receivedCents: 3 * 107_530_200,
      spentCents: 35_000_000 + 115_000_000 + 132_500_000 + 61_000_000,
      openCommitmentCents: 0,
      spendFrom: '2023-07-01',
      spendUntil: '2026-06-30',
      today: '2026-12-06',
    };
    expect(repaymentRisk(input)).toEqual({
      phase: 'ended',
      usableCents: 343_500_000,
      repaymentCents: 0,
      // € 3.435.000 − € 3.225.906: the funder still owes € 209.094 on the spend (the late fourth tranche covers it).
      stillToReceiveCents: 20_909_400,
      // € 4.301.208 − € 3.435.000 = € 866.208 lapses: it never came in, so it is not paid back.
      unusedCents: 86_620_800,
    });
    expect(signalOf(input)).toBeNull();
  });

  const ended: RepaymentInput = { repayUnspent: true, totalCents: 100_000_000, receivedCents: 75_000_000, spentCents: 60_000_000, openCommitmentCents: 5_000_000, spendFrom: '2025-01-01', spendUntil: '2026-12-31', today: '2027-01-01' };

  it('after the period: received − (spent + open commitments), with what lapses apart', () => {
    // € 750.000 received, € 600.000 spent and € 50.000 committed: € 100.000 back; € 350.000 of the total lapses.
    expect(repaymentRisk(ended)).toEqual({ phase: 'ended', usableCents: 65_000_000, repaymentCents: 10_000_000, stillToReceiveCents: 0, unusedCents: 35_000_000 });
    expect(signalOf(ended)).toEqual({ level: 'alert', code: 'repayment_due', amountCents: 10_000_000, date: '2026-12-31', subject: null });
  });

  it('never owes back more than was received, nor less than nothing', () => {
    // Nothing spent: everything received goes back, not the total.
    expect(repaymentRisk({ ...ended, receivedCents: 40_000_000, spentCents: 0, openCommitmentCents: 0 })).toMatchObject({ repaymentCents: 40_000_000, unusedCents: 100_000_000 });
    // Spent more than the total: the subsidy pays its total, nothing back, nothing more to receive than the total.
    expect(repaymentRisk({ ...ended, receivedCents: 100_000_000, spentCents: 120_000_000 })).toMatchObject({ usableCents: 100_000_000, repaymentCents: 0, stillToReceiveCents: 0, unusedCents: 0 });
    // Nothing received at all: nothing to pay back whatever was spent.
    expect(repaymentRisk({ ...ended, receivedCents: 0, spentCents: 0, openCommitmentCents: 0 })).toMatchObject({ repaymentCents: 0 });
  });

  it('owes nothing back when the source does not reclaim unspent money', () => {
    expect(repaymentRisk({ ...ended, repayUnspent: false })).toMatchObject({ repaymentCents: 0, unusedCents: 35_000_000 });
    expect(signalOf({ ...ended, repayUnspent: false })).toBeNull();
  });

  const running: RepaymentInput = { repayUnspent: true, totalCents: 100_000_000, receivedCents: 50_000_000, spentCents: 20_000_000, openCommitmentCents: 5_000_000, spendFrom: '2025-01-01', spendUntil: '2026-12-31', today: '2025-12-31' };

  it('while the period runs: a forecast from the pace since the start', () => {
    // Day 365 of 730: € 200.000 × 730 / 365 = € 400.000 by the end (above spent + open, € 250.000).
    // € 500.000 received − € 400.000 = € 100.000 expected back; € 600.000 of the total is expected to stay unused.
    expect(repaymentRisk(running)).toEqual({ phase: 'running', usableCents: 40_000_000, repaymentCents: 10_000_000, stillToReceiveCents: 0, unusedCents: 60_000_000 });
    expect(signalOf(running)).toEqual({ level: 'warning', code: 'repayment_risk', amountCents: 10_000_000, date: '2026-12-31', subject: null });
  });

  it('while the period runs, money not yet received is underspend, not repayment', () => {
    // Only € 300.000 received: the € 400.000 the pace will use covers it; € 600.000 of the total stays unused.
    const input = { ...running, receivedCents: 30_000_000 };
    expect(repaymentRisk(input)).toMatchObject({ repaymentCents: 0, stillToReceiveCents: 10_000_000, unusedCents: 60_000_000 });
    expect(signalOf(input)).toEqual({ level: 'warning', code: 'underspend_risk', amountCents: 60_000_000, date: '2026-12-31', subject: null });
    // At a pace that uses the total there is neither.
    expect(signalOf({ ...running, spentCents: 50_000_000 })).toBeNull();
  });

  it('rounds the projection once, half away from zero, and never projects below spend plus open commitments', () => {
    // 2026 (365 days), on 2 July (day 183) € 40.000 spent: 4 000 000 × 365 / 183 = 7 978 142,08 → 7 978 142.
    const input: RepaymentInput = { repayUnspent: true, totalCents: 10_000_000, receivedCents: 10_000_000, spentCents: 4_000_000, openCommitmentCents: 0, spendFrom: '2026-01-01', spendUntil: '2026-12-31', today: '2026-07-02' };
    expect(repaymentRisk(input)).toMatchObject({ usableCents: 7_978_142, repaymentCents: 2_021_858 });
    expect(repaymentRisk({ ...input, openCommitmentCents: 5_000_000 })).toMatchObject({ usableCents: 9_000_000, repaymentCents: 1_000_000 });
    // The end date itself still runs: the projection is the spend so far.
    expect(repaymentRisk({ ...input, today: '2026-12-31' })).toMatchObject({ phase: 'running', usableCents: 4_000_000, repaymentCents: 6_000_000 });
  });

  it('warns of underspend only from 1 % of the total', () => {
    const input: RepaymentInput = { repayUnspent: true, totalCents: 10_000_000, receivedCents: 0, spentCents: 4_000_000, openCommitmentCents: 5_950_000, spendFrom: '2026-01-01', spendUntil: '2026-12-31', today: '2026-07-02' };
    expect(signalOf(input)).toBeNull(); // 0,5 % unused
    expect(signalOf({ ...input, openCommitmentCents: 5_900_000 })).toMatchObject({ code: 'underspend_risk', amountCents: 100_000 }); // exactly 1 %
  });

  it('says nothing before the period starts, even with an advance received', () => {
    const input = { ...running, receivedCents: 10_000_000, spentCents: 0, openCommitmentCents: 0, today: '2024-12-31' };
    expect(repaymentRisk(input)).toMatchObject({ phase: 'before', repaymentCents: 0 });
    expect(signalOf(input)).toBeNull();
  });
});

describe('repayment risk, for any figures', () => {
  it('is between nothing and what was received, and usable plus unused is the total', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 11 }), fc.integer({ min: 0, max: 10 ** 11 }), day, day, day, fc.boolean(), (total, received, spent, open, a, b, today, repayUnspent) => {
        const [spendFrom, spendUntil] = a <= b ? [a, b] : [b, a];
        const receivedCents = Math.min(received, total);
        const risk = repaymentRisk({ repayUnspent, totalCents: total, receivedCents, spentCents: spent, openCommitmentCents: open, spendFrom, spendUntil, today });
        expect(risk.repaymentCents).toBeGreaterThanOrEqual(0);
        expect(risk.repaymentCents).toBeLessThanOrEqual(receivedCents);
        expect(risk.usableCents + risk.unusedCents).toBe(total);
        // What is paid back and what is still to receive never both apply.
        expect(risk.repaymentCents === 0 || risk.stillToReceiveCents === 0).toBe(true);
      }),
    );
  });
});
