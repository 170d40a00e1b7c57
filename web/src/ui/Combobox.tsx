/**
 * A search box with suggestions as people type (ARIA 1.2 combobox): arrows move, Enter or a
 * click picks, Escape closes. The box shows words; the code picked goes to `onPick`.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Suggestion {
  key: string;
  text: string;
  detail?: string | undefined;
  /** Codes that come with the choice (a job title's ROME code). */
  meta?: Record<string, string>;
}

export function Combobox(props: {
  id: string;
  find: (query: string) => Promise<Suggestion[]>;
  onPick: (suggestion: Suggestion) => void;
  /** The words of the current choice (single choice); empty for a box that adds to a list. */
  chosen?: string | undefined;
  /** Called when the person edits the text of a single choice: the choice is undone. */
  onClear?: () => void;
  /** Enter on text that matches no suggestion (free text, e.g. a skill in one's own words). */
  onFreeText?: (text: string) => void;
  describedBy?: string | undefined;
  placeholder?: string;
  invalid?: boolean;
}) {
  const [text, setText] = useState(props.chosen ?? '');
  const [options, setOptions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searched, setSearched] = useState(false);
  const typed = useRef(false);
  useEffect(() => setText(props.chosen ?? ''), [props.chosen]);
  useEffect(() => {
    const query = text.trim();
    if (!typed.current || query.length < 2) {
      setOptions([]);
      setSearched(false);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      props
        .find(query)
        .then((found) => {
          if (!live) return;
          setOptions(found);
          setActive(found.length ? 0 : -1);
          setOpen(true);
          setSearched(true);
        })
        .catch(() => live && setOptions([]));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const pick = (option: Suggestion) => {
    typed.current = false;
    props.onPick(option);
    setText(props.chosen === undefined ? '' : option.text);
    setOpen(false);
    setOptions([]);
  };
  const listId = `${props.id}-list`;
  return (
    <div class="combobox">
      <input
        id={props.id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${props.id}-option-${active}` : undefined}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        placeholder={props.placeholder}
        value={text}
        onInput={(event) => {
          typed.current = true;
          setText(event.currentTarget.value);
          if (props.chosen) props.onClear?.();
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && options.length) {
            event.preventDefault();
            setOpen(true);
            setActive((active + 1) % options.length);
          } else if (event.key === 'ArrowUp' && options.length) {
            event.preventDefault();
            setActive((active - 1 + options.length) % options.length);
          } else if (event.key === 'Escape') setOpen(false);
          else if (event.key === 'Enter') {
            const option = open ? options[active] : undefined;
            if (option) {
              event.preventDefault();
              pick(option);
            } else if (props.onFreeText && text.trim()) {
              event.preventDefault();
              props.onFreeText(text.trim());
              setText('');
            }
          }
        }}
      />
      <div id={listId} role="listbox" class="suggestions" hidden={!open || options.length === 0}>
        {options.map((option, index) => (
          // The ARIA combobox pattern: focus stays in the input, which handles the keys and points
          // at the active option (aria-activedescendant); options are not focusable themselves.
          // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the combobox input
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox input
          <div
            key={option.key}
            id={`${props.id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(option)}
          >
            {option.text}
            {option.detail && <span class="detail"> — {option.detail}</span>}
          </div>
        ))}
      </div>
      {open && searched && options.length === 0 && (
        <p class="hint" aria-live="polite">
          Aucune suggestion pour « {text.trim()} »
          {props.onFreeText ? ' : Entrée pour l’ajouter tel quel.' : '.'}
        </p>
      )}
    </div>
  );
}
