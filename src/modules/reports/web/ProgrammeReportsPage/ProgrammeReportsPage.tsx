import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { Table, type Column } from '../../../../platform/web/components/Table';
import { fieldErrorMessage, fieldMessages, serverFieldLinks } from '../../../../platform/web/i18n/field-error-message';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import type { LetterSummary, SnapshotSummary } from '../../contract';
import { formatDay, todayInNetherlands } from '../format';
import { useCreateLetter, useLetters, useProgramme, useSnapshots, useTakeSnapshot, useTemplate } from '../reports-api';
import '../reports.css';

function TakeSnapshotForm({ programmeId, onTaken }: { programmeId: string; onTaken: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const take = useTakeSnapshot(programmeId);
  const today = todayInNetherlands();
  const [title, setTitle] = useState(t('reports:snapshots.defaultTitle', { date: formatDay(today, 'nl') }));
  const [periodStart, setPeriodStart] = useState(`${today.slice(0, 4)}-01-01`);
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The browser's checks in the words of the one mapping, the same the server's errors get.
    const word = (code: 'required' | 'date_in_future') => fieldErrorMessage({ code, params: {} }, t, i18n.language);
    const found: FieldErrorLink[] = [];
    if (!title.trim()) found.push({ fieldId: 'snapshot-title', label: t('reports:snapshots.titleLabel'), message: word('required') });
    if (!periodStart) found.push({ fieldId: 'snapshot-start', label: t('reports:snapshots.periodStart'), message: word('required') });
    else if (periodStart > today) found.push({ fieldId: 'snapshot-start', label: t('reports:snapshots.periodStart'), message: word('date_in_future') });
    setErrors(found);
    if (found.length) {
      take.reset();
      return;
    }
    take.mutate({ title: title.trim(), periodStart }, { onSuccess: (snapshot) => onTaken(snapshot.id) });
  }
  const serverFields = serverFieldLinks(take.error, t, i18n.language, {
    title: { id: 'snapshot-title', label: t('reports:snapshots.titleLabel') },
    periodStart: { id: 'snapshot-start', label: t('reports:snapshots.periodStart') },
  });
  const shown = errors.length ? errors : serverFields;
  const errorFor = (id: string) => shown.find((e) => e.fieldId === id)?.message;
  return (
    <form className="utrecht-form wr-card" noValidate onSubmit={submit} aria-labelledby="take-snapshot-heading">
      <h3 id="take-snapshot-heading" className="utrecht-heading-3 wr-card__heading">
        {t('reports:snapshots.takeHeading')}
      </h3>
      <p className="utrecht-paragraph">{t('reports:snapshots.takeExplained', { date: formatDay(today, i18n.language) })}</p>
      <ErrorSummary error={errors.length ? undefined : take.error} fields={shown} />
      <div className="wr-form-grid">
        <TextField id="snapshot-title" label={t('reports:snapshots.titleLabel')} value={title} maxLength={200} error={errorFor('snapshot-title')} onChange={(e) => setTitle(e.target.value)} />
        <TextField id="snapshot-start" type="date" label={t('reports:snapshots.periodStart')} description={t('reports:snapshots.periodStartDescription')} value={periodStart} max={today} error={errorFor('snapshot-start')} onChange={(e) => setPeriodStart(e.target.value)} />
      </div>
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={take.isPending}>
          {t('reports:snapshots.take')}
        </Button>
      </div>
    </form>
  );
}

function NewLetterForm({ programmeId, programmeName, snapshots }: { programmeId: string; programmeName: string; snapshots: SnapshotSummary[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateLetter(programmeId);
  const [snapshotId, setSnapshotId] = useState(snapshots[0]?.id ?? '');
  const chosen = snapshots.some((s) => s.id === snapshotId) ? snapshotId : (snapshots[0]?.id ?? '');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    const today = todayInNetherlands();
    create.mutate(
      {
        snapshotId: chosen,
        fields: { aan: 'de gemeenteraad', datum: formatDay(today, 'nl'), zaaknummer: '', betreft: `Voortgang ${programmeName}`, portefeuillehouder: '', begrotingsprogramma: '', kernteam: '', auteur: '', email: '', verantwoordelijke: '', openbaar: 'Ja' },
        sections: { aanleiding: '', informatie: '', vervolg: '', kosten: '', besluiten: '' },
        signers: [],
      },
      { onSuccess: (letter) => void navigate(`/rapportages/brieven/${letter.id}`) },
    );
  }
  return (
    <form className="utrecht-form wr-card" noValidate onSubmit={submit} aria-labelledby="new-letter-heading">
      <h3 id="new-letter-heading" className="utrecht-heading-3 wr-card__heading">
        {t('reports:letters.newHeading')}
      </h3>
      <p className="utrecht-paragraph">{t('reports:letters.newExplained')}</p>
      <ErrorSummary error={create.error} fields={serverFieldLinks(create.error, t, i18n.language, { snapshotId: { id: 'letter-snapshot', label: t('reports:letters.snapshot') } })} />
      <SelectField
        id="letter-snapshot" className="wr-field--wide"
        error={fieldMessages(create.error, t, i18n.language).snapshotId}
        label={t('reports:letters.snapshot')}
        description={t('reports:letters.snapshotDescription')}
        value={chosen}
        options={snapshots.map((s) => ({ value: s.id, label: t('reports:snapshots.option', { title: s.title, date: formatDay(s.peildatum, i18n.language) }) }))}
        onChange={(e) => setSnapshotId(e.target.value)}
      />
      <div className="wr-form-actions">
        <Button type="submit" appearance="primary" busy={create.isPending}>
          {t('reports:letters.create')}
        </Button>
      </div>
    </form>
  );
}

/** The reports of one programme: its snapshots (peildatum), its council letters, and the way to the letter template. */
export default function ProgrammeReportsPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const programme = useProgramme(id);
  const snapshots = useSnapshots(id);
  const letters = useLetters(id);
  const template = useTemplate(programme.data?.municipalityCode);
  const canManage = hasPermission(user, 'reports.manage');
  const canTemplate = hasPermission(user, 'report_templates.manage');
  const data = programme.data;

  const snapshotColumns: Column<SnapshotSummary>[] = [
    {
      key: 'title',
      header: t('reports:snapshots.title'),
      rowHeader: true,
      render: (s) => (
        <>
          <Link className="utrecht-link utrecht-link--html-a" to={`/rapportages/momentopnamen/${s.id}`}>
            {s.title}
          </Link>
          {s.isDemo ? (
            <>
              {' '}
              <span className="wr-tag">{t('reports:demo')}</span>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'peildatum', header: t('reports:snapshots.peildatum'), render: (s) => <span className="wr-nowrap">{formatDay(s.peildatum, i18n.language)}</span> },
    { key: 'period', header: t('reports:snapshots.period'), render: (s) => t('reports:snapshots.periodText', { start: formatDay(s.periodStart, i18n.language), end: formatDay(s.peildatum, i18n.language) }) },
    { key: 'takenBy', header: t('reports:snapshots.takenBy'), render: (s) => t('reports:snapshots.takenByText', { name: s.takenBy, at: formatDateTime(s.takenAt, i18n.language) }) },
  ];
  const letterColumns: Column<LetterSummary>[] = [
    {
      key: 'betreft',
      header: t('reports:letters.betreft'),
      rowHeader: true,
      render: (l) => (
        <>
          <Link className="utrecht-link utrecht-link--html-a" to={`/rapportages/brieven/${l.id}`}>
            {l.betreft || t('reports:letters.noSubject')}
          </Link>
          {l.isDemo ? (
            <>
              {' '}
              <span className="wr-tag">{t('reports:demo')}</span>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'version', header: t('reports:letters.version'), numeric: true, render: (l) => l.version },
    { key: 'peildatum', header: t('reports:letters.figuresOf'), render: (l) => <span className="wr-nowrap">{formatDay(l.peildatum, i18n.language)}</span> },
    { key: 'saved', header: t('reports:letters.saved'), render: (l) => t('reports:snapshots.takenByText', { name: l.savedBy, at: formatDateTime(l.savedAt, i18n.language) }) },
  ];

  return (
    <Page title={data ? t('reports:programme.title', { name: data.name }) : t('reports:nav.reports')} lead={t('reports:programme.lead')}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a wr-back-link" to={data ? `/programmas/${data.id}` : '/programmas'}>
          {data ? t('reports:programme.back', { name: data.name }) : t('reports:programme.backToProgrammes')}
        </Link>
      </p>
      <QueryState isPending={programme.isPending} error={programme.error} onRetry={() => void programme.refetch()} />
      {data ? (
        <>
          {data.isDemo ? (
            <Alert type="info" heading={t('reports:programme.demoHeading')}>
              <p className="utrecht-paragraph">{t('reports:programme.demoText')}</p>
            </Alert>
          ) : null}
          <Section title={t('reports:snapshots.heading')} id="snapshots">
            <p className="utrecht-paragraph">{t('reports:snapshots.explained')}</p>
            <QueryState isPending={snapshots.isPending} error={snapshots.error} onRetry={() => void snapshots.refetch()} />
            {snapshots.data ? <Table caption={t('reports:snapshots.caption')} captionHidden columns={snapshotColumns} rows={snapshots.data} rowKey={(s) => s.id} empty={t('reports:snapshots.none')} /> : null}
            {canManage ? <TakeSnapshotForm programmeId={data.id} onTaken={(snapshotId) => void navigate(`/rapportages/momentopnamen/${snapshotId}`)} /> : null}
          </Section>
          <Section title={t('reports:letters.heading')} id="letters">
            <p className="utrecht-paragraph">{t('reports:letters.explained')}</p>
            <QueryState isPending={letters.isPending} error={letters.error} onRetry={() => void letters.refetch()} />
            {letters.data ? <Table caption={t('reports:letters.caption')} captionHidden columns={letterColumns} rows={letters.data} rowKey={(l) => l.id} empty={t('reports:letters.none')} /> : null}
            {canManage && snapshots.data ? (
              snapshots.data.length ? (
                <NewLetterForm programmeId={data.id} programmeName={data.name} snapshots={snapshots.data} />
              ) : (
                <p className="utrecht-paragraph wr-muted">{t('reports:letters.needSnapshot')}</p>
              )
            ) : null}
          </Section>
          {template.data ? (
            <Section title={t('reports:template.sectionHeading')} id="template">
              <p className="utrecht-paragraph">
                {template.data.isDefault
                  ? t('reports:template.usesDefault', { municipality: template.data.content.municipalityName })
                  : t('reports:template.usesVersion', { municipality: template.data.content.municipalityName, version: template.data.version, date: formatDateTime(template.data.savedAt, i18n.language) })}
              </p>
              {canTemplate ? (
                <p className="utrecht-paragraph">
                  <Link className="utrecht-link utrecht-link--html-a" to={`/rapportages/sjabloon/${data.municipalityCode}`}>
                    {t('reports:template.edit', { municipality: template.data.content.municipalityName })}
                  </Link>
                </p>
              ) : null}
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
