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

export function AreaEditor(props: { onSaved: (id: string) => void }) {
  const [name, setName] = useState('');
  const [epcis, setEpcis] = useState<Picked[]>([]);
  const [communes, setCommunes] = useState<Picked[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const add = (list: Picked[], set: (value: Picked[]) => void) => (option: { key: string; text: string }) =>
    !list.some((item) => item.code === option.key) && set([...list, { code: option.key, text: option.text }]);
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
        <Field
          id="area-epcis"
          label="Ajouter une intercommunalité"
          hint="Tapez une partie de son nom, par exemple « Lacq »"
          error={firstError(errors, 'epcis')}
        >
          <Combobox
            id="area-epcis"
            find={findEpcis}
            onPick={add(epcis, setEpcis)}
            describedBy="area-epcis-hint"
          />
          <Chips
            label="Intercommunalités du territoire"
            items={epcis.map((e) => ({ key: e.code, text: e.text }))}
            onRemove={(key) => setEpcis(epcis.filter((e) => e.code !== key))}
          />
        </Field>
        <Field
          id="area-communes"
          label="Ajouter une commune"
          hint="Par son nom ou son code postal"
          error={firstError(errors, 'communes')}
        >
          <Combobox
            id="area-communes"
            find={findCommunes}
            onPick={add(communes, setCommunes)}
            describedBy="area-communes-hint"
          />
          <Chips
            label="Communes du territoire"
            items={communes.map((c) => ({ key: c.code, text: c.text }))}
            onRemove={(key) => setCommunes(communes.filter((c) => c.code !== key))}
          />
        </Field>
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
