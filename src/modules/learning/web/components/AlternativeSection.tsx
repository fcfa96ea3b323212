import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { TextField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import { Table } from '../../../../platform/web/components/Table';
import { MKBA_ACTORS, type Alternative, type AlternativeResult, type Measure, type MkbaActor, type MkbaDetail } from '../../contract';
import { formatEuros } from '../format';
import { useLinkableGoals, useMkbaChange } from '../mkba-api';
import { LineForm } from './LineForm';
import { LineList } from './LineList';
import { LinkedBenefitForm } from './LinkedBenefitForm';
import { LinkedBenefitList } from './LinkedBenefits';
import { DeleteControl } from './DeleteControl';
import { RenameControl } from './RenameControl';
import { PmList } from './PmList';
import { MkbaError } from './MkbaError';

/** Costs and benefits per year (rows) and actor (columns), summed over the alternative's quantified lines. */
function YearActorTable({ alternative }: { alternative: Alternative }) {
  const { t, i18n } = useTranslation();
  const lines = alternative.lines.filter((l) => l.amountCents !== null);
  const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  const actors = MKBA_ACTORS.filter((a) => lines.some((l) => l.actor === a));
  const cell = (year: number, actor: MkbaActor) => {
    const sum = (kind: 'cost' | 'benefit') => lines.filter((l) => l.year === year && l.actor === actor && l.kind === kind).reduce((s, l) => s + (l.amountCents ?? 0), 0);
    const [costs, benefits] = [sum('cost'), sum('benefit')];
    return (
      <>
        {costs ? <span className="wr-mkba-cost">{t('learning:table.costs', { amount: formatEuros(costs, i18n.language) })}</span> : null}
        {costs && benefits ? <br /> : null}
        {benefits ? <span className="wr-mkba-benefit">{t('learning:table.benefits', { amount: formatEuros(benefits, i18n.language) })}</span> : null}
      </>
    );
  };
  return (
    <Table
      caption={t('learning:table.caption', { name: alternative.name })}
      columns={[{ key: 'year', header: t('learning:line.year'), render: (year: number) => String(year), rowHeader: true }, ...actors.map((actor) => ({ key: actor, header: t(`learning:actors.${actor}`), render: (year: number) => cell(year, actor), numeric: true }))]}
      rows={years}
      rowKey={(year) => String(year)}
      empty={t('learning:table.empty')}
      compact
    />
  );
}

function AddMeasureForm({ mkbaId, alternative }: { mkbaId: string; alternative: Alternative }) {
  const { t } = useTranslation();
  const change = useMkbaChange(mkbaId);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!name.trim());
    if (!name.trim()) return;
    change.mutate({ method: 'POST', path: `/api/v1/mkba-alternatives/${alternative.id}/measures`, body: { name } }, { onSuccess: () => setName('') });
  };
  return (
    <form onSubmit={submit} noValidate className="wr-form wr-mkba-inline-form">
      {change.error ? <MkbaError error={change.error} /> : null}
      <TextField id={`measure-${alternative.id}`} label={t('learning:measure.name')} value={name} onChange={(event) => setName(event.target.value)} error={missing ? t('learning:form.required') : undefined} />
      <Button type="submit" busy={change.isPending}>
        {t('learning:measure.add')}
      </Button>
    </form>
  );
}

/** One project alternative: its name and measures (renamed in place), its year × actor table, its PM items, its linked benefits and the forms to add to it. */
/** "3 regels met kosten of baten en 1 gekoppelde baat": what a deletion takes along, in words (nothing: an empty list). */
function countsInWords(parts: [key: string, count: number][], t: (key: string, options: { count: number }) => string, language: string): string | null {
  const words = parts.filter(([, count]) => count > 0).map(([key, count]) => t(`learning:delete.${key}`, { count }));
  return words.length ? new Intl.ListFormat(language === 'en' ? 'en-GB' : 'nl-NL', { type: 'conjunction' }).format(words) : null;
}

/** What goes with a measure (its lines and linked benefits) and with an alternative (all in it), for the confirmation. */
function useConsequences(mkba: MkbaDetail, alternative: Alternative) {
  const { t, i18n } = useTranslation();
  const ofMeasure = (m: Measure) => {
    const list = countsInWords([['lines', alternative.lines.filter((l) => l.measureId === m.id).length], ['linkedBenefits', alternative.linkedBenefits.filter((b) => b.measureId === m.id).length]], t, i18n.language);
    return [list ? t('learning:delete.measureTakes', { list }) : t('learning:delete.measureTakesNothing'), t('learning:delete.measureRest')];
  };
  const list = countsInWords([['measures', alternative.measures.length], ['lines', alternative.lines.length], ['linkedBenefits', alternative.linkedBenefits.length]], t, i18n.language);
  const ofAlternative = [
    list ? t('learning:delete.alternativeTakes', { list }) : t('learning:delete.alternativeTakesNothing'),
    t('learning:delete.nullAlternativeStays'),
    ...(mkba.alternatives.length === 1 ? [t('learning:delete.lastAlternative')] : []),
  ];
  return { ofMeasure, ofAlternative };
}

export function AlternativeSection({ mkba, alternative, result, canManage }: { mkba: MkbaDetail; alternative: Alternative; result: AlternativeResult | undefined; canManage: boolean }) {
  const { t } = useTranslation();
  const goals = useLinkableGoals(mkba.id);
  const consequences = useConsequences(mkba, alternative);
  const heading = (
    <Heading level={3} id={`alt-${alternative.id}`}>
      {alternative.name}
    </Heading>
  );
  return (
    <section className="wr-card wr-mkba-alternative" aria-labelledby={`alt-${alternative.id}`}>
      {canManage ? (
        <RenameControl
          mkbaId={mkba.id}
          path={`/api/v1/mkba-alternatives/${alternative.id}`}
          name={alternative.name}
          fieldId={`alt-name-${alternative.id}`}
          fieldLabel={t('learning:rename.alternative')}
          actions={
            <DeleteControl
              mkbaId={mkba.id}
              path={`/api/v1/mkba-alternatives/${alternative.id}`}
              name={alternative.name}
              heading={t('learning:delete.alternativeHeading', { name: alternative.name })}
              consequences={consequences.ofAlternative}
              focusAfter="mkba-alternatives-heading"
            />
          }
        >
          {heading}
        </RenameControl>
      ) : (
        heading
      )}
      {alternative.description ? <p className="utrecht-paragraph">{alternative.description}</p> : null}
      <Heading level={4} id={`measures-${alternative.id}`}>
        {t('learning:measure.heading')}
      </Heading>
      {alternative.measures.length === 0 ? <p className="utrecht-paragraph">{t('learning:measure.noneYet')}</p> : null}
      <ul className="utrecht-unordered-list wr-mkba-measures">
        {alternative.measures.map((m) => (
          <li key={m.id} className="utrecht-unordered-list__item">
            {canManage ? (
              <RenameControl
                mkbaId={mkba.id}
                path={`/api/v1/mkba-measures/${m.id}`}
                name={m.name}
                fieldId={`measure-name-${m.id}`}
                fieldLabel={t('learning:rename.measure')}
                actions={
                  <DeleteControl
                    mkbaId={mkba.id}
                    path={`/api/v1/mkba-measures/${m.id}`}
                    name={m.name}
                    heading={t('learning:delete.measureHeading', { name: m.name })}
                    consequences={consequences.ofMeasure(m)}
                    focusAfter={`measures-${alternative.id}`}
                  />
                }
              >
                <span>{m.name}</span>
              </RenameControl>
            ) : (
              m.name
            )}
          </li>
        ))}
      </ul>
      <div className="wr-mkba-result__top">
        <YearActorTable alternative={alternative} />
        <PmList items={alternative.lines.filter((l) => l.amountCents === null)} />
      </div>
      <LineList mkba={mkba} alternative={alternative} canManage={canManage} />
      <LinkedBenefitList mkba={mkba} alternative={alternative} goals={goals.data ?? []} items={result?.linkedBenefits ?? []} canManage={canManage} />
      {canManage ? (
        <>
          <LineForm mkba={mkba} alternative={alternative} />
          {goals.data && goals.data.length > 0 ? (
            <LinkedBenefitForm mkba={mkba} alternative={alternative} goals={goals.data} />
          ) : goals.data ? (
            <p className="utrecht-paragraph">{t('learning:linked.noGoals')}</p>
          ) : null}
          <AddMeasureForm mkbaId={mkba.id} alternative={alternative} />
        </>
      ) : null}
    </section>
  );
}
