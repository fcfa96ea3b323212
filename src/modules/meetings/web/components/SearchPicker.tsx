import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from '../../../../platform/web/components/FormField';
import { matchOptions, type PickOption } from './match-options';

/**
 * Search and pick: a text input with a list of matches (the WAI-ARIA combobox pattern with a listbox popup),
 * the chosen options shown as chips with a remove button each. Works with keyboard (arrows, Home/End, Enter,
 * Escape), pointer and touch; the list opens over the page under the input, as wide as the field, so it
 * fits a phone screen and nothing below jumps when it closes.
 * With `multiple` false a choice replaces the one before. Picking a chosen option again removes it.
 */

interface SearchPickerProps {
  id: string;
  label: string;
  description?: string;
  optionalText?: string;
  options: readonly PickOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  multiple?: boolean;
  /** What the chip of a chosen option says before its label (e.g. "Buurt"). */
  chipPrefix?: (option: PickOption) => string;
  error?: string | undefined;
}

const LIMIT = 50;

export function SearchPicker({ id, label, description, optionalText, options, value, onChange, multiple = true, chipPrefix, error }: SearchPickerProps) {
  const { t } = useTranslation();
  const listId = `${id}-list`;
  const statusId = `${id}-status`;
  const groupPrefix = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const chosen = value.map((v) => options.find((o) => o.value === v)).filter((o): o is PickOption => o !== undefined);
  const { items, total } = useMemo(() => matchOptions(options, query, LIMIT), [options, query]);
  const groups = [...new Set(items.map((o) => o.group))];
  const optionId = (index: number) => `${id}-option-${index}`;
  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, open, active]);

  function pick(option: PickOption) {
    if (value.includes(option.value)) onChange(value.filter((v) => v !== option.value));
    else onChange(multiple ? [...value, option.value] : [option.value]);
    setQuery('');
    // The list closes after each pick, so it covers nothing; typing or an arrow key opens it again.
    setOpen(false);
    setActive(-1);
    inputRef.current?.focus();
  }

  function remove(option: PickOption) {
    onChange(value.filter((v) => v !== option.value));
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (items.length === 0 ? -1 : i >= items.length - 1 ? 0 : i + 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (items.length === 0 ? -1 : i <= 0 ? items.length - 1 : i - 1));
        break;
      case 'Home':
      case 'End':
        if (open && items.length > 0 && active >= 0) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : items.length - 1);
        }
        break;
      case 'Enter': {
        const option = open && active >= 0 ? items[active] : undefined;
        // Enter never submits the form from here: it picks, or does nothing.
        event.preventDefault();
        if (option) pick(option);
        break;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query) {
          event.preventDefault();
          setQuery('');
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
      default:
        break;
    }
  }

  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null, chosen.length ? `${id}-chosen` : null].filter(Boolean).join(' ');
  return (
    <FieldFrame id={id} label={label} description={description} error={error} optionalText={optionalText} className="wr-picker">
      {chosen.length > 0 ? (
        <ul id={`${id}-chosen`} className="wr-picker__chips" aria-label={t('meetings:picker.chosen', { label })}>
          {chosen.map((option) => {
            const text = chipPrefix ? `${chipPrefix(option)}: ${option.label}` : option.label;
            return (
              <li key={option.value} className="wr-picker__chip">
                <span>{text}</span>
                <button type="button" className="wr-picker__remove" aria-label={t('meetings:picker.remove', { label: text })} onClick={() => remove(option)}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="wr-picker__anchor">
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        className={`utrecht-textbox utrecht-textbox--html-input wr-picker__input${error ? ' utrecht-textbox--invalid' : ''}`}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        placeholder={t('meetings:picker.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className="wr-picker__popup" hidden={!open}>
      <div id={listId} role="listbox" aria-label={label} aria-multiselectable={multiple || undefined} className="wr-picker__list" hidden={items.length === 0}>
        {groups.map((group, g) => (
          <div key={group} role="group" aria-labelledby={`${groupPrefix}-g${g}`}>
            <div id={`${groupPrefix}-g${g}`} role="presentation" className="wr-picker__group">
              {group}
            </div>
            {items
              .filter((o) => o.group === group)
              .map((option) => {
                const i = items.indexOf(option);
                const selected = value.includes(option.value);
                return (
                  <div
                    key={option.value}
                    id={optionId(i)}
                    role="option"
                    aria-selected={selected}
                    className={`wr-picker__option${i === active ? ' wr-picker__option--active' : ''}`}
                    // Keep the focus in the input: a pointer press would blur it first.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => pick(option)}
                  >
                    <span aria-hidden="true" className="wr-picker__check">
                      {selected ? '✓' : ''}
                    </span>
                    {option.label}
                  </div>
                );
              })}
          </div>
        ))}
      </div>
      {total === 0 ? <p className="utrecht-paragraph wr-picker__note">{t('meetings:picker.none')}</p> : null}
      {total > LIMIT ? <p className="utrecht-paragraph wr-picker__note">{t('meetings:picker.more', { count: LIMIT, total })}</p> : null}
      </div>
      </div>
      <div id={statusId} role="status" className="wr-visually-hidden">
        {open ? (total === 0 ? t('meetings:picker.none') : total > LIMIT ? t('meetings:picker.more', { count: LIMIT, total }) : t('meetings:picker.count', { count: total })) : ''}
      </div>
    </FieldFrame>
  );
}
