import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { ActionsTable } from '../components/ActionsTable';
import { useMyActions } from '../meetings-api';
import '../meetings.css';

/** A partner's (or anyone's) own actions: overdue first, with the status form where they may update it. */
export default function MyActionsPage() {
  const { t } = useTranslation();
  const actions = useMyActions();
  const [message, setMessage] = useState<string | null>(null);
  const items = actions.data?.items ?? [];
  const open = items.filter((a) => a.status === 'open' || a.status === 'in_progress').sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate));
  const closed = items.filter((a) => a.status === 'done' || a.status === 'cancelled');
  return (
    <Page title={t('meetings:mine.title')} lead={t('meetings:mine.lead')}>
      {message ? (
        <Alert type="ok" live="status">
          {message}
        </Alert>
      ) : null}
      <QueryState isPending={actions.isPending} error={actions.error} onRetry={() => void actions.refetch()} />
      {actions.data ? (
        <>
          <Section title={t('meetings:mine.openHeading')} id="my-actions-open">
            <ActionsTable actions={open} caption={t('meetings:mine.openHeading')} empty={t('meetings:mine.empty')} showMeeting onSaved={setMessage} />
          </Section>
          {closed.length > 0 ? (
            <Section title={t('meetings:mine.doneHeading')} id="my-actions-done">
              <ActionsTable actions={closed} caption={t('meetings:mine.doneHeading')} empty={t('meetings:mine.empty')} showMeeting onSaved={setMessage} />
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
