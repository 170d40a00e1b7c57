/** A labelled field with its hint and its error next to it (linked for screen readers). */
import type { ComponentChildren } from 'preact';
import { Combobox } from './Combobox';
import { findCommunes } from './reference';

export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children}
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A labelled choice among fixed values, each shown by its French word. */
export function SelectField<V extends string>(props: {
  id: string;
  label: string;
  error?: string | undefined;
  value: V;
  choices: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
}) {
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      <select
        id={props.id}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value as V)}
      >
        {props.choices.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A commune picked by its name or postal code; the form keeps its code and its name. */
export function CommuneField(props: {
  id: string;
  label: string;
  hint: string;
  error?: string | undefined;
  value: { code: string; text: string } | undefined;
  onChange: (commune: { code: string; text: string } | undefined) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <Combobox
        id={props.id}
        chosen={props.value?.text ?? ''}
        describedBy={describedBy(props.id, true, props.error)}
        invalid={Boolean(props.error)}
        find={findCommunes}
        onPick={(option) => props.onChange({ code: option.key, text: option.text })}
        onClear={() => props.onChange(undefined)}
      />
    </Field>
  );
}

/** aria-describedby for a field's input: its hint and its error, when shown. */
export const describedBy = (id: string, hint?: unknown, error?: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
