/** The area and sector filters: the territory, each of its EPCIs and départements by name, planners' own areas. */
import { api, data, type Schemas } from '../api/client';
import { useLoad } from '../ui/useLoad';
import type { PlannerFilters } from './filters';

type Area = Schemas['Area'] & { kind: string };
const groups: [string, string][] = [
  ['territory', 'Territoire'],
  ['epci', 'Intercommunalités'],
  ['departement', 'Départements'],
  ['custom', 'Territoires définis par l’équipe'],
];

export function AreaPicker(props: {
  filters: PlannerFilters;
  onChange: (filters: PlannerFilters) => void;
  areasVersion: number;
}) {
  const areas = useLoad(() => data(api.GET('/v1/planning/areas', {})), [props.areasVersion]);
  const sectors = useLoad(() => data(api.GET('/v1/ref/sectors', {})), []);
  const items = (areas.data?.items ?? []) as Area[];
  return (
    <form class="filters" onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label for="area">Territoire</label>
        <select
          id="area"
          value={props.filters.area}
          onChange={(e) => props.onChange({ ...props.filters, area: e.currentTarget.value })}
        >
          {items.length === 0 && (
            <option value={props.filters.area}>Territoire d’industrie Lacq–Pau–Tarbes</option>
          )}
          {groups.map(([kind, label]) => {
            const inGroup = items.filter((area) => area.kind === kind);
            return inGroup.length ? (
              <optgroup key={kind} label={label}>
                {inGroup.map((area) => (
                  <option key={area.id} value={area.id}>
                    {area.name}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
      </div>
      <div class="field">
        <label for="sector">Secteur</label>
        <select
          id="sector"
          value={props.filters.sector ?? ''}
          onChange={(e) =>
            props.onChange({
              ...props.filters,
              sector: (e.currentTarget.value || undefined) as PlannerFilters['sector'],
            })
          }
        >
          <option value="">Tous les secteurs</option>
          {(sectors.data?.items ?? []).map((sector) => (
            <option key={sector.slug} value={sector.slug}>
              {sector.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
