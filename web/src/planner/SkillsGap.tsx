/** Skills most asked for by open vacancies, and how many seekers within reach have them. */
import { api, data } from '../api/client';
import { formatCount } from '../format';
import { ScrollArea } from '../ui/ScrollArea';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { CsvButtons } from './CsvButtons';
import type { PlannerFilters } from './filters';

export function SkillsGap(props: { filters: PlannerFilters }) {
  const query = { area: props.filters.area, sector: props.filters.sector, limit: 15 };
  const answer = useLoad(
    () => data(api.GET('/v1/planning/skills-gap', { params: { query } })),
    [props.filters.area, props.filters.sector],
  );
  return (
    <section aria-labelledby="gap-title">
      <h2 id="gap-title">Compétences demandées</h2>
      <Status loading={answer.loading && !answer.data} error={answer.error} />
      {answer.data && answer.data.items.length === 0 && (
        <p>Aucune compétence demandée par les offres ouvertes.</p>
      )}
      {answer.data && answer.data.items.length > 0 && (
        <>
          <ScrollArea label="Tableau des compétences (défile horizontalement)">
            <table>
              <caption>Compétences des offres ouvertes, et candidats à portée qui les ont</caption>
              <thead>
                <tr>
                  <th scope="col">Compétence</th>
                  <th scope="col">Offres</th>
                  <th scope="col">Candidats à portée</th>
                </tr>
              </thead>
              <tbody>
                {answer.data.items.map((row) => (
                  <tr key={row.skill}>
                    <th scope="row">{row.label}</th>
                    <td>{row.openVacancies}</td>
                    <td>{formatCount(row.seekersInReach, row.seekersSuppressed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          <CsvButtons
            path="/v1/planning/skills-gap"
            query={query}
            name={`competences-${props.filters.area}`}
          />
        </>
      )}
    </section>
  );
}
