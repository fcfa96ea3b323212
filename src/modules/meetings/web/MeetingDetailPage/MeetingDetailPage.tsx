import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary } from '../../../../platform/web/components/ErrorSummary';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { MeetingDetail } from '../../contract';
import { ActionsTable } from '../components/ActionsTable';
import { formatCalendarDate } from '../format-date';
import { useCloseMeeting, useMeeting } from '../meetings-api';
import { AgendaItemCard } from './AgendaItemCard';
import { ActionForm, AgendaItemForm } from './MeetingForms';
import '../meetings.css';

/**
 * Closing is final, so it takes two steps: the button opens an inline confirmation (focus moves to its
 * question; Escape or "Annuleren" cancels and puts focus back on the button), and only its button closes.
 */
function ClosePanel({ meeting, onClosed }: { meeting: MeetingDetail; onClosed: (message: string) => void }) {
  const { t } = useTranslation();
  const close = useCloseMeeting(meeting.id);
  const [confirming, setConfirming] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const restoreFocus = useRef(false);
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (restoreFocus.current) {
      restoreFocus.current = false;
      openerRef.current?.focus();
    }
  }, [confirming]);
  function cancel() {
    restoreFocus.current = true;
    setConfirming(false);
  }
  return (
    <Section title={t('meetings:detail.closeHeading')} id="meeting-close">
      <div className="wr-card wr-card--muted">
        {meeting.closeBlockers.length > 0 ? (
          <>
            <p className="utrecht-paragraph">{t('meetings:detail.closeBlocked')}</p>
            <ul className="utrecht-unordered-list wr-blockers">
              {meeting.closeBlockers.map((blocker) => (
                <li key={blocker.path} className="utrecht-unordered-list__item">
                  {t(`meetings:blockers.${blocker.reason}`, { position: blocker.position, subject: blocker.subject })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="utrecht-paragraph">{t('meetings:detail.closeReady')}</p>
        )}
        {close.error ? <ErrorSummary error={close.error} /> : null}
        {confirming ? (
          <div
            className="wr-close-confirm"
            role="group"
            aria-labelledby="meeting-close-question"
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                cancel();
              }
            }}
          >
            <p id="meeting-close-question" ref={questionRef} tabIndex={-1} className="utrecht-paragraph">
              <strong>{t('meetings:detail.closeConfirmQuestion')}</strong>
            </p>
            <div className="wr-form-actions">
              <Button appearance="primary" busy={close.isPending} onClick={() => close.mutate(undefined, { onSuccess: () => onClosed(t('meetings:detail.closed')) })}>
                {t('meetings:detail.closeConfirm')}
              </Button>
              <Button appearance="secondary" onClick={cancel}>
                {t('meetings:detail.closeCancel')}
              </Button>
            </div>
          </div>
        ) : (
          <Button ref={openerRef} appearance="primary" disabled={meeting.closeBlockers.length > 0} onClick={() => setConfirming(true)}>
            {t('meetings:detail.close')}
          </Button>
        )}
      </div>
    </Section>
  );
}

export default function MeetingDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const meeting = useMeeting(id);
  const [message, setMessage] = useState<string | null>(null);
  // After closing, the close panel is gone: focus goes to the message that says the meeting is closed.
  const [focusMessage, setFocusMessage] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusMessage && message) {
      messageRef.current?.focus();
      setFocusMessage(false);
    }
  }, [focusMessage, message]);
  const data = meeting.data;
  const editable = Boolean(data && data.status === 'open' && hasPermission(user, 'meetings.manage'));
  // Publishing a decision for residents changes no decision, so it stays possible after closing; never for a case meeting.
  const canPublish = Boolean(data && data.kind !== 'casusoverleg' && hasPermission(user, 'meetings.manage'));

  return (
    <Page
      title={data ? data.title : t('meetings:list.title')}
      lead={data ? `${t(`meetings:kinds.${data.kind}`)} · ${formatCalendarDate(data.heldOn, i18n.language, 'full')}` : undefined}
      actions={data ? <StatusBadge status={data.status === 'open' ? 'active' : 'neutral'}>{t(`meetings:meetingStatus.${data.status}`)}</StatusBadge> : undefined}
    >
      <Link className="utrecht-link utrecht-link--html-a wr-back-link" to="/overleggen">
        ← {t('meetings:detail.back')}
      </Link>
      <QueryState isPending={meeting.isPending} error={meeting.error} onRetry={() => void meeting.refetch()} />
      {message ? (
        <div ref={messageRef} tabIndex={-1} className="wr-message">
          <Alert type="ok" live="status">
            {message}
          </Alert>
        </div>
      ) : null}
      {data ? (
        <>
          {data.demo ? <Alert type="info">{t('meetings:demoNote')}</Alert> : null}
          <dl className="wr-meeting-facts">
            <div>
              <dt>{t('meetings:detail.heldOn')}</dt>
              <dd>{formatCalendarDate(data.heldOn, i18n.language, 'long')}</dd>
            </div>
            {data.location ? (
              <div>
                <dt>{t('meetings:detail.location')}</dt>
                <dd>{data.location}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('meetings:detail.area')}</dt>
              <dd>{data.areaName ?? data.municipality}</dd>
            </div>
            <div>
              <dt>{t('meetings:detail.participants')}</dt>
              <dd>{data.participants.map((p) => p.name).join(', ') || '–'}</dd>
            </div>
            {data.closedAt ? (
              <div>
                <dt>{t('meetings:detail.status')}</dt>
                <dd>{t('meetings:detail.closedOn', { date: formatDateTime(data.closedAt, i18n.language) })}</dd>
              </div>
            ) : null}
          </dl>
          {data.status === 'closed' ? <Alert type="info">{t('meetings:detail.closedNote')}</Alert> : null}

          <Section title={t('meetings:detail.agenda')} id="meeting-agenda">
            {data.agendaItems.length === 0 ? <p className="utrecht-paragraph wr-empty-note">{t('meetings:detail.noAgenda')}</p> : null}
            <ol className="wr-agenda">
              {data.agendaItems.map((item) => (
                <AgendaItemCard key={item.id} item={item} actions={data.actions} editable={editable} canPublish={canPublish} onMessage={setMessage} />
              ))}
            </ol>
            {editable ? (
              <details className="wr-card wr-disclosure">
                <summary className="wr-card__heading">{t('meetings:detail.addItem')}</summary>
                <AgendaItemForm meeting={data} onDone={setMessage} />
              </details>
            ) : null}
          </Section>

          <Section title={t('meetings:detail.actions')} id="meeting-actions">
            <ActionsTable actions={data.actions} caption={t('meetings:detail.actions')} empty={t('meetings:detail.noActions')} onSaved={setMessage} />
            {editable ? (
              <details className="wr-card wr-disclosure">
                <summary className="wr-card__heading">{t('meetings:detail.addAction')}</summary>
                <ActionForm key={data.agendaItems.flatMap((i) => i.decisions.map((d) => d.id)).join(',')} meeting={data} onDone={setMessage} />
              </details>
            ) : null}
          </Section>

          {editable ? (
            <ClosePanel
              meeting={data}
              onClosed={(closed) => {
                setMessage(closed);
                setFocusMessage(true);
              }}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
