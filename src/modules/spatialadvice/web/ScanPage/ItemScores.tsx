import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { FieldFrame, SelectField, TextAreaField } from '../../../../platform/web/components/FormField';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { SCORES, type ScanDetail, type Score, type TemplateItem } from '../../contract';
import { ProblemAlert } from '../components/ProblemAlert';
import { photoUrl, scanCalls, useScanChange } from '../spatial-api';
import { PhotoRemoval } from './PhotoRemoval';

interface Props {
  scan: ScanDetail;
  item: TemplateItem;
  /** The caller's participation, when they may score this scan now. */
  ownParticipantId: string | null;
}

/** The caller's own score of one item, then photos beside it. */
function OwnScoreForm({ scan, item, participantId }: { scan: ScanDetail; item: TemplateItem; participantId: string }) {
  const { t } = useTranslation();
  const own = scan.scores.find((s) => s.itemId === item.id && s.participantId === participantId);
  const [score, setScore] = useState<Score | ''>(own?.score ?? '');
  const [remark, setRemark] = useState(own?.remark ?? '');
  const [evidence, setEvidence] = useState(own?.evidence ?? '');
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState<FieldErrorLink[]>([]);
  const [done, setDone] = useState<'score' | 'photo' | null>(null);
  const change = useScanChange(scan.id);
  const id = (name: string) => `sa-${item.id}-${name}`;
  const save = (event: FormEvent) => {
    event.preventDefault();
    const found = score ? [] : [{ fieldId: id('score'), label: t('spatialadvice:scan.yourScore'), message: t('spatialadvice:scan.chooseScore') }];
    setFields(found);
    setDone(null);
    if (score) change.mutate(scanCalls.score(scan.id, item.id, { score, remark: remark.trim(), evidence: evidence.trim() }), { onSuccess: () => setDone('score') });
  };
  const upload = (event: FormEvent) => {
    event.preventDefault();
    const found = file ? [] : [{ fieldId: id('photo'), label: t('spatialadvice:scan.photo'), message: t('spatialadvice:scan.photoChoose') }];
    setFields(found);
    setDone(null);
    if (file)
      change.mutate(scanCalls.photo(scan.id, item.id, file), {
        onSuccess: () => {
          setDone('photo');
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
        },
      });
  };
  return (
    <div className="wr-sa-own">
      <ErrorSummary fields={fields} />
      <ProblemAlert error={change.error} />
      {done ? (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{done === 'score' ? t('spatialadvice:scan.saved') : t('spatialadvice:scan.photoSaved')}</p>
        </Alert>
      ) : null}
      <form onSubmit={save} noValidate aria-label={`${t('spatialadvice:scan.yourScore')}: ${item.text}`}>
        <SelectField
          id={id('score')}
          label={t('spatialadvice:scan.yourScore')}
          value={score}
          onChange={(e) => setScore(e.target.value as Score)}
          placeholder={t('spatialadvice:scan.scorePlaceholder')}
          options={SCORES.map((s) => ({ value: s, label: t(`spatialadvice:scores.${s}`) }))}
          error={fields.find((f) => f.fieldId === id('score'))?.message}
        />
        <TextAreaField id={id('remark')} label={t('spatialadvice:scan.remark')} optionalText={t('spatialadvice:raise.optional')} value={remark} onChange={(e) => setRemark(e.target.value)} rows={2} maxLength={2000} />
        <TextAreaField id={id('evidence')} label={t('spatialadvice:scan.evidence')} description={t('spatialadvice:scan.evidenceHint')} optionalText={t('spatialadvice:raise.optional')} value={evidence} onChange={(e) => setEvidence(e.target.value)} rows={2} maxLength={2000} />
        <Button type="submit" appearance="primary" busy={change.isPending}>
          {t('spatialadvice:scan.save')}
        </Button>
      </form>
      {own ? (
        <form onSubmit={upload} noValidate className="wr-sa-photo-form" aria-label={`${t('spatialadvice:scan.photo')}: ${item.text}`}>
          <FieldFrame id={id('photo')} label={t('spatialadvice:scan.photo')} description={t('spatialadvice:scan.photoHint')} error={fields.find((f) => f.fieldId === id('photo'))?.message}>
            <input
              ref={fileInput}
              id={id('photo')}
              type="file"
              accept="image/jpeg,image/png"
              className="utrecht-textbox utrecht-textbox--html-input"
              aria-describedby={`${id('photo')}-description`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </FieldFrame>
          <Button type="submit" busy={change.isPending}>
            {t('spatialadvice:scan.photoSubmit')}
          </Button>
        </form>
      ) : (
        <p className="utrecht-paragraph wr-muted">{t('spatialadvice:scan.photoFirst')}</p>
      )}
    </div>
  );
}

/** One checklist item: every discipline's score with remark, evidence and photos; where they differ; the caller's own form. */
export function ItemScores({ scan, item, ownParticipantId }: Props) {
  const { t } = useTranslation();
  const scores = scan.scores.filter((s) => s.itemId === item.id);
  const disagree = scan.disagreements.includes(item.id);
  // Said here, not in the removal form: that form goes with its photo when the scan is fetched again.
  const [removed, setRemoved] = useState(false);
  return (
    <li className="wr-sa-item" id={`sa-item-${item.id}`}>
      <div className="wr-sa-item__head">
        <StatusBadge status={item.kind === 'requirement' ? 'warning' : 'neutral'}>{t(`spatialadvice:scan.${item.kind}`)}</StatusBadge>
        <span>{item.text}</span>
        {disagree ? <StatusBadge status="danger">{t('spatialadvice:scan.disagree')}</StatusBadge> : null}
      </div>
      {scores.length === 0 ? (
        <p className="utrecht-paragraph wr-muted">{t('spatialadvice:scan.notScored')}</p>
      ) : (
        <ul className="wr-sa-scores">
          {scores.map((s) => {
            const p = scan.participants.find((x) => x.id === s.participantId);
            const who = p ? t('spatialadvice:scan.scoredBy', { discipline: t(`spatialadvice:disciplines.${p.discipline}`), name: p.name }) : '';
            return (
              <li key={s.id}>
                <strong>{who}:</strong> {t(`spatialadvice:scores.${s.score}`)}
                {s.remark ? <span className="wr-sa-block">{s.remark}</span> : null}
                {s.evidence ? (
                  <span className="wr-sa-block wr-muted">
                    {t('spatialadvice:scan.evidence')}: {s.evidence}
                  </span>
                ) : null}
                {s.photoIds.length ? (
                  <span className="wr-sa-photos">
                    {s.photoIds.map((photoId, index) => {
                      const alt = t('spatialadvice:scan.photoAlt', { item: item.text, name: p?.name ?? '', n: index + 1 });
                      // Whoever took it while the scan is open; whoever manages advices at any time (the server decides too).
                      const removable = scan.can.removePhotos || (ownParticipantId !== null && s.participantId === ownParticipantId);
                      return (
                        <span key={photoId} className="wr-sa-photo">
                          <a href={photoUrl(photoId)}>
                            <img src={photoUrl(photoId)} alt={alt} loading="lazy" />
                          </a>
                          {removable ? <PhotoRemoval scanId={scan.id} photoId={photoId} label={alt} onRemoved={() => setRemoved(true)} /> : null}
                        </span>
                      );
                    })}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <div role="status">{removed ? <p className="utrecht-paragraph">{t('spatialadvice:photoRemoval.removed')}</p> : null}</div>
      {ownParticipantId ? <OwnScoreForm scan={scan} item={item} participantId={ownParticipantId} /> : null}
    </li>
  );
}
