import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '../../../../platform/web/components/Button';
import { Heading } from '../../../../platform/web/components/Heading';
import { useMkbaChange } from '../mkba-api';
import { MkbaError } from './MkbaError';

/** Puts the focus on an element by id (made focusable for the purpose), after the deleted thing is gone. */
function focusById(id: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (!element) return;
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.focus();
  });
}

/**
 * A "Verwijderen" button for an alternative or a measure that first asks: the confirmation opens in place
 * under it, says what goes with it (its lines, linked benefits, measures) and that it cannot be undone, with
 * the focus on its heading. "Annuleren" or Escape puts the focus back on the button; after deleting, the focus
 * goes to `focusAfter` (an element that stays, such as the list's heading).
 */
export function DeleteControl({ mkbaId, path, name, heading, consequences, focusAfter }: { mkbaId: string; path: string; name: string; heading: string; consequences: string[]; focusAfter: string }) {
  const { t } = useTranslation();
  const change = useMkbaChange(mkbaId);
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) title.current?.focus();
    else if (wasAsking.current) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  const confirmId = `confirm-${path.replace(/\W+/g, '-')}`;
  const cancel = () => {
    change.reset();
    setAsking(false);
  };
  return (
    <>
      <Button ref={button} appearance="subtle" danger aria-expanded={asking} onClick={() => (asking ? cancel() : setAsking(true))}>
        {t('learning:delete.button')}
        <span className="wr-visually-hidden">: {name}</span>
      </Button>
      {asking ? (
        <div className="wr-mkba-confirm" role="group" aria-labelledby={confirmId} onKeyDown={(event) => event.key === 'Escape' && cancel()}>
          <Heading level={4} id={confirmId} ref={title} tabIndex={-1}>
            {heading}
          </Heading>
          <MkbaError error={change.error} />
          {consequences.map((text) => (
            <p key={text} className="utrecht-paragraph">
              {text}
            </p>
          ))}
          <p className="utrecht-paragraph">{t('learning:delete.cannotUndo')}</p>
          <ButtonGroup>
            <Button appearance="primary" danger busy={change.isPending} // mutateAsync: mutate's callback is dropped when this control unmounts with its item first.
              onClick={() => void change.mutateAsync({ method: 'DELETE', path }).then(() => focusById(focusAfter), () => undefined)}>
              {t('learning:delete.confirm')}
            </Button>
            <Button onClick={cancel}>{t('learning:rename.cancel')}</Button>
          </ButtonGroup>
        </div>
      ) : null}
    </>
  );
}
