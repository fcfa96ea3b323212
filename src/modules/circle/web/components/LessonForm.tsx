import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../../../platform/web/components/FormField';
import { MEETING_PARTS, type Lesson, type MeetingPart } from '../../contract';
import { useCreateLesson, useUpdateLesson } from '../circle-api';
import { CircleError } from './CircleError';

/**
 * Write down a lesson; from a meeting page it also names the part of the meeting it came from. Given a lesson, the
 * form changes it instead (the meeting it came from stays as it was written down).
 */
export function LessonForm({ meetingId, lesson, onDone }: { meetingId?: string; lesson?: Lesson; onDone?: () => void }) {
  const { t } = useTranslation();
  const createLesson = useCreateLesson();
  const updateLesson = useUpdateLesson();
  const create = lesson ? updateLesson : createLesson;
  const empty = { title: '', text: '', theme: '', areaName: '', tags: '', part: '' };
  const initial = lesson ? { title: lesson.title, text: lesson.text, theme: lesson.theme, areaName: lesson.areaName ?? '', tags: lesson.tags.join(', '), part: '' } : empty;
  const [form, setForm] = useState(initial);
  // Field ids stay unique when a lesson's edit form is on the page beside the form for a new one.
  const prefix = lesson ? `lesson-edit-${lesson.id}` : 'lesson';
  const [errors, setErrors] = useState<FieldErrorLink[]>([]);
  const [saved, setSaved] = useState(false);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrorLink[] = [];
    const need = (ok: boolean, fieldId: string, label: string, message: string) => (ok ? null : found.push({ fieldId, label, message }));
    need(form.title.trim() !== '', `${prefix}-title`, t('circle:lesson.title'), t('circle:form.required'));
    need(form.text.trim() !== '', `${prefix}-text`, t('circle:lesson.text'), t('circle:form.required'));
    need(form.theme.trim() !== '', `${prefix}-theme`, t('circle:lesson.theme'), t('circle:form.required'));
    if (meetingId) need(form.part !== '', `${prefix}-part`, t('circle:lesson.part'), t('circle:form.choosePart'));
    setErrors(found);
    setSaved(false);
    if (found.length > 0) return;
    const tags = form.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
    if (lesson) {
      updateLesson.mutate({ id: lesson.id, title: form.title, text: form.text, theme: form.theme, areaName: form.areaName.trim() || null, tags }, { onSuccess: () => onDone?.() });
      return;
    }
    createLesson.mutate(
      {
        title: form.title,
        text: form.text,
        theme: form.theme,
        areaName: form.areaName.trim() || null,
        tags,
        ...(meetingId ? { meetingId, meetingPart: form.part as MeetingPart } : {}),
      },
      {
        onSuccess: () => {
          setForm(empty);
          setSaved(true);
        },
      },
    );
  };
  const error = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <form onSubmit={submit} noValidate className="wr-form">
      {create.error ? <CircleError error={create.error} /> : <ErrorSummary fields={errors} />}
      {saved ? <p className="utrecht-paragraph" role="status">{t('circle:lesson.saved')}</p> : null}
      <TextField id={`${prefix}-title`} label={t('circle:lesson.title')} value={form.title} onChange={set('title')} error={error(`${prefix}-title`)} maxLength={200} />
      <TextAreaField id={`${prefix}-text`} label={t('circle:lesson.text')} description={t('circle:lesson.textHint')} value={form.text} onChange={set('text')} error={error(`${prefix}-text`)} rows={4} />
      <TextField id={`${prefix}-theme`} label={t('circle:lesson.theme')} description={t('circle:lesson.themeHint')} value={form.theme} onChange={set('theme')} error={error(`${prefix}-theme`)} maxLength={100} />
      <TextField id={`${prefix}-area`} label={t('circle:lesson.area')} optionalText={t('circle:form.optional')} value={form.areaName} onChange={set('areaName')} maxLength={200} />
      <TextField id={`${prefix}-tags`} label={t('circle:lesson.tags')} description={t('circle:lesson.tagsHint')} optionalText={t('circle:form.optional')} value={form.tags} onChange={set('tags')} />
      {meetingId ? (
        <SelectField id={`${prefix}-part`} label={t('circle:lesson.part')} placeholder={t('circle:lesson.partPlaceholder')} options={MEETING_PARTS.map((p) => ({ value: p, label: t(`circle:parts.${p}`) }))} value={form.part} onChange={set('part')} error={error(`${prefix}-part`)} />
      ) : null}
      {lesson ? (
        <ButtonGroup>
          <Button appearance="primary" type="submit" busy={create.isPending}>
            {t('circle:lesson.saveChange')}
          </Button>
          <Button onClick={() => onDone?.()}>{t('circle:form.cancel')}</Button>
        </ButtonGroup>
      ) : (
        <Button appearance="primary" type="submit" busy={create.isPending}>
          {t('circle:lesson.submit')}
        </Button>
      )}
    </form>
  );
}
