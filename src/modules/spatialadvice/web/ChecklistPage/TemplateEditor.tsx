import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextAreaField } from '../../../../platform/web/components/FormField';
import { Section } from '../../../../platform/web/components/Page';
import { ITEM_KINDS, THEMES, type Template, type Theme } from '../../contract';
import { ProblemAlert } from '../components/ProblemAlert';
import { usePublishTemplate } from '../spatial-api';

interface Row {
  key: number;
  theme: Theme;
  kind: (typeof ITEM_KINDS)[number];
  text: string;
}

/** A new checklist version, begun as a copy of the current one; published versions never change. */
export function TemplateEditor({ current, onDone }: { current: Template; onDone: (version: number) => void }) {
  const { t } = useTranslation();
  const publish = usePublishTemplate();
  const [rows, setRows] = useState<Row[]>(() => current.items.map((item, i) => ({ key: i + 1, theme: item.theme, kind: item.kind, text: item.text })));
  const [note, setNote] = useState('');
  const [fields, setFields] = useState<FieldErrorLink[]>([]);
  const update = (key: number, patch: Partial<Row>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = rows.flatMap((r, i) => (r.text.trim() ? [] : [{ fieldId: `sa-row-${r.key}-text`, label: t('spatialadvice:checklist.row', { n: i + 1 }), message: t('spatialadvice:checklist.fillText', { n: i + 1 }) }]));
    setFields(found);
    if (found.length || rows.length === 0) return;
    publish.mutate({ ...(note.trim() ? { note: note.trim() } : {}), items: rows.map((r) => ({ theme: r.theme, kind: r.kind, text: r.text.trim() })) }, { onSuccess: (template) => onDone(template.version) });
  };
  return (
    <Section title={t('spatialadvice:checklist.edit')} id="sa-edit">
      <p className="utrecht-paragraph">{t('spatialadvice:checklist.editExplained')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary fields={fields} />
        <ProblemAlert error={publish.error} />
        {rows.map((r, i) => (
          <div key={r.key} className="wr-sa-template-row" role="group" aria-label={t('spatialadvice:checklist.row', { n: i + 1 })}>
            <SelectField id={`sa-row-${r.key}-theme`} label={t('spatialadvice:checklist.theme')} value={r.theme} onChange={(e) => update(r.key, { theme: e.target.value as Theme })} options={THEMES.map((th) => ({ value: th, label: t(`spatialadvice:themes.${th}`) }))} />
            <SelectField id={`sa-row-${r.key}-kind`} label={t('spatialadvice:checklist.kind')} value={r.kind} onChange={(e) => update(r.key, { kind: e.target.value as Row['kind'] })} options={ITEM_KINDS.map((k) => ({ value: k, label: t(`spatialadvice:scan.${k}`) }))} />
            <TextAreaField id={`sa-row-${r.key}-text`} label={t('spatialadvice:checklist.text')} value={r.text} onChange={(e) => update(r.key, { text: e.target.value })} rows={2} maxLength={1000} error={fields.find((f) => f.fieldId === `sa-row-${r.key}-text`)?.message} />
            <Button appearance="subtle" onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}>
              {t('spatialadvice:checklist.remove', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <p className="utrecht-paragraph">
          <Button onClick={() => setRows((list) => [...list, { key: Math.max(0, ...list.map((x) => x.key)) + 1, theme: 'zichtbaarheid', kind: 'requirement', text: '' }])}>{t('spatialadvice:checklist.add')}</Button>
        </p>
        <TextAreaField id="sa-template-note" label={t('spatialadvice:checklist.note')} optionalText={t('spatialadvice:raise.optional')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
        {rows.length === 0 ? (
          <Alert type="warning">
            <p className="utrecht-paragraph">{t('spatialadvice:checklist.empty')}</p>
          </Alert>
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={publish.isPending} disabled={rows.length === 0}>
            {t('spatialadvice:checklist.publish')}
          </Button>
          <Button appearance="subtle" onClick={() => onDone(0)}>
            {t('spatialadvice:checklist.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}
