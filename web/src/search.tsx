import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { Field, Tags } from './form';

/**
 * A text input with suggestions from a reference search (communes by name or postcode,
 * ROME occupations by words or code). The value stays the code the API expects; the
 * suggestions show its name.
 */
export function CodeSearch(props: {
  id: string;
  kind: 'communes' | 'occupations';
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
}) {
  const [options, setOptions] = useState<{ code: string; label: string }[]>([]);
  useEffect(() => {
    const q = props.value.trim();
    if (q.length < 2) return;
    const timer = setTimeout(() => {
      api<{ items: { code: string; name?: string; label?: string; postcodes?: string[] }[] }>(
        'GET',
        `/v1/ref/${props.kind}?${new URLSearchParams({ q, limit: '10' })}`,
      )
        .then((answer) =>
          setOptions(
            answer.items.map((item) => ({
              code: item.code,
              label: item.name
                ? `${item.name} (${item.postcodes?.[0] ?? item.code})`
                : (item.label ?? item.code),
            })),
          ),
        )
        .catch(() => setOptions([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [props.value, props.kind]);
  return (
    <>
      <input
        id={props.id}
        list={`${props.id}-options`}
        value={props.value}
        autoComplete="off"
        aria-describedby={props.describedBy}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
      <datalist id={`${props.id}-options`}>
        {options.map((option) => (
          <option key={option.code} value={option.code} label={option.label}>
            {option.label}
          </option>
        ))}
      </datalist>
    </>
  );
}

/** The skills and commune fields both forms share. */
export function SkillsAndCommune(props: {
  skills: string;
  onSkills: (value: string) => void;
  commune: string;
  onCommune: (value: string) => void;
  communeLabel: string;
  communeHint: string;
  errors: { skills?: string | undefined; commune?: string | undefined };
}) {
  return (
    <>
      <Field id="skills" label="Compétences (séparées par des virgules)" error={props.errors.skills}>
        <input
          id="skills"
          value={props.skills}
          onInput={(event) => props.onSkills(event.currentTarget.value)}
        />
        <Tags value={props.skills} label="Compétences saisies" />
      </Field>
      <Field id="commune" label={props.communeLabel} hint={props.communeHint} error={props.errors.commune}>
        <CodeSearch
          id="commune"
          kind="communes"
          value={props.commune}
          onChange={props.onCommune}
          describedBy="commune-hint"
        />
      </Field>
    </>
  );
}
