/** Every field of a vacancy, in words: job by title, skills of that job, commune by name, shifts. */
import { useState } from 'preact/hooks';
import { api, data, firstError } from '../api/client';
import { Checkboxes } from '../ui/Checkboxes';
import { Combobox } from '../ui/Combobox';
import { CommuneField, describedBy, Field, SelectField } from '../ui/Field';
import { findJobTitles } from '../ui/reference';
import { SkillsPicker } from '../ui/SkillsPicker';
import { useLoad } from '../ui/useLoad';
import { contractChoices, salaryPeriodChoices, shiftChoices } from '../words';
import type { VacancyFormState } from './vacancy-form-state';

export function VacancyForm(props: {
  id: string;
  initial: VacancyFormState;
  errors: Record<string, string>;
  busy: boolean;
  submitLabel: string;
  onSubmit: (form: VacancyFormState) => void;
  onCancel?: () => void;
}) {
  const [form, setForm] = useState(props.initial);
  const sectors = useLoad(() => data(api.GET('/v1/ref/sectors', {})), []);
  const set = <K extends keyof VacancyFormState>(name: K, value: VacancyFormState[K]) =>
    setForm((previous) => ({ ...previous, [name]: value }));
  const text =
    (name: 'title' | 'employerName' | 'openings' | 'salaryMin' | 'salaryMax' | 'startDate' | 'description') =>
    (event: Event) =>
      set(name, (event.currentTarget as HTMLInputElement).value);
  const e = props.errors;
  const f = (name: string) => `${props.id}-${name}`;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(form);
      }}
    >
      <Field id={f('title')} label="Intitulé du poste" error={e.title} hint="Tel que les candidats le liront">
        <input
          id={f('title')}
          value={form.title}
          onInput={text('title')}
          maxLength={120}
          aria-describedby={describedBy(f('title'), true, e.title)}
        />
      </Field>
      <Field
        id={f('employer')}
        label="Nom de l’entreprise ou du site (vu par les candidats)"
        error={e.employerName}
      >
        <input id={f('employer')} value={form.employerName} onInput={text('employerName')} maxLength={120} />
      </Field>
      <Field id={f('sector')} label="Secteur" error={e.sector}>
        <select
          id={f('sector')}
          value={form.sector}
          onChange={(event) => set('sector', event.currentTarget.value as VacancyFormState['sector'])}
        >
          <option value="">Choisir un secteur…</option>
          {(sectors.data?.items ?? []).map((sector) => (
            <option key={sector.slug} value={sector.slug}>
              {sector.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={f('job')}
        label="Métier"
        hint="Tapez le métier avec vos mots, par exemple « fraiseur » ou « commande numérique », puis choisissez"
        error={firstError(e, 'jobTitle') ?? firstError(e, 'occupation')}
      >
        <Combobox
          id={f('job')}
          chosen={form.job?.text ?? ''}
          describedBy={describedBy(f('job'), true, e.jobTitle)}
          invalid={Boolean(e.jobTitle)}
          find={findJobTitles}
          onPick={(option) =>
            set('job', { code: option.key, text: option.text, occupation: option.meta?.occupation ?? '' })
          }
          onClear={() => set('job', undefined)}
        />
      </Field>
      <SkillsPicker
        id={f('skills')}
        occupation={form.job?.occupation}
        value={form.skills}
        onChange={(skills) => set('skills', skills)}
        error={firstError(e, 'skills')}
      />
      <CommuneField
        id={f('commune')}
        label="Commune du poste"
        hint="Tapez le nom ou le code postal, par exemple Lescar ou 64230"
        error={firstError(e, 'site')}
        value={form.commune}
        onChange={(commune) => set('commune', commune)}
      />
      <Checkboxes
        legend="Horaires du poste"
        hint="Un poste de nuit ou du matin n’est proposé qu’aux candidats qui peuvent s’y rendre à ces heures."
        choices={shiftChoices}
        value={form.shifts}
        onChange={(shifts) => set('shifts', shifts)}
        error={firstError(e, 'shifts')}
      />
      <div class="row">
        <SelectField
          id={f('contract')}
          label="Contrat"
          error={e.contract}
          value={form.contract}
          choices={contractChoices}
          onChange={(value) => set('contract', value)}
        />
        <Field id={f('openings')} label="Nombre de postes" error={e.openings}>
          <input
            id={f('openings')}
            type="number"
            inputMode="numeric"
            min={1}
            max={500}
            value={form.openings}
            onInput={text('openings')}
          />
        </Field>
      </div>
      <fieldset>
        <legend>Salaire brut (facultatif)</legend>
        <div class="row">
          <Field id={f('salary-min')} label="De (€)" error={firstError(e, 'salary.min')}>
            <input
              id={f('salary-min')}
              inputMode="decimal"
              value={form.salaryMin}
              onInput={text('salaryMin')}
            />
          </Field>
          <Field id={f('salary-max')} label="À (€)" error={firstError(e, 'salary.max')}>
            <input
              id={f('salary-max')}
              inputMode="decimal"
              value={form.salaryMax}
              onInput={text('salaryMax')}
            />
          </Field>
          <SelectField
            id={f('salary-period')}
            label="Par"
            value={form.salaryPeriod}
            choices={salaryPeriodChoices}
            onChange={(value) => set('salaryPeriod', value)}
          />
        </div>
      </fieldset>
      <Field id={f('start')} label="Date de début (facultatif)" error={e.startDate}>
        <input id={f('start')} type="date" value={form.startDate} onInput={text('startDate')} />
      </Field>
      <Field
        id={f('description')}
        label="Description du poste (facultatif)"
        hint="Missions, équipe, conditions : ce que les candidats liront avant d’accepter (5 000 caractères au plus)"
        error={e.description}
      >
        <textarea
          id={f('description')}
          rows={5}
          maxLength={5000}
          value={form.description}
          onInput={text('description')}
          aria-describedby={describedBy(f('description'), true, e.description)}
        />
      </Field>
      <div class="actions">
        <button type="submit" disabled={props.busy}>
          {props.busy ? 'Envoi…' : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" class="secondary" onClick={props.onCancel}>
            Annuler
          </button>
        )}
      </div>
    </form>
  );
}
