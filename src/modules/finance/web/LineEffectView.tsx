import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import type { LineEffect, Overrun } from '../money/line-effect';
import { euro, percent } from './money';

/** "€ 15.918 (17,69%)": an overrun in whole euros and, where the line has a budget, as a share of it. */
export function overText(over: Overrun): string {
  return over.overBp === null ? euro(over.overCents) : `${euro(over.overCents)} (${percent(over.overBp)})`;
}

/**
 * The effect of a booking or an approval on its line, from the server's figures: what is left now, after it and
 * after the waiting bookings too, with a warning in words when either goes over the budget.
 * `mode` picks the wording: a booking being made or an approval being given.
 */
export function LineEffectView({ effect, mode, usedCents, pendingCents }: { effect: LineEffect; mode: 'booking' | 'approval'; usedCents?: number; pendingCents?: number }) {
  const { t } = useTranslation();
  const rows: [string, number][] = [
    [t('finance:lineEffect.budget'), effect.budgetCents],
    ...(usedCents !== undefined ? ([[t('finance:lineEffect.used'), usedCents]] as [string, number][]) : []),
    ...(pendingCents !== undefined ? ([[t('finance:lineEffect.pending'), pendingCents]] as [string, number][]) : []),
    [t('finance:lineEffect.remaining'), effect.remainingCents],
    [t(`finance:lineEffect.${mode}.after`), effect.remainingAfterCents],
    [t(`finance:lineEffect.${mode}.afterPending`), effect.remainingAfterPendingCents],
  ];
  return (
    <div className="wr-fin-effect">
      <dl className="wr-fin-effect__list">
        {rows.map(([label, cents]) => (
          <div key={label} className={cents < 0 ? 'wr-fin-effect__row wr-fin-effect__row--over' : 'wr-fin-effect__row'}>
            <dt>{label}</dt>
            <dd>{euro(cents)}</dd>
          </div>
        ))}
      </dl>
      {effect.over ? (
        <Alert type="warning">{t(`finance:lineEffect.${mode}.over`, { over: overText(effect.over) })}</Alert>
      ) : effect.overWithPending ? (
        <Alert type="warning">{t(`finance:lineEffect.${mode}.overWithPending`, { over: overText(effect.overWithPending) })}</Alert>
      ) : null}
    </div>
  );
}
