import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { SelectField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import { StatusBadge } from '../../../../platform/web/components/StatusBadge';
import { formatDate } from '../../../../platform/web/i18n/format';
import { hasPermission, useCurrentUser } from '../../../../platform/web/session';
import { THEMES } from '../../contract';
import { useTemplate, useTemplates } from '../spatial-api';
import '../spatialadvice.css';
import { TemplateEditor } from './TemplateEditor';

/** The checklist versions: read any version, publish a new one as an edited copy of the current. */
export default function ChecklistPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const versions = useTemplates();
  const [chosen, setChosen] = useState('');
  const [editing, setEditing] = useState(false);
  const [published, setPublished] = useState(0);
  const currentId = versions.data?.[0]?.id;
  const shownId = chosen || currentId;
  const template = useTemplate(shownId);
  const current = useTemplate(currentId);
  const summary = versions.data?.find((v) => v.id === shownId);
  return (
    <Page title={t('spatialadvice:checklist.title')} lead={t('spatialadvice:checklist.lead')}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/veiligheidsadvies">
          {t('spatialadvice:scan.back')}
        </Link>
      </p>
      <QueryState isPending={versions.isPending} error={versions.error} />
      {published ? (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('spatialadvice:checklist.published', { version: published })}</p>
        </Alert>
      ) : null}
      {editing && current.data ? (
        <TemplateEditor
          current={current.data}
          onDone={(version) => {
            setEditing(false);
            setPublished(version);
            setChosen('');
          }}
        />
      ) : null}
      {versions.data && !editing ? (
        <>
          <SelectField
            id="sa-version"
            label={t('spatialadvice:checklist.versions')}
            value={shownId ?? ''}
            onChange={(e) => setChosen(e.target.value)}
            options={versions.data.map((v, i) => ({ value: v.id, label: `${t('spatialadvice:checklist.version', { version: v.version })}${i === 0 ? ` (${t('spatialadvice:checklist.current')})` : ''}` }))}
          />
          {hasPermission(user, 'spatialadvice.templates') ? (
            <p className="utrecht-paragraph">
              <Button
                onClick={() => {
                  setPublished(0);
                  setEditing(true);
                }}
              >
                {t('spatialadvice:checklist.edit')}
              </Button>
            </p>
          ) : null}
          {summary ? (
            <p className="utrecht-paragraph wr-muted">
              {t('spatialadvice:checklist.versionFacts', { date: formatDate(summary.publishedAt, i18n.language), by: summary.publishedBy ? t('spatialadvice:checklist.by', { name: summary.publishedBy }) : '', count: summary.itemCount })}
              {summary.note ? ` ${summary.note}` : ''}
            </p>
          ) : null}
          <QueryState isPending={template.isPending} error={template.error} />
          {template.data
            ? THEMES.map((theme) => {
                const items = template.data.items.filter((item) => item.theme === theme);
                if (items.length === 0) return null;
                return (
                  <Section key={theme} title={t(`spatialadvice:themes.${theme}`)} id={`sa-theme-${theme}`}>
                    <ul className="utrecht-unordered-list">
                      {items.map((item) => (
                        <li key={item.id} className="utrecht-unordered-list__item">
                          <StatusBadge status={item.kind === 'requirement' ? 'warning' : 'neutral'}>{t(`spatialadvice:scan.${item.kind}`)}</StatusBadge> {item.text}
                        </li>
                      ))}
                    </ul>
                  </Section>
                );
              })
            : null}
        </>
      ) : null}
    </Page>
  );
}
