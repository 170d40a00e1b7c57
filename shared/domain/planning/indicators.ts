/** Monthly figures of an area, month by month (person figures published under secrecy). */
import { ValidationError } from '../errors';
import { type CellFilter, monthFigures } from './figures';
import { addMonths, type Month, monthRange } from './months';
import { areaSources, areaSummary, currentMonth, findArea, type PlanningDeps } from './sources';

export const maxMonths = 60;

function checkRange(from: Month, to: Month) {
  if (from > to) throw new ValidationError([{ field: 'from', message: 'planning.fromAfterTo' }]);
  if (monthRange(from, to).length > maxMonths)
    throw new ValidationError([
      { field: 'from', message: 'planning.tooManyMonths', params: { max: maxMonths } },
    ]);
}

export async function indicators(
  deps: PlanningDeps,
  query: {
    area: string;
    sector?: string | undefined;
    occupation?: string | undefined;
    from?: Month | undefined;
    to?: Month | undefined;
  },
) {
  const resolved = await findArea(deps, query.area);
  const to = query.to ?? currentMonth(deps.clock);
  const from = query.from ?? addMonths(to, -11);
  checkRange(from, to);
  // Months before Bassin counted anything have no figures: absent, not zeros.
  const first = await deps.statistics.firstMonth();
  const months = first === undefined ? [] : monthRange([from, first].sort()[1] as Month, to);
  const sources = await areaSources(deps, resolved, months);
  const filter: CellFilter = { sector: query.sector, occupation: query.occupation };
  const rows = months.map((month) => {
    const { values, suppressed } = monthFigures(month, sources.of(month), filter);
    return { month, ...values, suppressed };
  });
  return {
    area: areaSummary(resolved, sources.people),
    sector: query.sector ?? null,
    occupation: query.occupation ?? null,
    provisionalMonth: currentMonth(deps.clock),
    items: rows,
  };
}
