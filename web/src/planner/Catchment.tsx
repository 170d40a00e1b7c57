/** Who lives within a commute of a site: a commune by name, minutes and mode → map, counts by EPCI and by job. */
import { useState } from 'preact/hooks';
import { api, data } from '../api/client';
import { formatCount } from '../format';
import { Combobox } from '../ui/Combobox';
import { Field } from '../ui/Field';
import { findCommunes } from '../ui/reference';
import { ScrollArea } from '../ui/ScrollArea';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { type Mode, modeChoices } from '../words';
import { CatchmentMap } from './CatchmentMap';
import { CsvButtons } from './CsvButtons';
import type { Sector } from './filters';

export function Catchment(props: { sector?: Sector | undefined }) {
  const [site, setSite] = useState<{ code: string; text: string } | undefined>({
    code: '64335',
    text: 'Lescar (64230)',
  });
  const [minutes, setMinutes] = useState('30');
  const [mode, setMode] = useState<Mode>('car');
  const [asked, setAsked] = useState<{ commune: string; name: string; minutes: number; mode: Mode }>();
  const [error, setError] = useState<string>();
  const query = asked && {
    commune: asked.commune,
    minutes: asked.minutes,
    mode: asked.mode,
    sector: props.sector,
  };
  const answer = useLoad(
    query ? () => data(api.GET('/v1/planning/catchment', { params: { query } })) : undefined,
    [asked, props.sector],
  );
  return (
    <section aria-labelledby="catchment-title">
      <h2 id="catchment-title">Bassin de recrutement d’un site</h2>
      <form
        class="filters"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const value = Number(minutes);
          if (!site) return setError('Choisissez la commune du site dans les suggestions.');
          if (!Number.isInteger(value) || value < 5 || value > 120)
            return setError('Entre 5 et 120 minutes.');
          setError(undefined);
          setAsked({ commune: site.code, name: site.text, minutes: value, mode });
        }}
      >
        <Field id="site" label="Commune du site">
          <Combobox
            id="site"
            chosen={site?.text ?? ''}
            find={findCommunes}
            onPick={(option) => setSite({ code: option.key, text: option.text })}
            onClear={() => setSite(undefined)}
          />
        </Field>
        <Field id="minutes" label="Minutes de trajet">
          <input
            id="minutes"
            type="number"
            inputMode="numeric"
            min={5}
            max={120}
            value={minutes}
            onInput={(e) => setMinutes(e.currentTarget.value)}
          />
        </Field>
        <Field id="mode" label="Mode">
          <select id="mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as Mode)}>
            {modeChoices.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">Calculer</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <Status loading={answer.loading} error={answer.error} loadingText="Calcul des trajets…" />
      {answer.data && asked && query && (
        <>
          <p>
            Candidats actifs à moins de {asked.minutes} min (
            {modeChoices.find(([m]) => m === asked.mode)?.[1].toLowerCase()}) de {asked.name} :{' '}
            <strong>{formatCount(answer.data.seekers, answer.data.suppressed)}</strong>
            {props.sector ? ' dans le secteur choisi' : ', tous secteurs'}
          </p>
          <CatchmentMap areas={answer.data.areas} site={asked.name} />
          <ScrollArea label="Candidats par intercommunalité (défile horizontalement)">
            <table>
              <caption>Candidats par intercommunalité à portée</caption>
              <thead>
                <tr>
                  <th scope="col">Intercommunalité</th>
                  <th scope="col">Trajet</th>
                  <th scope="col">Candidats</th>
                </tr>
              </thead>
              <tbody>
                {answer.data.areas.map((area) => (
                  <tr key={area.id}>
                    <th scope="row">{area.name}</th>
                    <td>{Math.round(area.minutes)} min</td>
                    <td>{formatCount(area.seekers, area.suppressed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          {answer.data.byOccupation.length > 0 && (
            <table>
              <caption>Candidats à portée par métier</caption>
              <thead>
                <tr>
                  <th scope="col">Métier</th>
                  <th scope="col">Candidats</th>
                </tr>
              </thead>
              <tbody>
                {answer.data.byOccupation.map((row) => (
                  <tr key={row.occupation}>
                    <th scope="row">{row.label}</th>
                    <td>{formatCount(row.seekers, row.suppressed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <CsvButtons
            path="/v1/planning/catchment"
            query={query}
            name={`bassin-${asked.commune}-${asked.minutes}min`}
          />
        </>
      )}
    </section>
  );
}
