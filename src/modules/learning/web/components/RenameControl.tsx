import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { TextField } from '../../../../platform/web/components/FormField';
import { useMkbaChange } from '../mkba-api';
import { MkbaError } from './MkbaError';

/**
 * A name with a "Naam wijzigen" button that opens a field for it in place, under the name (alternatives and
 * measures). Save or Escape/Cancel closes the field and puts the focus on the button again, so a keyboard user
 * stays put. `actions` (the delete button) stand beside it while the name is not being changed.
 */
export function RenameControl({ mkbaId, path, name, fieldId, fieldLabel, children, actions }: { mkbaId: string; path: string; name: string; fieldId: string; fieldLabel: string; children: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  const change = useMkbaChange(mkbaId);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const [missing, setMissing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) field.current?.focus();
    else if (wasEditing.current) button.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const stop = () => {
    setEditing(false);
    setMissing(false);
    change.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!value.trim());
    if (!value.trim()) return;
    change.mutate({ method: 'PATCH', path, body: { name: value.trim() } }, { onSuccess: () => setEditing(false) });
  };
  if (!editing) {
    return (
      <div className="wr-mkba-rename">
        {children}
        <Button
          ref={button}
          appearance="subtle"
          onClick={() => {
            setValue(name);
            setEditing(true);
          }}
        >
          {t('learning:rename.button')}
          <span className="wr-visually-hidden">: {name}</span>
        </Button>
        {actions}
      </div>
    );
  }
  // The name stays while its field is open: an alternative's heading labels its whole section.
  return (
    <>
      {children}
      <form onSubmit={submit} noValidate className="wr-form wr-mkba-inline-form" onKeyDown={(event) => event.key === 'Escape' && stop()}>
        <MkbaError error={change.error} />
        <TextField ref={field} id={fieldId} label={fieldLabel} value={value} onChange={(event) => setValue(event.target.value)} error={missing ? t('learning:form.required') : undefined} />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={change.isPending}>
            {t('learning:rename.save')}
          </Button>
          <Button onClick={stop}>{t('learning:rename.cancel')}</Button>
        </ButtonGroup>
      </form>
    </>
  );
}
