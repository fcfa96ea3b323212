import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem } from '../../../../platform/web/api-client';
import { Alert } from '../../../../platform/web/components/Alert';
import { FieldFrame } from '../../../../platform/web/components/FormField';
import type { AddressPoint, AddressSuggestion } from '../../contract';

/** How long typing must pause before we ask: one search per pause, not per key (the server limits searches). */
const PAUSE_MS = 250;
const MIN_LENGTH = 2;

interface AddressSearchProps {
  id: string;
  /** A chosen address, with its point and buurt (null = outside every known buurt). */
  onPlace: (place: AddressPoint) => void;
}

function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * Type an address, pick a suggestion, and the signal's place is set: the WAI-ARIA combobox pattern (arrows,
 * Enter, Escape; pointer and touch). The suggestions and the point come from our server, which asks the
 * configured address search; the page shows it only when the server offers one.
 */
export function AddressSearch({ id, onPlace }: AddressSearchProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picking, setPicking] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const query = useSettled(text.trim());
  const listId = `${id}-list`;
  const suggestions = useQuery({
    queryKey: ['address-suggestions', query],
    queryFn: () => api.get<{ items: AddressSuggestion[] }>(`/api/v1/address-suggestions?q=${encodeURIComponent(query)}`),
    enabled: query.length >= MIN_LENGTH,
    staleTime: 60_000,
    retry: false,
  });
  const items = query.length >= MIN_LENGTH ? (suggestions.data?.items ?? []) : [];
  const searchError = suggestions.error ? problemText(suggestions.error) : null;
  const error = pickError ?? searchError;

  function problemText(problem: unknown): string {
    if (problem instanceof ApiProblem && problem.status === 429) return t('signals:address.tooMany');
    if (problem instanceof ApiProblem && problem.code === 'signals.address_not_found') return t('signals:address.notFound');
    return t('signals:address.unavailable');
  }

  async function pick(option: AddressSuggestion) {
    setOpen(false);
    setActive(-1);
    setText(option.label);
    setPickError(null);
    setPicking(true);
    try {
      onPlace(await api.get<AddressPoint>(`/api/v1/address-suggestions/${encodeURIComponent(option.id)}`));
    } catch (problem) {
      setPickError(problemText(problem));
    } finally {
      setPicking(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (items.length === 0 ? -1 : (i + step + items.length) % items.length));
    } else if (event.key === 'Enter') {
      // Enter picks the highlighted address; it never submits the signal from here.
      event.preventDefault();
      const option = open && active >= 0 ? items[active] : undefined;
      if (option) void pick(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  const searching = query.length >= MIN_LENGTH && suggestions.isFetching;
  const status = picking
    ? t('signals:address.placing')
    : !open || query.length < MIN_LENGTH || searching
      ? ''
      : items.length === 0
        ? t('signals:address.none')
        : t('signals:address.count', { count: items.length });
  return (
    <FieldFrame id={id} label={t('signals:address.label')} description={t('signals:address.hint')} className="wr-address">
      <div className="wr-address__anchor">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          className="utrecht-textbox utrecht-textbox--html-input wr-address__input"
          aria-autocomplete="list"
          aria-expanded={open && items.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${id}-option-${active}` : undefined}
          aria-describedby={`${id}-description${error ? ` ${id}-problem` : ''}`}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPickError(null);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <div id={listId} role="listbox" aria-label={t('signals:address.listLabel')} className="wr-address__list" hidden={!open || items.length === 0}>
          {items.map((option, i) => (
            <div
              key={option.id}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={`wr-address__option${i === active ? ' wr-address__option--active' : ''}`}
              // Keep the focus in the input: a pointer press would blur it and close the list first.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void pick(option)}
            >
              {option.label}
              {option.type === 'weg' ? <span className="wr-address__kind"> ({t('signals:address.street')})</span> : null}
            </div>
          ))}
        </div>
      </div>
      {error ? (
        <Alert type="warning" live="alert" id={`${id}-problem`} className="wr-address__problem">
          {error}
        </Alert>
      ) : null}
      <div role="status" className="wr-visually-hidden">
        {status}
      </div>
    </FieldFrame>
  );
}
