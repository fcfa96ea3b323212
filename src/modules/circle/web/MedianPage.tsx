import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../platform/web/components/Alert';
import { SelectField } from '../../../platform/web/components/FormField';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table } from '../../../platform/web/components/Table';
import { useBenchmark, useBenchmarks } from './circle-api';
import { CircleNav } from './components/CircleNav';
import { formatNumber } from './format';
import './circle.css';

function Comparison({ indicator }: { indicator: string }) {
  const { t, i18n } = useTranslation();
  const benchmark = useBenchmark(indicator);
  const value = (v: number | null) => (v === null ? t('circle:median.none') : formatNumber(v, i18n.language));
  if (!benchmark.data) return <QueryState isPending={benchmark.isPending} error={benchmark.error} onRetry={() => void benchmark.refetch()} />;
  const b = benchmark.data;
  if (!b.enough) return <Alert type="info" heading={t('circle:median.tooFewHeading')}>{t('circle:median.tooFew', { count: b.membersSharing, threshold: b.threshold })}</Alert>;
  return (
    <>
      <p className="utrecht-paragraph">{t('circle:median.sharedBy', { count: b.membersSharing })}</p>
      <Table
        caption={t('circle:median.caption', { name: b.indicatorName, unit: b.unit })}
        rows={b.years}
        rowKey={(y) => String(y.year)}
        columns={[
          { key: 'year', header: t('circle:median.year'), rowHeader: true, render: (y) => y.year },
          { key: 'own', header: t('circle:median.own'), numeric: true, render: (y) => value(y.own) },
          { key: 'median', header: t('circle:median.median'), numeric: true, render: (y) => (y.median === null ? t('circle:median.suppressed') : value(y.median)) },
        ]}
      />
      <p className="utrecht-paragraph wr-muted">{t('circle:median.rule', { threshold: b.threshold })}</p>
    </>
  );
}

/** This installation's trend against the circle median, on indicators shared by at least five members. */
export default function MedianPage() {
  const { t } = useTranslation();
  const list = useBenchmarks();
  const [indicator, setIndicator] = useState('');
  return (
    <Page title={t('circle:median.title')} lead={t('circle:median.lead')}>
      <CircleNav />
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
      {list.data ? (
        <Section title={t('circle:median.heading')} id="circle-median">
          {list.data.items.length === 0 ? (
            <p className="utrecht-paragraph">{t('circle:median.noneShared')}</p>
          ) : (
            <SelectField
              id="median-indicator"
              label={t('circle:median.indicator')}
              placeholder={t('circle:median.indicatorPlaceholder')}
              options={list.data.items.map((i) => ({ value: i.indicator, label: t('circle:median.option', { name: i.indicatorName, count: i.membersSharing }) }))}
              value={indicator}
              onChange={(e) => setIndicator(e.target.value)}
            />
          )}
          {indicator ? <Comparison indicator={indicator} /> : null}
        </Section>
      ) : null}
    </Page>
  );
}
