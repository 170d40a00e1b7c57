/**
 * Skills as people pick them: the skills of the chosen job offered as buttons, a search over
 * the whole referential, and any skill in one's own words (Enter). Chosen skills are chips.
 */
import { useEffect, useState } from 'preact/hooks';
import { Chips } from './Chips';
import { Combobox, type Suggestion } from './Combobox';
import { describedBy } from './Field';
import { findSkills, type SkillChoice } from './reference';

const keyOf = (skill: SkillChoice) => skill.code ?? `text:${skill.label.toLowerCase()}`;

export function SkillsPicker(props: {
  id: string;
  occupation: string | undefined;
  value: SkillChoice[];
  onChange: (skills: SkillChoice[]) => void;
  error?: string | undefined;
}) {
  const [suggested, setSuggested] = useState<SkillChoice[]>([]);
  useEffect(() => {
    if (!props.occupation) return setSuggested([]);
    let live = true;
    findSkills('', props.occupation, 12)
      .then((skills) => live && setSuggested(skills))
      .catch(() => live && setSuggested([]));
    return () => {
      live = false;
    };
  }, [props.occupation]);
  const chosen = new Set(props.value.map(keyOf));
  const add = (skill: SkillChoice) => {
    if (!chosen.has(keyOf(skill)) && props.value.length < 30) props.onChange([...props.value, skill]);
  };
  const hintId = `${props.id}-hint`;
  return (
    <fieldset>
      <legend>Compétences</legend>
      <p class="hint" id={hintId}>
        {props.occupation
          ? 'Celles du métier choisi sont proposées ; cherchez-en d’autres ou écrivez-les avec vos mots.'
          : 'Choisissez d’abord le métier pour voir ses compétences ; vous pouvez aussi en chercher.'}
      </p>
      {suggested.length > 0 && (
        <ul class="suggested" aria-label="Compétences du métier">
          {suggested.map((skill) => (
            <li key={keyOf(skill)}>
              <button
                type="button"
                class="toggle"
                aria-pressed={chosen.has(keyOf(skill))}
                onClick={() =>
                  chosen.has(keyOf(skill))
                    ? props.onChange(props.value.filter((s) => keyOf(s) !== keyOf(skill)))
                    : add(skill)
                }
              >
                {skill.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label for={props.id}>Chercher une compétence</label>
      <Combobox
        id={props.id}
        describedBy={describedBy(props.id, true, props.error)}
        find={async (q) =>
          (await findSkills(q, props.occupation)).map(
            (skill): Suggestion => ({
              key: keyOf(skill),
              text: skill.label,
              ...(skill.code ? { meta: { code: skill.code } } : {}),
            }),
          )
        }
        onPick={(option) =>
          add({ ...(option.meta?.code ? { code: option.meta.code } : {}), label: option.text })
        }
        onFreeText={(label) => add({ label })}
      />
      <Chips
        label="Compétences choisies"
        items={props.value.map((skill) => ({ key: keyOf(skill), text: skill.label }))}
        onRemove={(key) => props.onChange(props.value.filter((skill) => keyOf(skill) !== key))}
      />
      {props.error && (
        <p class="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

/** What the API takes for each skill: its code, or the words. */
export const skillsForApi = (skills: SkillChoice[]) =>
  skills.map((skill) => (skill.code ? { code: skill.code } : skill.label));
