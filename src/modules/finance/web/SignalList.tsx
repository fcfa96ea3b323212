import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../platform/web/i18n/format';
import type { Signal } from '../contract';
import { euro, percent } from './money';

/** What a warning says, in words: amount, share, date. Colour and icon only repeat it. */
export function useSignalText() {
  const { t, i18n } = useTranslation();
  return (signal: Signal) =>
    t(`finance:signal.${signal.code}`, {
      amount: signal.amountCents === null ? '' : euro(signal.amountCents),
      percent: percent(signal.percentBp),
      date: formatDate(signal.date, i18n.language),
      subject: signal.code === 'accountability_overdue' ? t(`finance:obligation.${signal.subject ?? ''}`, { defaultValue: signal.subject ?? '' }) : (signal.subject ?? ''),
    });
}

/** A small level badge with an icon and a word: "Alarm" or "Waarschuwing". */
export function SignalBadge({ signal }: { signal: Signal | null }) {
  const { t } = useTranslation();
  if (!signal) {
    return (
      <span className="wr-fin-badge wr-fin-badge--ok">
        <span aria-hidden="true">✓</span> {t('finance:level.ok')}
      </span>
    );
  }
  return (
    <span className={`wr-fin-badge wr-fin-badge--${signal.level}`}>
      <span className={`wr-fin-icon wr-fin-icon--${signal.level}`} aria-hidden="true">
        {signal.level === 'alert' ? '×' : '!'}
      </span>{' '}
      {t(`finance:level.${signal.level}`)}
    </span>
  );
}

export function SignalList({ signals, emptyText }: { signals: readonly Signal[]; emptyText: string }) {
  const text = useSignalText();
  const { t } = useTranslation();
  if (signals.length === 0) return <p className="utrecht-paragraph wr-fin-none">{emptyText}</p>;
  return (
    <ul className="wr-fin-signals">
      {signals.map((signal, i) => (
        <li key={`${signal.code}-${signal.scope.id}-${i}`} className={`wr-fin-signal wr-fin-signal--${signal.level}`}>
          <span className={`wr-fin-icon wr-fin-icon--large wr-fin-icon--${signal.level}`} aria-hidden="true">
            {signal.level === 'alert' ? '×' : '!'}
          </span>
          <div>
            <p className="wr-fin-signal__title">
              <strong>{t(`finance:level.${signal.level}`)}:</strong> {signal.scope.name ?? t('finance:hiddenActivity')}
            </p>
            <p className="wr-fin-signal__text">{text(signal)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
