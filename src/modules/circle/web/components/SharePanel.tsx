import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { SHARE_LEVELS, type ShareableItem, type ShareLevel } from '../../contract';
import { useIndicatorCatalogue, useSetShare, useShares } from '../circle-api';
import { CircleError } from './CircleError';

/** One item's share level: a select that saves at once (internal, circle, public). */
function LevelSelect({ item, disabled }: { item: ShareableItem; disabled: boolean }) {
  const { t } = useTranslation();
  const setShare = useSetShare();
  return (
    <>
      <label className="wr-visually-hidden" htmlFor={`share-${item.kind}-${item.key}`}>
        {t('circle:share.levelOf', { title: item.title })}
      </label>
      <select
        id={`share-${item.kind}-${item.key}`}
        className="utrecht-select utrecht-select--html-select"
        value={item.level}
        disabled={disabled || setShare.isPending}
        onChange={(e) => setShare.mutate({ kind: item.kind, key: item.key, level: e.target.value as ShareLevel })}
      >
        {SHARE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`circle:levels.${level}`)}
          </option>
        ))}
      </select>
      <CircleError error={setShare.error} />
    </>
  );
}

function ShareTrendForm() {
  const { t } = useTranslation();
  const catalogue = useIndicatorCatalogue();
  const setShare = useSetShare();
  const [indicator, setIndicator] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!indicator) return setError(t('circle:share.chooseIndicator'));
    setError(undefined);
    setShare.mutate({ kind: 'trend', key: indicator, level: 'circle' }, { onSuccess: () => setIndicator('') });
  };
  return (
    <form onSubmit={submit} noValidate className="wr-form">
      <CircleError error={setShare.error} />
      <SelectField
        id="circle-trend"
        label={t('circle:share.trend')}
        description={t('circle:share.trendHint')}
        placeholder={t('circle:share.trendPlaceholder')}
        options={(catalogue.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
        value={indicator}
        onChange={(e) => setIndicator(e.target.value)}
        error={error}
      />
      <Button type="submit" busy={setShare.isPending}>
        {t('circle:share.trendSubmit')}
      </Button>
    </form>
  );
}

/** This installation's lessons, MKBAs and indicator trends with their share level. */
export function SharePanel({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const shares = useShares();
  return (
    <Section title={t('circle:share.heading')} id="circle-share">
      <p className="utrecht-paragraph">{t('circle:share.explained')}</p>
      <QueryState isPending={shares.isPending} error={shares.error} onRetry={() => void shares.refetch()} />
      {shares.data ? (
        <table className="utrecht-table utrecht-table--html-table wr-table">
          <caption className="utrecht-table__caption wr-visually-hidden">{t('circle:share.caption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{t('circle:share.item')}</th>
              <th scope="col" className="utrecht-table__header-cell">{t('circle:share.kind')}</th>
              <th scope="col" className="utrecht-table__header-cell">{t('circle:share.level')}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {shares.data.map((item) => (
              <tr key={`${item.kind}:${item.key}`} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {item.title} {item.isIllustrative ? <span className="wr-tag">{t('circle:illustrative')}</span> : null}
                </th>
                <td className="utrecht-table__cell">{t(`circle:kinds.${item.kind}`)}</td>
                <td className="utrecht-table__cell">{canManage ? <LevelSelect item={item} disabled={false} /> : t(`circle:levels.${item.level}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canManage ? <ShareTrendForm /> : null}
    </Section>
  );
}
