import { useTranslation } from 'react-i18next';
import { Heading } from '../../../../platform/web/components/Heading';
import { Table } from '../../../../platform/web/components/Table';
import type { AlternativeResult, MkbaResult, SensitivityRow } from '../../contract';
import { formatEuros, formatPercent, formatRatio } from '../format';
import { LinkedBenefitsResult } from './LinkedBenefits';
import { PmList } from './PmList';

type Kind = 'rate' | 'effectSize' | 'duration';

function SensitivityTable({ kind, rows, baseNcw }: { kind: Kind; rows: readonly SensitivityRow[]; baseNcw: number }) {
  const { t, i18n } = useTranslation();
  const value = (row: SensitivityRow) => (kind === 'duration' ? t('learning:result.years', { count: row.value }) : formatPercent(row.value, i18n.language));
  // The flip in words: which way the outcome turns compared with the base case.
  const flip = (row: SensitivityRow) => (!row.signFlips ? t('learning:sensitivity.same') : baseNcw > 0 ? t('learning:sensitivity.flipsNegative') : t('learning:sensitivity.flipsPositive'));
  return (
    <Table
      caption={t(`learning:sensitivity.${kind}`)}
      columns={[
        { key: 'value', header: t(`learning:sensitivity.${kind}Column`), render: (row) => (row.isBase ? t('learning:sensitivity.base', { value: value(row) }) : value(row)), rowHeader: true },
        { key: 'ncw', header: t('learning:result.ncw'), render: (row) => formatEuros(row.ncwCents, i18n.language), numeric: true },
        { key: 'flip', header: t('learning:sensitivity.outcome'), render: (row) => (row.signFlips ? <strong className="wr-mkba-flip">{flip(row)}</strong> : flip(row)) },
      ]}
      rows={rows}
      rowKey={(row) => String(row.value)}
    />
  );
}

function AlternativeResultView({ result }: { result: AlternativeResult }) {
  const { t, i18n } = useTranslation();
  const euros = (cents: number) => formatEuros(cents, i18n.language);
  const irr =
    result.irrPercent !== null
      ? formatPercent(result.irrPercent, i18n.language, 1) + (result.irrUnique ? '' : ` ${t('learning:result.irrNotUnique')}`)
      : t(`learning:result.irrNone.${result.irrNone ?? 'no_root_found'}`);
  const flips = [...result.sensitivity.rate, ...result.sensitivity.effectSize, ...result.sensitivity.duration].filter((r) => r.signFlips).length;
  return (
    <div className="wr-mkba-result" data-testid={`result-${result.alternativeId}`}>
      <Heading level={3}>{t('learning:result.alternativeHeading', { name: result.name })}</Heading>
      <div className="wr-mkba-result__top">
        <dl className="wr-mkba-facts">
          <dt>{t('learning:result.pvCosts')}</dt>
          <dd>{euros(result.pvCostsCents)}</dd>
          <dt>{t('learning:result.pvBenefits')}</dt>
          <dd>{euros(result.pvBenefitsCents)}</dd>
          <dt>{t('learning:result.ncw')}</dt>
          <dd data-testid="ncw">
            <strong>{euros(result.ncwCents)}</strong> {result.ncwCents > 0 ? t('learning:result.positive') : t('learning:result.notPositive')}
          </dd>
          <dt>{t('learning:result.ratio')}</dt>
          <dd>{result.benefitCostRatio === null ? t('learning:result.noRatio') : formatRatio(result.benefitCostRatio, i18n.language)}</dd>
          <dt>{t('learning:result.irr')}</dt>
          <dd>{irr}</dd>
        </dl>
        <PmList items={result.pmItems} />
      </div>
      <Table
        caption={t('learning:result.actorMatrix')}
        columns={[
          { key: 'actor', header: t('learning:line.actor'), render: (row) => row.label, rowHeader: true },
          { key: 'costs', header: t('learning:result.pvCosts'), render: (row) => euros(row.pvCostsCents), numeric: true },
          { key: 'benefits', header: t('learning:result.pvBenefits'), render: (row) => euros(row.pvBenefitsCents), numeric: true },
          { key: 'balance', header: t('learning:result.balance'), render: (row) => euros(row.balanceCents), numeric: true },
        ]}
        rows={[
          ...result.actors.map((a) => ({ ...a, key: a.actor, label: t(`learning:actors.${a.actor}`) })),
          { key: 'total', label: t('learning:result.total'), pvCostsCents: result.pvCostsCents, pvBenefitsCents: result.pvBenefitsCents, balanceCents: result.ncwCents },
        ]}
        rowKey={(row) => row.key}
        rowClassName={(row) => (row.key === 'total' ? 'wr-mkba-total' : undefined)}
      />
      <p className="utrecht-paragraph wr-muted">{t('learning:result.totalRow')}</p>
      <LinkedBenefitsResult items={result.linkedBenefits} />
      <Heading level={4}>{t('learning:sensitivity.heading')}</Heading>
      <p className="utrecht-paragraph">{flips > 0 ? t('learning:sensitivity.flipsFound', { count: flips }) : t('learning:sensitivity.noFlips')}</p>
      <SensitivityTable kind="rate" rows={result.sensitivity.rate} baseNcw={result.ncwCents} />
      <SensitivityTable kind="effectSize" rows={result.sensitivity.effectSize} baseNcw={result.ncwCents} />
      <SensitivityTable kind="duration" rows={result.sensitivity.duration} baseNcw={result.ncwCents} />
    </div>
  );
}

/** NCW, B/C ratio, IRR, the actor matrix and the sensitivity per alternative. */
export function MkbaResults({ result }: { result: MkbaResult }) {
  const { t, i18n } = useTranslation();
  if (result.alternatives.length === 0) return <p className="utrecht-paragraph">{t('learning:result.noAlternatives')}</p>;
  return (
    <>
      <p className="utrecht-paragraph">{t('learning:result.explained', { rate: formatPercent(result.discountRate, i18n.language), year: result.baseYear })}</p>
      {result.alternatives.map((a) => (
        <AlternativeResultView key={a.alternativeId} result={a} />
      ))}
    </>
  );
}
