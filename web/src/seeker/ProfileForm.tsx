/** The seeker's profile in words: jobs by title, skills of those jobs, commune by name, shifts, phone as written. */
import { useState } from 'preact/hooks';
import { api, data, firstError } from '../api/client';
import { Checkboxes } from '../ui/Checkboxes';
import { Chips } from '../ui/Chips';
import { Combobox } from '../ui/Combobox';
import { CommuneField, describedBy, Field, SelectField } from '../ui/Field';
import { findJobTitles } from '../ui/reference';
import { SkillsPicker } from '../ui/SkillsPicker';
import { useLoad } from '../ui/useLoad';
import { channelChoices, contractChoices, modeChoices, shiftChoices } from '../words';
import { Consents } from './Consents';
import type { ProfileFormState, Sector } from './profile-form-state';

export function ProfileForm(props: {
  initial: ProfileFormState;
  errors: Record<string, string>;
  busy: boolean;
  isNew: boolean;
  onSubmit: (form: ProfileFormState) => void;
}) {
  const [form, setForm] = useState(props.initial);
  const sectors = useLoad(() => data(api.GET('/v1/ref/sectors', {})), []);
  const set = <K extends keyof ProfileFormState>(name: K, value: ProfileFormState[K]) =>
    setForm((previous) => ({ ...previous, [name]: value }));
  const e = props.errors;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(form);
      }}
    >
      <Field
        id="first-name"
        label="Prénom (facultatif)"
        hint="L’employeur ne le voit que si vous acceptez son offre"
        error={e.firstName}
      >
        <input
          id="first-name"
          autoComplete="given-name"
          maxLength={60}
          value={form.firstName}
          onInput={(event) => set('firstName', event.currentTarget.value)}
          aria-describedby={describedBy('first-name', true, e.firstName)}
        />
      </Field>
      <Field
        id="jobs"
        label="Mes métiers"
        hint="Tapez votre métier avec vos mots, par exemple « soudeuse » ou « cariste », puis choisissez"
        error={firstError(e, 'jobTitles') ?? firstError(e, 'occupations')}
      >
        <Combobox
          id="jobs"
          describedBy={describedBy('jobs', true, e.jobTitles)}
          invalid={Boolean(e.jobTitles)}
          find={findJobTitles}
          onPick={(option) =>
            !form.jobs.some((job) => job.key === option.key) &&
            set('jobs', [
              ...form.jobs,
              {
                key: option.key,
                text: option.text,
                occupation: option.meta?.occupation ?? '',
                isTitle: true,
              },
            ])
          }
        />
        <Chips
          label="Métiers choisis"
          items={form.jobs.map((job) => ({ key: job.key, text: job.text }))}
          onRemove={(key) =>
            set(
              'jobs',
              form.jobs.filter((job) => job.key !== key),
            )
          }
        />
      </Field>
      <Checkboxes
        legend="Secteurs où je cherche"
        choices={(sectors.data?.items ?? []).map((sector) => [sector.slug as Sector, sector.label] as const)}
        value={form.sectors}
        onChange={(value) => set('sectors', value)}
        error={firstError(e, 'sectors')}
      />
      <SkillsPicker
        id="skills"
        occupation={form.jobs.find((job) => job.occupation)?.occupation}
        value={form.skills}
        onChange={(skills) => set('skills', skills)}
        error={firstError(e, 'skills')}
      />
      <CommuneField
        id="home"
        label="Ma commune"
        hint="Tapez son nom ou son code postal ; seule la commune est gardée, jamais l’adresse"
        error={firstError(e, 'home')}
        value={form.home}
        onChange={(home) => set('home', home)}
      />
      <Checkboxes
        legend="Comment je me déplace"
        choices={modeChoices}
        value={form.modes}
        onChange={(value) => set('modes', value)}
        error={firstError(e, 'commute.modes')}
      />
      <Field id="max-minutes" label="Temps de trajet maximum, en minutes" error={e['commute.maxMinutes']}>
        <input
          id="max-minutes"
          type="number"
          inputMode="numeric"
          min={5}
          max={120}
          value={form.maxMinutes}
          onInput={(event) => set('maxMinutes', event.currentTarget.value)}
        />
      </Field>
      <Checkboxes
        legend="Horaires possibles"
        hint="Sans case cochée, tous les horaires vous sont proposés."
        choices={shiftChoices}
        value={form.shifts}
        onChange={(value) => set('shifts', value)}
        error={firstError(e, 'shifts')}
      />
      <Checkboxes
        legend="Contrats souhaités"
        hint="Sans case cochée, tous les contrats vous sont proposés."
        choices={contractChoices}
        value={form.contracts}
        onChange={(value) => set('contracts', value)}
        error={firstError(e, 'contracts')}
      />
      <fieldset>
        <legend>Recevoir les offres</legend>
        <SelectField
          id="channel"
          label="Par"
          error={e['contact.channel']}
          value={form.channel}
          choices={channelChoices}
          onChange={(value) => set('channel', value)}
        />
        {form.channel === 'sms' && (
          <Field
            id="phone"
            label="Mon numéro de mobile"
            hint="Comme vous l’écrivez, par exemple 06 12 34 56 78"
            error={e['contact.phone']}
          >
            <input
              id="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              value={form.phone}
              onInput={(event) => set('phone', event.currentTarget.value)}
              aria-describedby={describedBy('phone', true, e['contact.phone'])}
            />
          </Field>
        )}
        <div class="row">
          <Field
            id="quiet-start"
            label="Pas de message à partir de"
            error={e['notifications.quietHours.start']}
          >
            <input
              id="quiet-start"
              type="time"
              value={form.quietStart}
              onInput={(event) => set('quietStart', event.currentTarget.value)}
            />
          </Field>
          <Field id="quiet-end" label="jusqu’à" error={e['notifications.quietHours.end']}>
            <input
              id="quiet-end"
              type="time"
              value={form.quietEnd}
              onInput={(event) => set('quietEnd', event.currentTarget.value)}
            />
          </Field>
        </div>
        <Field
          id="daily-cap"
          label="Offres par jour au plus"
          hint="Les suivantes arrivent en un seul message le lendemain"
          error={e['notifications.dailyCap']}
        >
          <input
            id="daily-cap"
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            value={form.dailyCap}
            onInput={(event) => set('dailyCap', event.currentTarget.value)}
          />
        </Field>
        <label class="choice">
          <input
            type="checkbox"
            checked={form.paused}
            onChange={(event) => set('paused', event.currentTarget.checked)}
          />
          Ne plus recevoir d’offres pour le moment
        </label>
      </fieldset>
      <Consents
        matching={form.matching}
        statistics={form.statistics}
        onChange={(consent) => setForm((previous) => ({ ...previous, ...consent }))}
      />
      <button type="submit" disabled={props.busy}>
        {props.busy ? 'Enregistrement…' : props.isNew ? 'Créer mon profil' : 'Enregistrer mon profil'}
      </button>
    </form>
  );
}
