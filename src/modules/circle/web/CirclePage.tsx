import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../platform/web/components/Alert';
import { Button } from '../../../platform/web/components/Button';
import { Page, Section } from '../../../platform/web/components/Page';
import { QueryState } from '../../../platform/web/components/QueryState';
import { Table } from '../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../platform/web/session';
import type { ImportResult, ReceivedItem } from '../contract';
import { useExport, useImport, useOverview } from './circle-api';
import { CircleError } from './components/CircleError';
import { CircleNav } from './components/CircleNav';
import { SharePanel } from './components/SharePanel';
import './circle.css';

/** Download the bundle as a file, named after the installation and its number. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

function Exchange() {
  const { t } = useTranslation();
  const exporting = useExport();
  const importing = useImport();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [exported, setExported] = useState<number | null>(null);
  const exportBundle = () =>
    exporting.mutate(undefined, {
      onSuccess: (bundle) => {
        download(`kring-${bundle.issuer.municipalityCode}-${bundle.sequence}.json`, JSON.stringify(bundle, null, 2));
        setExported(bundle.items.length);
      },
    });
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setResult(null);
    importing.mutate(await file.text(), { onSuccess: setResult });
  };
  return (
    <Section title={t('circle:exchange.heading')} id="circle-exchange">
      <p className="utrecht-paragraph">{t('circle:exchange.explained')}</p>
      <CircleError error={exporting.error} />
      {exported !== null ? <Alert type="ok" live="status" heading={t('circle:exchange.exported', { count: exported })} /> : null}
      <Button appearance="primary" onClick={exportBundle} busy={exporting.isPending}>
        {t('circle:exchange.export')}
      </Button>
      <div className="utrecht-form-field utrecht-form-field--distanced wr-circle-import">
        <label className="utrecht-form-label" htmlFor="circle-import">
          {t('circle:exchange.import')}
        </label>
        <p id="circle-import-description" className="utrecht-form-field-description">
          {t('circle:exchange.importHint')}
        </p>
        <input id="circle-import" type="file" accept="application/json,.json" aria-describedby="circle-import-description" onChange={(e) => void readFile(e)} />
      </div>
      <CircleError error={importing.error} />
      {result ? <Alert type="ok" live="status" heading={t('circle:exchange.imported', { member: result.memberName, count: result.items, withdrawn: result.withdrawn })} /> : null}
      {result?.keyRotated ? <Alert type="info" heading={t('circle:exchange.keyRotated', { member: result.memberName, previous: result.keyRotated.previousFingerprint, fingerprint: result.keyRotated.fingerprint })} /> : null}
    </Section>
  );
}

/** The circle: this installation, the members, what they share, sharing and the exchange of bundles. */
export default function CirclePage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const overview = useOverview();
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL') : t('circle:members.never'));
  const canManage = hasPermission(user, 'circle.manage');
  return (
    <Page title={t('circle:title')} lead={t('circle:lead')}>
      <CircleNav />
      <QueryState isPending={overview.isPending} error={overview.error} onRetry={() => void overview.refetch()} />
      {overview.data ? (
        <>
          <Section title={t('circle:members.heading')} id="circle-members">
            <p className="utrecht-paragraph">{overview.data.identity?.name ? t('circle:members.self', { name: overview.data.identity.name }) : t('circle:members.noIdentity')}</p>
            <Table
              caption={t('circle:members.caption')}
              captionHidden
              rows={overview.data.members}
              rowKey={(m) => m.id}
              empty={t('circle:members.none')}
              columns={[
                { key: 'name', header: t('circle:members.name'), rowHeader: true, render: (m) => m.name },
                { key: 'code', header: t('circle:members.code'), render: (m) => m.municipalityCode },
                { key: 'items', header: t('circle:members.items'), numeric: true, render: (m) => m.itemCount },
                { key: 'imported', header: t('circle:members.imported'), render: (m) => date(m.lastImportedAt) },
              ]}
            />
          </Section>
          <Section title={t('circle:received.heading')} id="circle-received">
            <p className="utrecht-paragraph">{t('circle:received.explained')}</p>
            <Table<ReceivedItem>
              caption={t('circle:received.caption')}
              captionHidden
              rows={overview.data.received}
              rowKey={(r) => r.id}
              empty={t('circle:received.none')}
              columns={[
                { key: 'title', header: t('circle:received.title'), rowHeader: true, render: (r) => (
                    <>
                      <Link className="utrecht-link utrecht-link--html-a" to={`/kring/ontvangen/${r.id}`}>
                        {r.title}
                      </Link>
                      {r.isIllustrative ? <> <span className="wr-tag">{t('circle:illustrative')}</span></> : null}
                    </>
                  ),
                },
                { key: 'kind', header: t('circle:received.kind'), render: (r) => t(`circle:kinds.${r.kind}`) },
                { key: 'member', header: t('circle:received.member'), render: (r) => r.memberName },
                { key: 'level', header: t('circle:received.level'), render: (r) => t(`circle:levels.${r.level}`) },
              ]}
            />
          </Section>
        </>
      ) : null}
      <SharePanel canManage={canManage} />
      {canManage ? <Exchange /> : null}
    </Page>
  );
}
