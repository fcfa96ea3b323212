import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { Heading } from '../../../../platform/web/components/Heading';
import { Table } from '../../../../platform/web/components/Table';
import type { Alternative, LinkableGoal, LinkedBenefitResult, MkbaDetail } from '../../contract';
import { formatEuros, formatNumber } from '../format';
import { useMkbaChange } from '../mkba-api';
import { LinkedBenefitForm } from './LinkedBenefitForm';
import { MkbaError } from './MkbaError';

/** "Dordt West groeit naar 33.000 inwoners", or that its goal is gone. */
function goalName(benefit: LinkedBenefitResult, t: (key: string) => string): string {
  return benefit.goal?.name ?? t('learning:linked.goalGone');
}

/**
 * Per linked benefit which goal and which figures it used (baseline, target, their dates, the quantity and
 * the unit value with its source) and its present value; per year folded away. A benefit whose goal is gone
 * says so and counts for nothing.
 */
export function LinkedBenefitsResult({ items }: { items: LinkedBenefitResult[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  const euros = (cents: number) => formatEuros(cents, i18n.language);
  const number = (value: number, digits = 2) => formatNumber(value, i18n.language, digits);
  const figures = (b: LinkedBenefitResult) =>
    b.goal
      ? t('learning:linked.figures', {
          indicator: b.goal.indicatorName,
          baseline: number(b.goal.baseline, b.goal.decimals),
          baselineDate: b.goal.baselineDate.slice(0, 4),
          target: number(b.goal.target, b.goal.decimals),
          targetDate: b.goal.targetDate.slice(0, 4),
          unit: b.goal.unit,
        })
      : t('learning:linked.notCounted');
  const quantity = (b: LinkedBenefitResult) =>
    !b.quantity || b.quantity.source === 'none' ? '—' : t(`learning:linked.quantityOf.${b.quantity.source}`, { value: number(b.quantity.value, 0), per: number(b.quantity.per, 0), source: b.quantity.sourceText });
  return (
    <>
      <Heading level={4}>{t('learning:linked.resultHeading')}</Heading>
      <p className="utrecht-paragraph">{t('learning:linked.resultExplained')}</p>
      <Table
        caption={t('learning:linked.resultCaption')}
        captionHidden
        columns={[
          { key: 'goal', header: t('learning:linked.goal'), render: (b) => goalName(b, t), rowHeader: true },
          { key: 'figures', header: t('learning:linked.figuresHeader'), render: figures },
          { key: 'quantity', header: t('learning:linked.quantity'), render: quantity },
          { key: 'unit', header: t('learning:linked.unitValue'), render: (b) => `${euros(b.unitValueCents)} (${b.unitValueSource})` },
          { key: 'actor', header: t('learning:line.actor'), render: (b) => t(`learning:actors.${b.actor}`) },
          { key: 'pv', header: t('learning:linked.pv'), render: (b) => euros(b.pvCents), numeric: true },
        ]}
        rows={items}
        rowKey={(b) => b.id}
      />
      {items
        .filter((b) => b.state === 'ok')
        .map((b) => (
          <details key={b.id} className="wr-mkba-lines">
            <summary>{t('learning:linked.perYear', { name: goalName(b, t) })}</summary>
            <Table
              caption={t('learning:linked.perYear', { name: goalName(b, t) })}
              captionHidden
              compact
              columns={[
                { key: 'year', header: t('learning:line.year'), render: (y) => String(y.year), rowHeader: true },
                { key: 'value', header: t('learning:linked.trajectory'), render: (y) => number(y.value), numeric: true },
                { key: 'effect', header: t('learning:linked.effect'), render: (y) => number(y.effect), numeric: true },
                { key: 'amount', header: t('learning:line.amount'), render: (y) => euros(y.amountCents), numeric: true },
              ]}
              rows={b.years}
              rowKey={(y) => String(y.year)}
            />
          </details>
        ))}
    </>
  );
}

/**
 * The linked benefits of an alternative, each with its measure when it is tied to one; those who may manage
 * can change one in place (the form opens under the list with the focus on its heading; afterwards the focus
 * goes back to the benefit's button) or delete it.
 */
export function LinkedBenefitList({ mkba, alternative, goals, items, canManage }: { mkba: MkbaDetail; alternative: Alternative; goals: LinkableGoal[]; items: LinkedBenefitResult[]; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const change = useMkbaChange(mkba.id);
  const [editing, setEditing] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  if (items.length === 0) return null;
  const stored = (id: string) => alternative.linkedBenefits.find((b) => b.id === id);
  const measureName = (id: string) => alternative.measures.find((m) => m.id === stored(id)?.measureId)?.name;
  const edited = editing ? stored(editing) : undefined;
  const stopEditing = () => {
    const id = editing;
    setEditing(null);
    if (id) requestAnimationFrame(() => editButtons.current.get(id)?.focus());
  };
  return (
    <div className="wr-mkba-linked">
      <Heading level={4}>{t('learning:linked.heading')}</Heading>
      <MkbaError error={change.error} />
      <ul className="utrecht-unordered-list">
        {items.map((b) => (
          <li key={b.id} className="utrecht-unordered-list__item">
            {t('learning:linked.item', { goal: goalName(b, t), value: formatEuros(b.unitValueCents, i18n.language), actor: t(`learning:actors.${b.actor}`) })}
            {measureName(b.id) ? ` ${t('learning:linked.ofMeasure', { measure: measureName(b.id) })}` : null}
            {b.state !== 'ok' ? <strong> {t('learning:linked.notCounted')}</strong> : null}{' '}
            {canManage ? (
              <ButtonGroup className="wr-mkba-item-actions">
                <Button
                  appearance="subtle"
                  ref={(element: HTMLButtonElement | null) => {
                    if (element) editButtons.current.set(b.id, element);
                    else editButtons.current.delete(b.id);
                  }}
                  aria-expanded={editing === b.id}
                  onClick={() => setEditing(editing === b.id ? null : b.id)}
                >
                  {t('learning:lines.edit')}
                  <span className="wr-visually-hidden">: {goalName(b, t)}</span>
                </Button>
                <Button appearance="subtle" danger busy={change.isPending && change.variables?.path.endsWith(b.id)} onClick={() => change.mutate({ method: 'DELETE', path: `/api/v1/mkba-linked-benefits/${b.id}` })}>
                  {t('learning:lines.delete')}
                  <span className="wr-visually-hidden">: {goalName(b, t)}</span>
                </Button>
              </ButtonGroup>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage && edited ? (
        <LinkedBenefitForm key={edited.id} mkba={mkba} alternative={alternative} goals={goals} benefit={edited} goalName={items.find((b) => b.id === edited.id)?.goal?.name} onDone={stopEditing} />
      ) : null}
    </div>
  );
}
