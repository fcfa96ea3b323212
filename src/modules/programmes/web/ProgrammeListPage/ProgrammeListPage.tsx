import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { ProgrammeSummary } from '../../contract';
import { ExampleBadge } from '../components/StatusBadges';
import { formatIsoDate } from '../format';
import { useProgrammes } from '../programmes-api';
import '../programmes.css';

/** Every programme in the user's area scope. */
export default function ProgrammeListPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const programmes = useProgrammes();
  const columns: Column<ProgrammeSummary>[] = [
    {
      key: 'name',
      header: t('programmes:programme.name'),
      rowHeader: true,
      render: (p) => (
        <>
          <Link className="utrecht-link utrecht-link--html-a" to={`/programmas/${p.id}`}>
            {p.name}
          </Link>{' '}
          {p.isDemo ? <ExampleBadge /> : null}
        </>
      ),
    },
    { key: 'municipality', header: t('programmes:programme.municipality'), render: (p) => p.municipalityName ?? t('programmes:programme.cbsCode', { code: p.municipalityCode }) },
    { key: 'horizon', header: t('programmes:programme.horizon'), render: (p) => `${formatIsoDate(p.horizonStart, i18n.language)} – ${formatIsoDate(p.horizonEnd, i18n.language)}` },
  ];
  return (
    <Page
      title={t('programmes:list.title')}
      lead={t('programmes:list.lead')}
      actions={
        hasPermission(user, 'programmes.manage') ? (
          <Link className="utrecht-button utrecht-button--primary-action wr-button-link" to="/programmas/nieuw">
            {t('programmes:list.new')}
          </Link>
        ) : null
      }
    >
      <QueryState isPending={programmes.isPending} error={programmes.error} onRetry={() => void programmes.refetch()} />
      {programmes.data ? <Table caption={t('programmes:list.caption')} captionHidden columns={columns} rows={programmes.data} rowKey={(p) => p.id} empty={t('programmes:list.empty')} /> : null}
    </Page>
  );
}
