import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../platform/web/components/Button';
import { ErrorSummary, type FieldErrorLink } from '../../../../platform/web/components/ErrorSummary';
import { SelectField, TextField } from '../../../../platform/web/components/FormField';
import { Heading } from '../../../../platform/web/components/Heading';
import { MKBA_ACTORS, type Alternative, type LinkableGoal, type MkbaDetail } from '../../contract';
import { formatNumber, parseEuros, parsePercent } from '../format';
import { useMkbaChange } from '../mkba-api';
import { MkbaError } from './MkbaError';

/**
 * Ties a benefit to a goal of the area's programme: the goal's trajectory × a value per unit (with its
 * source), for one actor; a rate or share also needs what it applies to (the area's own figure or a number
 * with its source). The amounts are worked out by the server from the goal's current figures.
 */
export function LinkedBenefitForm({ mkba, alternative, goals }: { mkba: MkbaDetail; alternative: Alternative; goals: LinkableGoal[] }) {
  const { t, i18n } = useTranslation();
  const change = useMkbaChange(mkba.id);
  const prefix = `linked-${alternative.id}`;
  const empty = { goalId: '', actor: 'gemeente', unitValue: '', unitValueSource: '', quantityKind: '', quantity: '', quantitySource: '', description: '' };
  const [form, setForm] = useState(empty);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorLink[]>([]);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const goal = goals.find((g) => g.id === form.goalId);
  const number = (value: number) => formatNumber(value, i18n.language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unitValueCents = parseEuros(form.unitValue, i18n.language);
    const quantity = form.quantity ? parsePercent(i18n.language === 'en' ? form.quantity.replace(/,/g, '') : form.quantity.replace(/\./g, '')) : null;
    const errors: FieldErrorLink[] = [];
    const add = (id: string, label: string, message: string) => errors.push({ fieldId: `${prefix}-${id}`, label, message });
    if (!goal) add('goal', t('learning:linked.goal'), t('learning:linked.chooseGoal'));
    if (unitValueCents === null || unitValueCents < 1) add('unit-value', t('learning:linked.unitValue'), t('learning:form.amount'));
    if (!form.unitValueSource.trim()) add('unit-value-source', t('learning:linked.unitValueSource'), t('learning:linked.sourceNeeded'));
    if (goal?.needsQuantity) {
      if (!form.quantityKind) add('quantity-kind', t('learning:linked.quantityKind'), t('learning:linked.chooseQuantity'));
      if (form.quantityKind === 'entered' && (quantity === null || quantity <= 0)) add('quantity', t('learning:linked.quantity'), t('learning:linked.quantityNeeded'));
      if (form.quantityKind === 'entered' && !form.quantitySource.trim()) add('quantity-source', t('learning:linked.quantitySource'), t('learning:linked.sourceNeeded'));
    }
    setFieldErrors(errors);
    if (errors.length > 0 || !goal) return;
    const quantityBody = !goal.needsQuantity ? null : form.quantityKind === 'area_figure' ? { kind: 'area_figure' } : { kind: 'entered', value: quantity, source: form.quantitySource.trim() };
    change.mutate(
      {
        method: 'POST',
        path: `/api/v1/mkba-alternatives/${alternative.id}/linked-benefits`,
        body: { goalId: goal.id, actor: form.actor, unitValueCents, unitValueSource: form.unitValueSource.trim(), quantity: quantityBody, description: form.description.trim() || undefined },
      },
      { onSuccess: () => setForm(empty) },
    );
  };
  const error = (id: string) => fieldErrors.find((f) => f.fieldId === `${prefix}-${id}`)?.message;

  return (
    <form onSubmit={submit} noValidate className="wr-form wr-mkba-line-form" aria-labelledby={`${prefix}-heading`}>
      <Heading level={4} id={`${prefix}-heading`}>
        {t('learning:linked.addHeading')}
      </Heading>
      <p className="utrecht-paragraph">{t('learning:linked.explained')}</p>
      {change.error ? <MkbaError error={change.error} /> : <ErrorSummary fields={fieldErrors} />}
      {change.isSuccess ? (
        <p className="utrecht-paragraph" role="status">
          {t('learning:line.added')}
        </p>
      ) : null}
      <SelectField
        id={`${prefix}-goal`}
        label={t('learning:linked.goal')}
        options={goals.map((g) => ({ value: g.id, label: `${g.name} (${g.indicatorName})` }))}
        placeholder={t('learning:linked.goalPlaceholder')}
        value={form.goalId}
        onChange={(event) => setForm({ ...form, goalId: event.target.value, quantityKind: '' })}
        error={error('goal')}
        description={
          goal
            ? t('learning:linked.goalFigures', { baseline: number(goal.baseline), baselineDate: goal.baselineDate.slice(0, 4), target: goal.target === null ? '—' : number(goal.target), targetDate: goal.targetDate.slice(0, 4), unit: goal.unit })
            : undefined
        }
      />
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
      <TextField id={`${prefix}-description`} label={t('learning:line.description')} optionalText={t('learning:form.optional')} value={form.description} onChange={set('description')} />
      <Button type="submit" appearance="primary" busy={change.isPending}>
        {t('learning:linked.add')}
      </Button>
    </form>
  );
}
