/** Small form helpers: a labelled field with its error next to it, and a form-level status. */
import type { ComponentChildren } from 'preact';
import { problemText } from '../../shared/messages/problems';

export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
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
        <p class="error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Field errors of a zod result, keyed by path (`site.commune`). */
/** zod issues of the API's own schemas, by field, in the words of the API's message catalogue. */
export function zodErrors(
  issues: { path: PropertyKey[]; message: string; params?: Record<string, unknown> }[],
) {
  const errors: Record<string, string> = {};
  for (const issue of issues)
    errors[issue.path.map(String).join('.')] ??= problemText(issue.message, 'fr', issue.params);
  return errors;
}

export const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** The first error about a field or any of its items (`epcis`, `epcis.3`, `commute.modes`). */
export const firstError = (errors: Record<string, string>, field: string) =>
  Object.entries(errors).find(([name]) => name === field || name.startsWith(`${field}.`))?.[1];

/** The tags a comma-separated field will send, shown as chips under it. */
export function Tags(props: { value: string; label: string }) {
  const tags = splitList(props.value);
  if (tags.length === 0) return null;
  return (
    <ul class="tags" aria-label={props.label}>
      {tags.map((tag) => (
        <li key={tag}>{tag}</li>
      ))}
    </ul>
  );
}
