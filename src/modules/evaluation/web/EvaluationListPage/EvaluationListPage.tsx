import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table } from '../../../../platform/web/components/Table';
import { formatDate } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { EvaluationSummary } from '../../contract';
import { StatusTag } from '../components/StatusTag';
import { useEvaluations } from '../evaluation-api';
import '../evaluation.css';

/** Every evaluation of a programme the user may see, with links to start one and to the factor library. */
export default function EvaluationListPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const list = useEvaluations();
  const link = 'utrecht-link utrecht-link--html-a';
  return (
    <Page title={t('evaluation:list.title')} lead={t('evaluation:list.lead')}>
      <p className="utrecht-paragraph wr-evaluation-links">
        {hasPermission(user, 'evaluation.manage') ? (
          <Link className={link} to="/evaluaties/nieuw">
            {t('evaluation:list.new')}
          </Link>
        ) : null}
        <Link className={link} to="/evaluaties/factoren">
          {t('evaluation:list.library')}
        </Link>
      </p>
      <QueryState isPending={list.isPending} error={list.error} onRetry={() => void list.refetch()} />
      {list.data ? (
        <Section title={t('evaluation:list.caption')} id="evaluation-list">
          <Table<EvaluationSummary>
            caption={t('evaluation:list.caption')}
            captionHidden
            rows={list.data}
            rowKey={(row) => row.id}
            empty={t('evaluation:list.empty')}
            columns={[
              {
                key: 'title',
                header: t('evaluation:list.titleColumn'),
                rowHeader: true,
                render: (row) => (
                  <>
                    <Link className={link} to={`/evaluaties/${row.id}`}>
                      {row.title}
                    </Link>
                    {row.isDemo ? <span className="wr-tag">{t('evaluation:list.example')}</span> : null}
                    {row.isEvaluator ? <span className="wr-tag">{t('evaluation:list.mine')}</span> : null}
                  </>
                ),
              },
              { key: 'programme', header: t('evaluation:list.programme'), render: (row) => row.programmeName },
              { key: 'kind', header: t('evaluation:list.kind'), render: (row) => t(`evaluation:kind.${row.kind}`) },
              { key: 'peildatum', header: t('evaluation:list.peildatum'), render: (row) => formatDate(row.peildatum, i18n.language) },
              { key: 'status', header: t('evaluation:list.status'), render: (row) => <StatusTag status={row.status} /> },
            ]}
          />
        </Section>
      ) : null}
    </Page>
  );
}
