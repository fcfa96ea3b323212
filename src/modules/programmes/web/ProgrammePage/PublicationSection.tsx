import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../../platform/web/components/Alert';
import { Button } from '../../../../platform/web/components/Button';
import { Section } from '../../../../platform/web/components/Page';
import { formatDateTime } from '../../../../platform/web/i18n/format';
import { problemMessage } from '../../../../platform/web/i18n/problem-message';
import { publicAreaPath } from '../../../publicpages/web/index';
import type { ProgrammeDetail } from '../../contract';
import { useSetProgrammePublication } from '../programmes-api';

/**
 * "Openbaar maken voor bewoners": whether residents see the programme on the public area pages (docs/publicpages.md).
 * Everyone who reads the programme sees whether it is public; whoever edits it switches it.
 */
export function PublicationSection({ programme, canManage }: { programme: ProgrammeDetail; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const publish = useSetProgrammePublication(programme.id);
  const [message, setMessage] = useState<string | null>(null);
  const isPublic = programme.publishedAt !== null;
  const toggle = () => {
    setMessage(null);
    publish.mutate(!isPublic, { onSuccess: () => setMessage(t(isPublic ? 'programmes:publication.withdrawn' : 'programmes:publication.published')) });
  };
  return (
    <Section title={t('programmes:publication.title')} id="publication">
      <p className="utrecht-paragraph">{t('programmes:publication.explain')}</p>
      <p className="utrecht-paragraph">
        {isPublic ? t('programmes:publication.isPublic', { date: formatDateTime(programme.publishedAt, i18n.language) }) : t('programmes:publication.isNotPublic')}
      </p>
      {isPublic && programme.areas.length > 0 ? (
        <ul className="utrecht-unordered-list">
          {programme.areas.map((area) => (
            <li key={area.code} className="utrecht-unordered-list__item">
              <Link className="utrecht-link" to={publicAreaPath(area.code)}>
                {t('programmes:publication.viewPage', { area: area.name })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {message ? (
        <Alert type="ok" live="status">
          {message}
        </Alert>
      ) : null}
      {publish.error ? (
        <Alert type="error" live="alert">
          {problemMessage(publish.error, t)}
        </Alert>
      ) : null}
      {canManage ? (
        <Button appearance={isPublic ? 'secondary' : 'primary'} busy={publish.isPending} onClick={toggle}>
          {t(isPublic ? 'programmes:publication.withdraw' : 'programmes:publication.publish')}
        </Button>
      ) : null}
    </Section>
  );
}
