/** Planners define their own areas by picking intercommunalities and communes by name. */
import { useState } from 'preact/hooks';
import { api, data, fieldErrors, firstError, messageOf } from '../api/client';
import { Chips } from '../ui/Chips';
import { Combobox } from '../ui/Combobox';
import { Field } from '../ui/Field';
import { findCommunes, findEpcis } from '../ui/reference';

type Picked = { code: string; text: string };
const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/** Places picked by name, one at a time, shown as removable chips. */
function PickedList(props: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  find: typeof findCommunes;
  listLabel: string;
  items: Picked[];
  onChange: (items: Picked[]) => void;
}) {
  const { items, onChange } = props;
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <Combobox
        id={props.id}
        find={props.find}
        onPick={(option) =>
          !items.some((item) => item.code === option.key) &&
          onChange([...items, { code: option.key, text: option.text }])
        }
        describedBy={`${props.id}-hint`}
      />
      <Chips
        label={props.listLabel}
        items={items.map((item) => ({ key: item.code, text: item.text }))}
        onRemove={(key) => onChange(items.filter((item) => item.code !== key))}
      />
    </Field>
  );
}

export function AreaEditor(props: { onSaved: (id: string) => void }) {
  const [name, setName] = useState('');
  const [epcis, setEpcis] = useState<Picked[]>([]);
  const [communes, setCommunes] = useState<Picked[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  return (
    <section aria-labelledby="area-editor-title">
      <h2 id="area-editor-title">Définir un territoire</h2>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const id = slug(name);
          const found: Record<string, string> = {};
          if (id.length < 2) found.name = 'Donnez un nom d’au moins 2 lettres.';
          if (epcis.length + communes.length === 0)
            found.epcis = 'Ajoutez au moins une intercommunalité ou une commune.';
          setErrors(found);
          if (Object.keys(found).length) return;
          try {
            await data(
              api.PUT('/v1/planning/areas/{id}', {
                params: { path: { id } },
                body: {
                  name: name.trim(),
                  epcis: epcis.map((e) => e.code),
                  communes: communes.map((c) => c.code),
                },
              }),
            );
            setMessage(`Territoire « ${name.trim()} » enregistré : il est choisi en haut de la page.`);
            props.onSaved(id);
          } catch (error) {
            setErrors(fieldErrors(error));
            setMessage(messageOf(error));
          }
        }}
      >
        <Field id="area-name" label="Nom du territoire" error={errors.name ?? errors.id}>
          <input
            id="area-name"
            value={name}
            maxLength={100}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <PickedList
          id="area-epcis"
          label="Ajouter une intercommunalité"
          hint="Tapez une partie de son nom, par exemple « Lacq »"
          error={firstError(errors, 'epcis')}
          find={findEpcis}
          listLabel="Intercommunalités du territoire"
          items={epcis}
          onChange={setEpcis}
        />
        <PickedList
          id="area-communes"
          label="Ajouter une commune"
          hint="Par son nom ou son code postal"
          error={firstError(errors, 'communes')}
          find={findCommunes}
          listLabel="Communes du territoire"
          items={communes}
          onChange={setCommunes}
        />
        {message && (
          <p class="status" aria-live="polite">
            {message}
          </p>
        )}
        <button type="submit">Enregistrer le territoire</button>
      </form>
    </section>
  );
}
