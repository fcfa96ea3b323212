import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { TextField } from '../../../../platform/web/components/FormField';
import { Section } from '../../../../platform/web/components/Page';
import { QueryState } from '../../../../platform/web/components/QueryState';
import type { EvaluationDetail } from '../../contract';
import { useEvaluationChange, useFactorLibrary } from '../evaluation-api';
import { EvaluationError } from './EvaluationError';
import { LibraryList } from './LibraryList';

/** The library, searchable, with a button per lesson to take it into this evaluation (the lead, before it is established). */
function AdoptFromLibrary({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const library = useFactorLibrary(q, '');
  const change = useEvaluationChange(evaluation.id);
  const adopted = new Set(evaluation.adoptedFactors.map((f) => f.factorId));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft);
  };
  return (
    <details className="wr-evaluation-details">
      <summary>{t('evaluation:adopted.searchLibrary')}</summary>
      <form role="search" aria-label={t('evaluation:adopted.search')} onSubmit={submit} className="wr-form wr-evaluation-row">
        <TextField id="adopt-q" type="search" label={t('evaluation:adopted.search')} value={draft} onChange={(event) => setDraft(event.target.value)} />
        <div>
          <Button type="submit">{t('evaluation:library.searchButton')}</Button>
        </div>
      </form>
      <EvaluationError error={change.error} />
      <QueryState isPending={library.isPending} error={library.error} onRetry={() => void library.refetch()} />
      {library.data ? (
        <LibraryList
          items={library.data.filter((f) => !adopted.has(f.id))}
          action={(factor) => (
            <Button busy={change.isPending} aria-label={t('evaluation:adopted.adoptLabel', { title: factor.title })} onClick={() => change.mutate({ method: 'POST', path: `/api/v1/evaluations/${evaluation.id}/adopted-factors`, body: { factorId: factor.id } })}>
              {t('evaluation:adopted.adopt')}
            </Button>
          )}
        />
      ) : null}
    </details>
  );
}

/** Lessons from earlier evaluations this evaluation checks. */
export function AdoptedSection({ evaluation }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation();
  return (
    <Section title={t('evaluation:adopted.heading')} id="evaluation-adopted">
      <p className="utrecht-paragraph">{t('evaluation:adopted.lead')}</p>
      {evaluation.adoptedFactors.length === 0 ? (
        <p className="utrecht-paragraph wr-muted">{t('evaluation:adopted.empty')}</p>
      ) : (
        <ul className="wr-evaluation-factors">
          {evaluation.adoptedFactors.map((factor) => (
            <li key={factor.factorId} className={`wr-evaluation-factor wr-evaluation-factor--${factor.kind}`}>
              <p className="wr-evaluation-factor__title">
                <span className="wr-tag">{t(`evaluation:factors.${factor.kind}`)}</span> <strong>{factor.title}</strong>
              </p>
              <p className="utrecht-paragraph">{factor.explanation}</p>
              <p className="utrecht-paragraph wr-muted">{t('evaluation:adopted.from', { origin: factor.origin })}</p>
              {factor.note ? <p className="utrecht-paragraph">{factor.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {evaluation.isLead && evaluation.status !== 'established' ? <AdoptFromLibrary evaluation={evaluation} /> : null}
    </Section>
  );
}
