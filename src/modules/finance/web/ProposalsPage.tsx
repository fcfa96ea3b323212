import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import { EFFECT_ROW_KEYS, type Proposal } from '../contract';
import { FinanceNav } from './FinanceNav';
import { proposalExportUrl, useProposals } from './finance-api';
import { euro, percent } from './money';
import './finance.css';

/** Budget proposals with their budget-effect table in the municipal format (× € 1.000). */
export default function ProposalsPage() {
  const { t } = useTranslation();
  const proposals = useProposals();
  return (
    <Page title={t('finance:proposals.title')} lead={t('finance:proposals.lead')}>
      <FinanceNav />
      <QueryState isPending={proposals.isPending} error={proposals.error} onRetry={() => void proposals.refetch()} />
      {proposals.data?.length === 0 ? <p className="utrecht-paragraph">{t('finance:proposals.none')}</p> : null}
      {proposals.data?.map((p) => <ProposalView key={p.id} proposal={p} />)}
    </Page>
  );
}

const thousands = (value: number, locale: string) => (value === 0 ? '-' : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL').format(value));

function ProposalView({ proposal: p }: { proposal: Proposal }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const label = (key: (typeof EFFECT_ROW_KEYS)[number]) => t(`finance:effect.${key}`, { rate: p.interestBp > 0 ? percent(p.interestBp) : '—' });
  const outside = p.outsideBudget.filter((o) => o.amountCents > 0);
  return (
    <Section title={p.title} id={`proposal-${p.id}`}>
      {p.illustrative ? <p className="utrecht-paragraph wr-fin-demo-note">{t('finance:proposals.illustrative')}</p> : null}
      <dl className="utrecht-data-list utrecht-data-list--rows wr-data-list">
        {(
          [
            ['subject', p.subject || '—'],
            ['reference', p.reference || '—'],
            ['nature', p.structural ? t('finance:proposals.structural') : t('finance:proposals.incidental')],
            ['investment', p.investment ? euro(p.investment.amountCents) : '—'],
            ['term', p.investment ? t('finance:proposals.years', { count: p.investment.depreciationYears }) : '—'],
            ['financing', p.financing.map((f) => `${f.fundingSourceName} ${percent(f.shareBp)}${f.viaMunicipalBudget ? '' : ` (${t('finance:proposals.direct')})`}`).join('; ') || '—'],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{t(`finance:proposals.${key}`)}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="utrecht-table-container wr-table-container" role="region" aria-labelledby={`effect-${p.id}`} tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table wr-table wr-fin-effect">
          <caption id={`effect-${p.id}`} className="utrecht-table__caption">
            {t('finance:effect.caption')}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t('finance:effect.yearCosts')}
              </th>
              {p.table.map((y) => (
                <th key={y.year} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {EFFECT_ROW_KEYS.map((key) => (
              <tr key={key} className={`utrecht-table__row${key === 'toCover' ? ' wr-fin-effect__total' : ''}`}>
                <th scope="row" className="utrecht-table__header-cell wr-table__row-header">
                  {label(key)}
                </th>
                {p.table.map((y) => (
                  <td key={y.year} className="utrecht-table__cell utrecht-table__cell--numeric-column">
                    {thousands(y.thousands[key], i18n.language)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="utrecht-paragraph wr-fin-muted">{t('finance:effect.rounding')}</p>
      {outside.length ? <p className="utrecht-paragraph wr-fin-muted">{t('finance:effect.outside', { list: outside.map((o) => `${o.year}: ${euro(o.amountCents)}`).join('; ') })}</p> : null}
      {hasPermission(user, 'finance.export') ? (
        <div className="wr-button-group utrecht-button-group">
          <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={proposalExportUrl(p.id, 'xlsx')} download>
            {t('finance:download.xlsx')}
          </a>
          <a className="utrecht-button utrecht-button--secondary-action wr-button-link" href={proposalExportUrl(p.id, 'docx')} download>
            {t('finance:download.docx')}
          </a>
        </div>
      ) : null}
    </Section>
  );
}
