/** 24 months of figures: a chart of three of them and the table of all, with "< 11" for secret counts. */
import { useMemo } from 'preact/hooks';
import { api, data } from '../api/client';
import { formatCount, formatRatio, type IndicatorRow, indicatorSeries, monthName } from '../format';
import { Chart } from '../ui/Chart';
import { ScrollArea } from '../ui/ScrollArea';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { CsvButtons } from './CsvButtons';
import { metricNames, offerFigureNames, type PlannerFilters } from './filters';

/** One offer figure of a row, as it reads: a count ("< 11" when secret), a ratio or a percentage. */
function offerCell(row: IndicatorRow, name: string, reads: 'count' | 'ratio' | 'percent') {
  const value = row[name] as number | null;
  if (reads === 'ratio') return formatRatio(value);
  if (reads === 'percent') return value === null ? '–' : formatCount(Math.round(value * 1000) / 10, false);
  return formatCount(value, row.suppressed.includes(name));
}

const month = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};

export function Indicators(props: { filters: PlannerFilters }) {
  const query = { area: props.filters.area, sector: props.filters.sector, from: month(-23), to: month(0) };
  const answer = useLoad(
    () => data(api.GET('/v1/planning/indicators', { params: { query } })),
    [props.filters.area, props.filters.sector],
  );
  const rows = (answer.data?.items ?? []) as unknown as IndicatorRow[];
  const chart = useMemo(
    () => indicatorSeries(rows, ['vacancies_posted', 'vacancies_open', 'seekers_active']),
    [answer.data],
  );
  return (
    <section aria-labelledby="indicators-title">
      <h2 id="indicators-title">Indicateurs mensuels</h2>
      <Status loading={answer.loading && !answer.data} error={answer.error} />
      {answer.data && (
        <>
          <Chart
            title="Offres publiées, offres ouvertes et candidats actifs, par mois"
            yLabel="Nombre"
            data={chart}
            series={[
              { label: 'Offres publiées', stroke: '#1f5fa8' },
              { label: 'Offres ouvertes', stroke: '#7a4a00' },
              { label: 'Candidats actifs', stroke: '#2e7d32', dash: [6, 4] },
            ]}
          />
          <ScrollArea label="Tableau des indicateurs (défile horizontalement)">
            <table>
              <caption>
                Indicateurs par mois (
                {answer.data.provisionalMonth === month(0) ? 'le mois en cours est provisoire' : ''})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Mois</th>
                  {[...metricNames, ...offerFigureNames].map(([, label]) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.month}>
                    <th scope="row">{monthName(row.month)}</th>
                    {metricNames.map(([name]) => (
                      <td key={name}>
                        {formatCount(row[name] as number | null, row.suppressed.includes(name))}
                      </td>
                    ))}
                    {offerFigureNames.map(([name, , reads]) => (
                      <td key={name}>{offerCell(row, name, reads)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          <CsvButtons
            path="/v1/planning/indicators"
            query={query}
            name={`indicateurs-${props.filters.area}`}
          />
        </>
      )}
    </section>
  );
}
