import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../../platform/web/components/Button';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Page, Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import type { FactorKind } from '../../contract';
import { LibraryList } from '../components/LibraryList';
import { useFactorLibrary } from '../evaluation-api';
import '../evaluation.css';

/** The shared library of success and failure factors, searchable, each with where it came from. */
export default function FactorLibraryPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ q: '', kind: '' as FactorKind | '' });
  const [search, setSearch] = useState(draft);
  const library = useFactorLibrary(search.q, search.kind);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft);
  };
  return (
    <Page title={t('evaluation:library.title')} lead={t('evaluation:library.lead')}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to="/evaluaties">
          {t('evaluation:detail.back')}
        </Link>
      </p>
      <form role="search" aria-label={t('evaluation:library.search')} onSubmit={submit} className="wr-form wr-evaluation-row">
        <TextField id="library-q" type="search" label={t('evaluation:library.search')} value={draft.q} onChange={(event) => setDraft({ ...draft, q: event.target.value })} />
        <SelectField
          id="library-kind"
          label={t('evaluation:library.kind')}
          value={draft.kind}
          onChange={(event) => setDraft({ ...draft, kind: event.target.value as FactorKind | '' })}
          options={[
            { value: '', label: t('evaluation:library.all') },
            { value: 'success', label: t('evaluation:factors.successes') },
            { value: 'failure', label: t('evaluation:factors.failures') },
          ]}
        />
        <div>
          <Button type="submit" appearance="primary">
            {t('evaluation:library.searchButton')}
          </Button>
        </div>
      </form>
      <QueryState isPending={library.isPending} error={library.error} onRetry={() => void library.refetch()} />
      {library.data ? (
        <Section title={t('evaluation:library.count', { count: library.data.length })} id="library-results">
          <LibraryList items={library.data} />
        </Section>
      ) : null}
    </Page>
  );
}
