import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api, downloadCsv } from '../api';
import { Chart } from '../chart';
import { Field, firstError, splitList } from '../form';
import {
  type ForecastAnswer,
  fieldErrors,
  forecastSeries,
  formatCount,
  formatRatio,
  type IndicatorRow,
  indicatorSeries,
  tilesFor,
} from '../format';
import { CodeSearch } from '../search';

interface Area {
  id: string;
  name: string;
  version?: number;
}
interface Sector {
  slug: string;
  label: string;
}
const metrics: [string, string][] = [
  ['vacancies_posted', 'Offres publiées'],
  ['openings_posted', 'Postes ouverts'],
  ['vacancies_open', 'Offres ouvertes fin de mois'],
  ['vacancies_closed', 'Offres clôturées'],
  ['median_days_to_close', 'Délai médian (jours)'],
  ['seekers_active', 'Candidats actifs'],
  ['matches_new', 'Mises en relation'],
  ['matches_accepted', 'Acceptées'],
];

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();

/** Loads a route's JSON whenever `path` changes; shows progress and the API's problem. */
function useApi<T>(path: string | undefined, reload = 0) {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: false });
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState({ loading: true });
    api<T>('GET', path)
      .then((data) => live && setState({ data, loading: false }))
      .catch(
        (error) =>
          live &&
          setState({
            error: error instanceof ApiError ? error.problem.detail : String(error),
            loading: false,
          }),
      );
    return () => {
      live = false;
    };
  }, [path, reload]);
  return state;
}

function Status(props: { loading: boolean; error?: string | undefined }) {
  if (props.loading) return <p aria-live="polite">Chargement…</p>;
  if (props.error)
    return (
      <p role="alert" class="error">
        {props.error}
      </p>
    );
  return null;
}

function CsvButton(props: { path: string; name: string }) {
  return (
    <button type="button" class="secondary" onClick={() => downloadCsv(props.path, props.name)}>
      Télécharger en CSV
    </button>
  );
}

export function Planner(props: { tileUrl?: string | undefined } = {}) {
  const { tileUrl } = props;
  const [areasVersion, setAreasVersion] = useState(0);
  const areas = useApi<{ items: Area[] }>('/v1/planning/areas', areasVersion);
  const sectors = useApi<{ items: Sector[] }>('/v1/ref/sectors');
  const [area, setArea] = useState('lacq-pau-tarbes');
  const [sector, setSector] = useState('');
  const [metric, setMetric] = useState('vacancies_posted');
  const now = new Date();
  const to = now.toISOString().slice(0, 7);
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 23, 1)).toISOString().slice(0, 7);
  const indicatorsPath = `/v1/planning/indicators?${query({ area, sector, from, to })}`;
  const forecastPath = `/v1/planning/forecast?${query({ area, sector, metric, horizon: '12' })}`;
  const tensionPath = `/v1/planning/tension?${query({ area })}`;
  const gapPath = `/v1/planning/skills-gap?${query({ area, sector })}`;
  const indicators = useApi<{ items: IndicatorRow[] }>(indicatorsPath);
  const forecast = useApi<
    ForecastAnswer & {
      method?: string;
      reason?: string;
      suppressed: boolean;
      backtest?: { mase: number | null; smape: number | null; origins: number };
    }
  >(forecastPath);
  const tension = useApi<{
    items: {
      occupation: string;
      label: string;
      openVacancies: number;
      seekersInReach: number | null;
      seekersSuppressed: boolean;
      ratio: number | null;
      rank: number | null;
    }[];
  }>(tensionPath);
  const gap = useApi<{
    items: {
      skill: string;
      openVacancies: number;
      seekersInReach: number | null;
      seekersSuppressed: boolean;
    }[];
  }>(gapPath);
  // Chart data only changes with its answer: the charts are not rebuilt on every render.
  const indicatorData = useMemo(
    () =>
      indicators.data &&
      indicatorSeries(indicators.data.items, ['vacancies_posted', 'vacancies_open', 'seekers_active']),
    [indicators.data],
  );
  const forecastData = useMemo(() => forecast.data && forecastSeries(forecast.data), [forecast.data]);

  return (
    <main>
      <h1>Planification territoriale</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label for="area">Territoire</label>
        <select id="area" value={area} onChange={(e) => setArea(e.currentTarget.value)}>
          {(areas.data?.items ?? [{ id: 'lacq-pau-tarbes', name: 'Lacq–Pau–Tarbes' }]).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label for="sector">Secteur</label>
        <select id="sector" value={sector} onChange={(e) => setSector(e.currentTarget.value)}>
          <option value="">Tous les secteurs</option>
          {(sectors.data?.items ?? []).map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.label}
            </option>
          ))}
        </select>
      </form>
      <p class="note">
        Chiffres issus de Bassin seulement (offres et candidats inscrits), pas du marché du travail entier. «
        &lt; 11 » : moins de 11 personnes, non publié (secret statistique).
      </p>

      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">Indicateurs mensuels</h2>
        <Status {...indicators} />
        {indicators.data && (
          <>
            <Chart
              title="Offres publiées, offres ouvertes et candidats actifs"
              data={indicatorData as NonNullable<typeof indicatorData>}
              series={[
                { label: 'Offres publiées', stroke: '#1f5fa8' },
                { label: 'Offres ouvertes', stroke: '#7a4a00' },
                { label: 'Candidats actifs', stroke: '#2e7d32', dash: [6, 4] },
              ]}
            />
            <div class="scroll">
              <table>
                <caption>Indicateurs par mois</caption>
                <thead>
                  <tr>
                    <th scope="col">Mois</th>
                    {metrics.map(([, label]) => (
                      <th scope="col" key={label}>
                        {label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {indicators.data.items.map((row) => (
                    <tr key={row.month}>
                      <th scope="row">{row.month}</th>
                      {metrics.map(([name]) => (
                        <td key={name}>
                          {formatCount(row[name] as number | null, row.suppressed.includes(name))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <CsvButton path={indicatorsPath} name={`indicateurs-${area}.csv`} />
          </>
        )}
      </section>

      <section aria-labelledby="forecast-title">
        <h2 id="forecast-title">Prévision à 12 mois</h2>
        <label for="metric">Indicateur</label>
        <select id="metric" value={metric} onChange={(e) => setMetric(e.currentTarget.value)}>
          {metrics
            .filter(([name]) => name !== 'median_days_to_close')
            .map(([name, label]) => (
              <option key={name} value={name}>
                {label}
              </option>
            ))}
        </select>
        <Status {...forecast} />
        {forecast.data && forecast.data.points.length === 0 && <p>{forecast.data.reason}</p>}
        {forecast.data && forecast.data.points.length > 0 && (
          <>
            <p class="method">
              Méthode : <strong>{forecast.data.method}</strong> — erreur mesurée en rétro-prévision sur{' '}
              {forecast.data.backtest?.origins} origines : MASE{' '}
              {formatRatio(forecast.data.backtest?.mase ?? null)}, sMAPE{' '}
              {formatRatio(forecast.data.backtest?.smape ?? null)} %
            </p>
            <Chart
              title="Historique et prévision, intervalles à 80 % et 95 %"
              data={forecastData as NonNullable<typeof forecastData>}
              series={[
                { label: 'Observé', stroke: '#1f5fa8' },
                { label: 'Prévision', stroke: '#b3261e', dash: [6, 4] },
                { label: '80 % bas', stroke: 'rgba(179,38,30,0.5)' },
                { label: '80 % haut', stroke: 'rgba(179,38,30,0.5)' },
                { label: '95 % bas', stroke: 'rgba(179,38,30,0.25)' },
                { label: '95 % haut', stroke: 'rgba(179,38,30,0.25)' },
              ]}
              bands={[
                { between: [4, 3], fill: 'rgba(179,38,30,0.18)' },
                { between: [6, 5], fill: 'rgba(179,38,30,0.08)' },
              ]}
            />
            <CsvButton path={forecastPath} name={`prevision-${area}-${metric}.csv`} />
          </>
        )}
      </section>

      <section aria-labelledby="tension-title">
        <h2 id="tension-title">Tension par métier</h2>
        <Status {...tension} />
        {tension.data && (
          <>
            <table>
              <caption>Offres ouvertes ÷ candidats à moins de 30 min en voiture</caption>
              <thead>
                <tr>
                  <th scope="col">Rang</th>
                  <th scope="col">Métier</th>
                  <th scope="col">Offres ouvertes</th>
                  <th scope="col">Candidats à portée</th>
                  <th scope="col">Ratio</th>
                </tr>
              </thead>
              <tbody>
                {tension.data.items.map((row) => (
                  <tr key={row.occupation}>
                    <td>{row.rank ?? '–'}</td>
                    <th scope="row">
                      {row.label} ({row.occupation})
                    </th>
                    <td>{row.openVacancies}</td>
                    <td>{formatCount(row.seekersInReach, row.seekersSuppressed)}</td>
                    <td>{formatRatio(row.ratio)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <CsvButton path={tensionPath} name={`tension-${area}.csv`} />
          </>
        )}
      </section>

      <section aria-labelledby="gap-title">
        <h2 id="gap-title">Compétences manquantes</h2>
        <Status {...gap} />
        {gap.data && (
          <>
            <table>
              <caption>
                Compétences demandées par les offres ouvertes, et candidats à portée qui les ont
              </caption>
              <thead>
                <tr>
                  <th scope="col">Compétence</th>
                  <th scope="col">Offres</th>
                  <th scope="col">Candidats à portée</th>
                </tr>
              </thead>
              <tbody>
                {gap.data.items.map((row) => (
                  <tr key={row.skill}>
                    <th scope="row">{row.skill}</th>
                    <td>{row.openVacancies}</td>
                    <td>{formatCount(row.seekersInReach, row.seekersSuppressed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <CsvButton path={gapPath} name={`competences-${area}.csv`} />
          </>
        )}
      </section>

      <Catchment tileUrl={tileUrl} />
      <AreaEditor
        versionOf={(id) => areas.data?.items.find((a) => a.id === id)?.version}
        onSaved={(id) => {
          setAreasVersion(areasVersion + 1);
          setArea(id);
        }}
      />
    </main>
  );
}

interface CatchmentAnswer {
  seekers: number | null;
  suppressed: boolean;
  byOccupation: { occupation: string; label: string; seekers: number | null; suppressed: boolean }[];
  distribution: { fromMinutes: number; toMinutes: number; seekers: number | null; suppressed: boolean }[];
  areas: { id: string; name: string; minutes: number; lat: number; lon: number }[];
}

/** Pick a commune, minutes and mode: the seekers who live within that commute, on a map. */
function Catchment(props: { tileUrl?: string | undefined }) {
  const [commune, setCommune] = useState('64335');
  const [minutes, setMinutes] = useState('30');
  const [mode, setMode] = useState('car');
  const [path, setPath] = useState<string>();
  const result = useApi<CatchmentAnswer>(path);
  const size = { width: 420, height: 320 };
  const areas = result.data?.areas ?? [];
  const box = {
    minLat: Math.min(...areas.map((a) => a.lat)) - 0.05,
    maxLat: Math.max(...areas.map((a) => a.lat)) + 0.05,
    minLon: Math.min(...areas.map((a) => a.lon)) - 0.05,
    maxLon: Math.max(...areas.map((a) => a.lon)) + 0.05,
  };
  return (
    <section aria-labelledby="catchment-title">
      <h2 id="catchment-title">Bassin de recrutement d’un site</h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setPath(`/v1/planning/catchment?${query({ commune, minutes, mode })}`);
        }}
      >
        <label for="commune">Commune du site (code INSEE)</label>
        <CodeSearch id="commune" kind="communes" value={commune} onChange={setCommune} />
        <label for="minutes">Minutes</label>
        <input
          id="minutes"
          type="number"
          min={5}
          max={120}
          required
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
        <label for="mode">Mode</label>
        <select id="mode" value={mode} onChange={(e) => setMode(e.currentTarget.value)}>
          <option value="car">Voiture</option>
          <option value="transit">Transports en commun</option>
          <option value="bike">Vélo</option>
          <option value="walk">À pied</option>
        </select>
        <button type="submit">Calculer</button>
      </form>
      <Status {...result} />
      {result.data && (
        <>
          <p>
            Candidats actifs à portée :{' '}
            <strong>{formatCount(result.data.seekers, result.data.suppressed)}</strong>
          </p>
          <CatchmentMap areas={areas} box={box} size={size} tileUrl={props.tileUrl} />
          <table>
            <caption>Candidats par métier</caption>
            <thead>
              <tr>
                <th scope="col">Métier</th>
                <th scope="col">Candidats</th>
              </tr>
            </thead>
            <tbody>
              {result.data.byOccupation.map((row) => (
                <tr key={row.occupation}>
                  <th scope="row">{row.label}</th>
                  <td>{formatCount(row.seekers, row.suppressed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {path && <CsvButton path={path} name={`bassin-${commune}-${minutes}min.csv`} />}
        </>
      )}
    </section>
  );
}

/** Planners define their own areas from EPCI SIREN codes and commune codes; replacing one sends the version listed. */
function AreaEditor(props: { onSaved: (id: string) => void; versionOf: (id: string) => number | undefined }) {
  const [form, setForm] = useState({ id: '', name: '', epcis: '', communes: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const text = (name: keyof typeof form) => (event: Event) =>
    setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value });
  const save = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    try {
      const version = props.versionOf(form.id.trim());
      await api(
        'PUT',
        `/v1/planning/areas/${encodeURIComponent(form.id.trim())}`,
        { name: form.name, epcis: splitList(form.epcis), communes: splitList(form.communes) },
        version ? { 'if-match': `"${version}"` } : {},
      );
      setMessage(`Territoire « ${form.name} » enregistré.`);
      props.onSaved(form.id.trim());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setErrors(fieldErrors(error.problem));
      setMessage(error.problem.detail);
    }
  };
  return (
    <section aria-labelledby="area-editor-title">
      <h2 id="area-editor-title">Définir un territoire</h2>
      <form onSubmit={save} noValidate>
        <Field id="area-id" label="Identifiant (lettres minuscules, chiffres, tirets)" error={errors.id}>
          <input id="area-id" value={form.id} onInput={text('id')} maxLength={40} />
        </Field>
        <Field id="area-name" label="Nom" error={errors.name}>
          <input id="area-name" value={form.name} onInput={text('name')} maxLength={100} />
        </Field>
        <Field
          id="area-epcis"
          label="Intercommunalités (codes SIREN, séparés par des virgules)"
          error={firstError(errors, 'epcis')}
        >
          <input id="area-epcis" value={form.epcis} onInput={text('epcis')} />
        </Field>
        <Field
          id="area-communes"
          label="Communes (codes INSEE, séparés par des virgules)"
          error={firstError(errors, 'communes')}
        >
          <input id="area-communes" value={form.communes} onInput={text('communes')} />
        </Field>
        {message && <p aria-live="polite">{message}</p>}
        <button type="submit">Enregistrer le territoire</button>
      </form>
    </section>
  );
}

/**
 * EPCIs in reach drawn from their coordinates (Web Mercator). With a tile URL in the
 * runtime config ({z}/{x}/{y}), map tiles go underneath; without one (npm start, offline)
 * the map is drawn alone.
 */
function CatchmentMap(props: {
  areas: CatchmentAnswer['areas'];
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number };
  size: { width: number; height: number };
  tileUrl?: string | undefined;
}) {
  const { tiles, place } = tilesFor(props.box, props.size);
  const url = (t: { z: number; x: number; y: number }) =>
    (props.tileUrl ?? '').replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y));
  return (
    <svg
      width={props.size.width}
      height={props.size.height}
      role="img"
      aria-label="Carte des intercommunalités à portée"
    >
      <rect width={props.size.width} height={props.size.height} fill="#f4f6f8" />
      {props.tileUrl &&
        tiles.map((t) => (
          <image key={`${t.x}-${t.y}`} href={url(t)} x={t.left} y={t.top} width={256} height={256} />
        ))}
      {props.areas.map((a) => {
        const { x, y } = place(a);
        return (
          <g key={a.id}>
            <circle
              cx={x}
              cy={y}
              r={6}
              fill={a.minutes <= 15 ? '#1f5fa8' : a.minutes <= 30 ? '#5b8fd0' : '#9fbde6'}
              stroke="#123a66"
            />
            <text x={x + 8} y={y + 4} font-size="11">
              {a.name} ({a.minutes} min)
            </text>
          </g>
        );
      })}
    </svg>
  );
}
