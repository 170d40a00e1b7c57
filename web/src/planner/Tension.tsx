/** Tension per occupation (open vacancies ÷ seekers within reach), over all sectors: say so plainly. */
import { api, data } from '../api/client';
import { formatCount, formatRatio } from '../format';
import { ScrollArea } from '../ui/ScrollArea';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { CsvButtons } from './CsvButtons';
import type { PlannerFilters } from './filters';

export function Tension(props: { filters: PlannerFilters; sectorName?: string | undefined }) {
  const query = { area: props.filters.area };
  const answer = useLoad(
    () => data(api.GET('/v1/planning/tension', { params: { query } })),
    [props.filters.area],
  );
  return (
    <section aria-labelledby="tension-title">
      <h2 id="tension-title">Tension par métier</h2>
      <p class="note">
        Offres ouvertes du territoire rapportées aux candidats actifs qui habitent à moins de 30 minutes en
        voiture.{' '}
        {props.sectorName
          ? `Calculée tous secteurs confondus, et non pour « ${props.sectorName} » seulement : le secret statistique interdit de croiser secteur et métier pour des personnes.`
          : 'Calculée tous secteurs confondus.'}
      </p>
      <Status loading={answer.loading && !answer.data} error={answer.error} />
      {answer.data && answer.data.items.length === 0 && (
        <p>Aucune offre ouverte ce mois-ci sur ce territoire.</p>
      )}
      {answer.data && answer.data.items.length > 0 && (
        <>
          <ScrollArea label="Tableau de tension (défile horizontalement)">
            <table>
              <caption>Tension par métier, du plus tendu au moins tendu</caption>
              <thead>
                <tr>
                  <th scope="col">Rang</th>
                  <th scope="col">Métier</th>
                  <th scope="col">Offres ouvertes</th>
                  <th scope="col">Candidats à portée</th>
                  <th scope="col">Offres par candidat</th>
                </tr>
              </thead>
              <tbody>
                {answer.data.items.map((row) => (
                  <tr key={row.occupation}>
                    <td>{row.rank ?? '–'}</td>
                    <th scope="row">{row.label}</th>
                    <td>{row.openVacancies}</td>
                    <td>
                      {row.noSeekerInReach ? 'aucun' : formatCount(row.seekersInReach, row.seekersSuppressed)}
                    </td>
                    <td>{formatRatio(row.ratio)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          <CsvButtons path="/v1/planning/tension" query={query} name={`tension-${props.filters.area}`} />
        </>
      )}
    </section>
  );
}
