/** Who lives within a commute of a site: seekers per commute band, per occupation and per EPCI reached. */
import { findCommune } from '../../reference/communes';
import { findOccupation } from '../../reference/occupations';
import { locateCommune } from '../locate';
import type { CommuteMode } from '../schema-parts';
import { locatedAtoms } from './atoms';
import { all, cell } from './codes';
import { PersonFigures, personUnits } from './person-figures';
import { placesWithin } from './reach';
import { bucketReader, currentMonth, type ReachDeps } from './sources';

export const commuteBands = [15, 30, 45, 60, 90, 120] as const;

export async function catchment(
  deps: ReachDeps,
  query: { commune: string; minutes: number; mode: CommuteMode; hour: number; sector?: string | undefined },
) {
  const site = findCommune(query.commune);
  const located = locateCommune(query.commune, 'commune');
  const month = currentMonth(deps.clock);
  const reached = await placesWithin(deps.travel, locatedAtoms(), {
    from: { commune: query.commune, point: located.point },
    minutes: query.minutes,
    mode: query.mode,
    hour: query.hour,
  });
  const nodes = reached.map((entry) => entry.place.id);
  const persons = new PersonFigures(await bucketReader(deps)(personUnits(nodes), [month]));
  const totalCell = cell.encode(query.sector ?? all, all);
  const byOccupation = persons
    .cellsOf(nodes, month, 'seekers_active')
    .filter((at) => cell.isPerOccupation(at))
    .map((at) => {
      const { occupation } = cell.decode(at);
      const figure = persons.sum(nodes, month, 'seekers_active', at);
      return {
        occupation,
        label: findOccupation(occupation)?.label ?? occupation,
        seekers: figure.value,
        suppressed: figure.suppressed,
      };
    });
  const bands = commuteBands.filter((_, i) => i === 0 || (commuteBands[i - 1] as number) < query.minutes);
  const distribution = bands.map((upper, i) => {
    const from = i === 0 ? 0 : (commuteBands[i - 1] as number);
    const to = Math.min(upper, query.minutes);
    const last = i === bands.length - 1;
    const inBand = reached
      .filter((entry) => entry.minutes >= from && (entry.minutes < to || (last && entry.minutes <= to)))
      .map((entry) => entry.place.id);
    const figure = persons.sum(inBand, month, 'seekers_active', totalCell);
    return {
      fromMinutes: from,
      toMinutes: to,
      seekers: figure.value,
      suppressed: figure.suppressed,
      areas: inBand.length,
    };
  });
  const total = persons.sum(nodes, month, 'seekers_active', totalCell);
  return {
    site: { commune: query.commune, name: site?.name ?? query.commune },
    month,
    minutes: query.minutes,
    mode: query.mode,
    hour: query.hour,
    sector: query.sector ?? null,
    seekers: total.value,
    suppressed: total.suppressed,
    byOccupation,
    distribution,
    areas: reached.map((entry) => ({
      id: entry.place.id,
      name: entry.place.name,
      minutes: entry.minutes,
      // Each EPCI's own published figure (its tree's secrecy applies): what the map colours.
      ...seekersOf(persons.sum([entry.place.id], month, 'seekers_active', totalCell)),
      commune: entry.place.reference?.commune as string,
      lat: entry.place.reference?.point.lat as number,
      lon: entry.place.reference?.point.lon as number,
    })),
  };
}

const seekersOf = (figure: { value: number | null; suppressed: boolean }) => ({
  seekers: figure.value,
  suppressed: figure.suppressed,
});
