import { useTranslation } from 'react-i18next';
import { Heading } from '../../../../platform/web/components/Heading';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { formatMoney } from '../../../../platform/web/i18n/format';
import type { PublicMoneyYear } from '../../contract';

type PillarRow = PublicMoneyYear['pillars'][number];

/** Per year the approved budget and what was spent, per pillar of the programme. */
export function MoneyTables({ money }: { money: readonly PublicMoneyYear[] }) {
  const { t, i18n } = useTranslation();
  const euro = (cents: number) => formatMoney(cents, i18n.language, { decimals: 'never' });
  if (money.length === 0) return <p className="utrecht-paragraph">{t('publicpages:money.none')}</p>;
  const columns: Column<PillarRow>[] = [
    { key: 'pillar', header: t('publicpages:money.pillar'), rowHeader: true, render: (p) => p.name ?? t('publicpages:money.noPillar') },
    { key: 'budget', header: t('publicpages:money.budget'), numeric: true, render: (p) => euro(p.budgetCents) },
    { key: 'spent', header: t('publicpages:money.spent'), numeric: true, render: (p) => euro(p.spentCents) },
  ];
  return (
    <>
      <p className="utrecht-paragraph">{t('publicpages:money.explain')}</p>
      {[...money].reverse().map((year) => (
        <div key={year.year} className="wr-public-money-year">
          <Heading level={3}>{t('publicpages:money.year', { year: year.year })}</Heading>
          <p className="utrecht-paragraph">{t('publicpages:money.totals', { budget: euro(year.totals.budgetCents), spent: euro(year.totals.spentCents) })}</p>
          <Table caption={t('publicpages:money.caption', { year: year.year })} captionHidden compact columns={columns} rows={year.pillars.filter((p) => p.budgetCents !== 0 || p.spentCents !== 0)} rowKey={(p) => p.id ?? 'none'} />
        </div>
      ))}
    </>
  );
}
