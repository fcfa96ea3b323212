import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import { MKBA_ACTORS, type Alternative, type LinkableGoal, type LinkedBenefit, type MkbaDetail } from '../../contract';
import { formatAmountInput, formatNumber, parseEuros, parsePercent } from '../format';
import { useMkbaChange } from '../mkba-api';
import { MkbaError } from './MkbaError';

/** A quantity as a person types it: "1234,5" in Dutch, "1234.5" in English, no thousands separator. */
const quantityInput = (value: number, language: string) => (language === 'en' ? String(value) : String(value).replace('.', ','));

/**
 * Ties a benefit to a goal of the area's programme: the goal's trajectory × a value per unit (with its
 * source), for one actor, optionally for one measure of the alternative; a rate or share also needs what it
 * applies to (the area's own figure or a number with its source). The amounts are worked out by the server
 * from the goal's current figures. With `benefit` it changes one in place (everything but its goal: another
 * goal is a new link), with the same checks and messages; the focus starts on its heading.
 */
export function LinkedBenefitForm({ mkba, alternative, goals, benefit, goalName, onDone }: { mkba: MkbaDetail; alternative: Alternative; goals: LinkableGoal[]; benefit?: LinkedBenefit; goalName?: string; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const change = useMkbaChange(mkba.id);
  const prefix = benefit ? `linked-edit-${benefit.id}` : `linked-${alternative.id}`;
  const empty = { goalId: '', actor: 'gemeente', unitValue: '', unitValueSource: '', quantityKind: '', quantity: '', quantitySource: '', measureId: '', description: '' };
  const initial = benefit
    ? {
        goalId: benefit.goalId,
        actor: benefit.actor,
        unitValue: formatAmountInput(benefit.unitValueCents, i18n.language),
        unitValueSource: benefit.unitValueSource,
        quantityKind: benefit.quantity.kind === 'none' ? '' : benefit.quantity.kind,
        quantity: benefit.quantity.kind === 'entered' ? quantityInput(benefit.quantity.value, i18n.language) : '',
        quantitySource: benefit.quantity.kind === 'entered' ? benefit.quantity.source : '',
        measureId: benefit.measureId ?? '',
        description: benefit.description,
      }
    : empty;
  const [form, setForm] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  // Changing opens with the focus on the form's heading, so a screen reader hears which benefit it changes.
  useEffect(() => {
    if (benefit) heading.current?.focus();
  }, [benefit]);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  // A benefit whose goal is gone (or hidden from this user) keeps its goal; its quantity cannot be checked then.
  const goal = goals.find((g) => g.id === form.goalId);
  const number = (value: number) => formatNumber(value, i18n.language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unitValueCents = parseEuros(form.unitValue, i18n.language);
    const quantity = form.quantity ? parsePercent(i18n.language === 'en' ? form.quantity.replace(/,/g, '') : form.quantity.replace(/\./g, '')) : null;
    const errors: FieldErrorLink[] = [];
    const add = (id: string, label: string, message: string) => errors.push({ fieldId: `${prefix}-${id}`, label, message });
    if (!goal && !benefit) add('goal', t('learning:linked.goal'), t('learning:linked.chooseGoal'));
    if (unitValueCents === null || unitValueCents < 1) add('unit-value', t('learning:linked.unitValue'), t('learning:form.amount'));
    if (!form.unitValueSource.trim()) add('unit-value-source', t('learning:linked.unitValueSource'), t('learning:linked.sourceNeeded'));
    if (goal?.needsQuantity) {
      if (!form.quantityKind) add('quantity-kind', t('learning:linked.quantityKind'), t('learning:linked.chooseQuantity'));
      if (form.quantityKind === 'entered' && (quantity === null || quantity <= 0)) add('quantity', t('learning:linked.quantity'), t('learning:linked.quantityNeeded'));
      if (form.quantityKind === 'entered' && !form.quantitySource.trim()) add('quantity-source', t('learning:linked.quantitySource'), t('learning:linked.sourceNeeded'));
    }
    setFieldErrors(errors);
    if (errors.length > 0) return;
    const quantityBody = !goal?.needsQuantity ? null : form.quantityKind === 'area_figure' ? { kind: 'area_figure' } : { kind: 'entered', value: quantity, source: form.quantitySource.trim() };
    const common = { actor: form.actor, unitValueCents, unitValueSource: form.unitValueSource.trim(), measureId: form.measureId || null };
    if (benefit) {
      // The quantity is sent only for a rate or share whose goal can be read now (the server checks it against
      // the goal); a count has none, so changing its value never depends on the goal.
      const body = { ...common, description: form.description.trim(), ...(goal?.needsQuantity ? { quantity: quantityBody } : {}) };
      change.mutate({ method: 'PATCH', path: `/api/v1/mkba-linked-benefits/${benefit.id}`, body }, { onSuccess: () => onDone?.() });
    } else if (goal) {
      const body = { ...common, goalId: goal.id, quantity: quantityBody, description: form.description.trim() || undefined };
      change.mutate({ method: 'POST', path: `/api/v1/mkba-alternatives/${alternative.id}/linked-benefits`, body }, { onSuccess: () => setForm(empty) });
    }
  };
  const error = (id: string) => fieldErrors.find((f) => f.fieldId === `${prefix}-${id}`)?.message;
  const goalFigures = (g: LinkableGoal) =>
    t('learning:linked.goalFigures', { baseline: number(g.baseline), baselineDate: g.baselineDate.slice(0, 4), target: g.target === null ? '—' : number(g.target), targetDate: g.targetDate.slice(0, 4), unit: g.unit });

  return (
    <form onSubmit={submit} noValidate className="wr-form wr-mkba-line-form" aria-labelledby={`${prefix}-heading`} onKeyDown={(event) => benefit && event.key === 'Escape' && onDone?.()}>
      <Heading level={4} id={`${prefix}-heading`} ref={heading} tabIndex={benefit ? -1 : undefined}>
        {benefit ? t('learning:linked.editHeading', { goal: goal?.name ?? goalName ?? t('learning:linked.goalGone') }) : t('learning:linked.addHeading')}
      </Heading>
      <p className="utrecht-paragraph">{benefit ? t('learning:linked.editExplained') : t('learning:linked.explained')}</p>
      {change.error ? <MkbaError error={change.error} /> : <ErrorSummary fields={fieldErrors} />}
      {change.isSuccess && !benefit ? (
        <p className="utrecht-paragraph" role="status">
          {t('learning:line.added')}
        </p>
      ) : null}
      {benefit ? (
        goal ? (
          <p className="utrecht-paragraph">{goalFigures(goal)}</p>
        ) : (
          <p className="utrecht-paragraph">{t('learning:linked.notCounted')}</p>
        )
      ) : (
        <SelectField
          id={`${prefix}-goal`}
          label={t('learning:linked.goal')}
          options={goals.map((g) => ({ value: g.id, label: `${g.name} (${g.indicatorName})` }))}
          placeholder={t('learning:linked.goalPlaceholder')}
          value={form.goalId}
          onChange={(event) => setForm({ ...form, goalId: event.target.value, quantityKind: '' })}
          error={error('goal')}
          description={goal ? goalFigures(goal) : undefined}
        />
      )}
      <div className="wr-mkba-row">
        <SelectField id={`${prefix}-actor`} label={t('learning:linked.actor')} options={MKBA_ACTORS.map((a) => ({ value: a, label: t(`learning:actors.${a}`) }))} value={form.actor} onChange={set('actor')} />
        <TextField id={`${prefix}-unit-value`} label={t('learning:linked.unitValue')} description={t('learning:linked.unitValueHint')} inputMode="decimal" value={form.unitValue} onChange={set('unitValue')} error={error('unit-value')} />
      </div>
      <TextField id={`${prefix}-unit-value-source`} label={t('learning:linked.unitValueSource')} description={t('learning:linked.unitValueSourceHint')} value={form.unitValueSource} onChange={set('unitValueSource')} error={error('unit-value-source')} />
      {goal?.needsQuantity ? (
        <>
          <SelectField
            id={`${prefix}-quantity-kind`}
            label={t('learning:linked.quantityKind')}
            description={t('learning:linked.quantityKindHint', { unit: goal.unit })}
            options={[
              ...(goal.areaQuantityName ? [{ value: 'area_figure', label: t('learning:linked.areaFigure', { name: goal.areaQuantityName }) }] : []),
              { value: 'entered', label: t('learning:linked.entered') },
            ]}
            placeholder={t('learning:linked.quantityPlaceholder')}
            value={form.quantityKind}
            onChange={set('quantityKind')}
            error={error('quantity-kind')}
          />
          {form.quantityKind === 'entered' ? (
            <div className="wr-mkba-row">
              <TextField id={`${prefix}-quantity`} label={t('learning:linked.quantity')} inputMode="decimal" value={form.quantity} onChange={set('quantity')} error={error('quantity')} />
              <TextField id={`${prefix}-quantity-source`} label={t('learning:linked.quantitySource')} value={form.quantitySource} onChange={set('quantitySource')} error={error('quantity-source')} />
            </div>
          ) : null}
        </>
      ) : null}
      <div className="wr-mkba-row">
        {alternative.measures.length > 0 ? (
          <SelectField id={`${prefix}-measure`} label={t('learning:line.measure')} options={alternative.measures.map((m) => ({ value: m.id, label: m.name }))} placeholder={t('learning:line.noMeasure')} value={form.measureId} onChange={set('measureId')} />
        ) : null}
        <TextField id={`${prefix}-description`} label={t('learning:line.description')} optionalText={t('learning:form.optional')} value={form.description} onChange={set('description')} />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={change.isPending}>
          {benefit ? t('learning:line.save') : t('learning:linked.add')}
        </Button>
        {benefit ? <Button onClick={onDone}>{t('learning:rename.cancel')}</Button> : null}
      </ButtonGroup>
    </form>
  );
}
