/** Twelve months ahead with 80 % and 95 % intervals, the method in words and its error in one sentence. */
import { useMemo, useState } from 'preact/hooks';
import { api, data } from '../api/client';
import { type ForecastAnswer, forecastSeries } from '../format';
import { Chart } from '../ui/Chart';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { CsvButtons } from './CsvButtons';
import { metricNames, type PlannerFilters } from './filters';

type Metric =
  | 'vacancies_posted'
  | 'openings_posted'
  | 'vacancies_open'
  | 'vacancies_closed'
  | 'seekers_active'
  | 'matches_new'
  | 'matches_accepted';

export function Forecast(props: { filters: PlannerFilters }) {
  const [metric, setMetric] = useState<Metric>('vacancies_posted');
  const query = { area: props.filters.area, sector: props.filters.sector, metric, horizon: 12 };
  const answer = useLoad(
    () => data(api.GET('/v1/planning/forecast', { params: { query } })),
    [props.filters.area, props.filters.sector, metric],
  );
  const chart = useMemo(
    () => answer.data && forecastSeries(answer.data as unknown as ForecastAnswer),
    [answer.data],
  );
  const forecast = answer.data;
  return (
    <section aria-labelledby="forecast-title">
      <h2 id="forecast-title">Prévision à 12 mois</h2>
      <div class="field">
        <label for="metric">Indicateur</label>
        <select id="metric" value={metric} onChange={(e) => setMetric(e.currentTarget.value as Metric)}>
          {metricNames
            .filter(([name]) => name !== 'median_days_to_close')
            .map(([name, label]) => (
              <option key={name} value={name}>
                {label}
              </option>
            ))}
        </select>
      </div>
      <Status loading={answer.loading && !forecast} error={answer.error} />
      {forecast && forecast.points.length === 0 && <p>{forecast.reason}</p>}
      {forecast && forecast.points.length > 0 && chart && (
        <>
          <p class="method">
            <strong>{forecast.methodText}.</strong> {forecast.errorText}
          </p>
          <Chart
            title={`${metricNames.find(([name]) => name === metric)?.[1]} : passé et prévision, avec les fourchettes à 80 % et 95 %`}
            yLabel="Nombre"
            data={chart}
            series={[
              { label: 'Observé', stroke: '#1f5fa8' },
              { label: 'Prévision', stroke: '#b3261e', dash: [6, 4] },
              { label: 'Fourchette 80 % (bas)', stroke: 'rgba(179,38,30,0.5)' },
              { label: 'Fourchette 80 % (haut)', stroke: 'rgba(179,38,30,0.5)' },
              { label: 'Fourchette 95 % (bas)', stroke: 'rgba(179,38,30,0.25)' },
              { label: 'Fourchette 95 % (haut)', stroke: 'rgba(179,38,30,0.25)' },
            ]}
            bands={[
              { between: [4, 3], fill: 'rgba(179,38,30,0.18)' },
              { between: [6, 5], fill: 'rgba(179,38,30,0.08)' },
            ]}
          />
          <CsvButtons
            path="/v1/planning/forecast"
            query={query}
            name={`prevision-${props.filters.area}-${metric}`}
          />
        </>
      )}
    </section>
  );
}
