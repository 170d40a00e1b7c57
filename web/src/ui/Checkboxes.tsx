/** A group of checkboxes for a small list of choices (shifts, modes, sectors, contracts). */
export function Checkboxes<K extends string>(props: {
  legend: string;
  choices: readonly (readonly [K, string])[];
  value: K[];
  onChange: (value: K[]) => void;
  error?: string | undefined;
  hint?: string;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.hint && <p class="hint">{props.hint}</p>}
      <div class="choices">
        {props.choices.map(([key, text]) => (
          <label key={key} class="choice">
            <input
              type="checkbox"
              checked={props.value.includes(key)}
              onChange={(event) =>
                props.onChange(
                  event.currentTarget.checked ? [...props.value, key] : props.value.filter((k) => k !== key),
                )
              }
            />
            {text}
          </label>
        ))}
      </div>
      {props.error && <p class="error">{props.error}</p>}
    </fieldset>
  );
}
