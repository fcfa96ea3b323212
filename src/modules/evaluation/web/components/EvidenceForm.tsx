import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { SelectField, TextAreaField, TextField, type SelectOption } from '../../../../platform/web/components/FormField';
import { formatDate, formatNumber } from '../../../../platform/web/i18n/format';
import type { AddEvidence, EvidenceItem } from '../../contract';
import { useEvaluationChange, useEvidenceOptions } from '../evaluation-api';
import { EvaluationError } from './EvaluationError';

type Kind = EvidenceItem['kind'];
const KINDS: Kind[] = ['figure', 'activity', 'goal', 'decision', 'document'];

/**
 * Link evidence to a criterion: only what the server offers this user (figures of the programme's areas, its
 * activities and goals, decisions they may see) or a document; the server checks each target again.
 */
export function EvidenceForm({ evaluationId, criterionId }: { evaluationId: string; criterionId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const options = useEvidenceOptions(evaluationId, open);
  const change = useEvaluationChange(evaluationId);
  const [kind, setKind] = useState<Kind>('figure');
  const [target, setTarget] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const id = `evidence-${criterionId}`;

  const choices: SelectOption[] = !options.data
    ? []
    : kind === 'figure'
      ? options.data.figures.map((f) => ({
          value: `${f.areaCode}|${f.indicator}|${f.year}`,
          label: `${t('evaluation:evidence.figureOption', { indicator: f.indicatorName, area: f.areaName, year: f.year, value: `${formatNumber(f.value, i18n.language)}${f.unit ? ` ${f.unit}` : ''}` })}${f.survey ? ` (${t('evaluation:evidence.survey')})` : ''}`,
        }))
      : kind === 'activity'
        ? options.data.activities.map((a) => ({ value: a.id, label: a.name }))
        : kind === 'goal'
          ? options.data.goals.map((g) => ({ value: g.id, label: g.name }))
          : kind === 'decision'
            ? options.data.decisions.map((d) => ({ value: d.id, label: t('evaluation:evidence.decisionOption', { text: d.text, meeting: d.meetingTitle, date: formatDate(d.heldOn, i18n.language) }) }))
            : [];

  const body = (): AddEvidence | null => {
    if (kind === 'document') return title.trim() ? { kind, title, ...(url.trim() ? { url } : {}), note } : null;
    if (!target) return null;
    if (kind === 'figure') {
      const [areaCode = '', indicator = '', year = ''] = target.split('|');
      return { kind, areaCode, indicator, year: Number(year), note };
    }
    if (kind === 'activity') return { kind, activityId: target, note };
    if (kind === 'goal') return { kind, goalId: target, note };
    return { kind, decisionId: target, note };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const evidence = body();
    setMissing(!evidence);
    if (!evidence) return;
    change.mutate(
      { method: 'POST', path: `/api/v1/evaluation-criteria/${criterionId}/evidence`, body: evidence },
      {
        onSuccess: () => {
          setTarget('');
          setTitle('');
          setUrl('');
          setNote('');
        },
      },
    );
  };

  if (!open)
    return (
      <Button onClick={() => setOpen(true)} aria-expanded={false} aria-controls={id}>
        {t('evaluation:evidence.add')}
      </Button>
    );
  return (
    <form id={id} onSubmit={submit} noValidate className="wr-form wr-evaluation-evidence-form" aria-label={t('evaluation:evidence.add')}>
      <EvaluationError error={change.error ?? options.error} />
      <SelectField
        id={`${id}-kind`}
        label={t('evaluation:evidence.kind')}
        options={KINDS.map((k) => ({ value: k, label: t(`evaluation:evidence.kinds.${k}`) }))}
        value={kind}
        onChange={(event) => {
          setKind(event.target.value as Kind);
          setTarget('');
          setMissing(false);
        }}
      />
      {kind === 'document' ? (
        <>
          <TextField id={`${id}-title`} label={t('evaluation:evidence.title')} value={title} onChange={(event) => setTitle(event.target.value)} error={missing ? t('evaluation:form.required') : undefined} />
          <TextField id={`${id}-url`} type="url" label={t('evaluation:evidence.url')} description={t('evaluation:evidence.urlHint')} optionalText={t('evaluation:form.optional')} value={url} onChange={(event) => setUrl(event.target.value)} />
        </>
      ) : options.data && choices.length === 0 ? (
        <p className="utrecht-paragraph">{t('evaluation:evidence.nothing')}</p>
      ) : (
        <SelectField
          id={`${id}-target`}
          label={t(`evaluation:evidence.${kind}`)}
          placeholder={t('evaluation:evidence.choose')}
          options={choices}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          error={missing ? t('evaluation:form.choose') : undefined}
        />
      )}
      <TextAreaField id={`${id}-note`} label={t('evaluation:evidence.note')} optionalText={t('evaluation:form.optional')} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      <Button type="submit" busy={change.isPending}>
        {t('evaluation:evidence.add')}
      </Button>
    </form>
  );
}
