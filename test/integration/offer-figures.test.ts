import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dynamoStatisticsStore } from '../../shared/adapters/dynamodb/statistics-store';
import { dynamoWaveStore } from '../../shared/adapters/dynamodb/wave-store';
import type { OfferWaves } from '../../shared/domain/notifications/waves';
import { cell, counter, entityKey, unitId } from '../../shared/domain/planning/codes';
import { type CountingDeps, countEntity } from '../../shared/domain/planning/counting';
import { medianOf, monthFigures, offerRatios } from '../../shared/domain/planning/figures';
import { unitOfCommune } from '../../shared/domain/planning/units';
import type { Vacancy } from '../../shared/domain/vacancy';
import { startLocalTable } from '../support/local-table';
import { fixedClock, memorySeekerStore, memoryVacancyStore } from '../support/memory-stores';
import { welderVacancy } from '../support/samples';

let local: Awaited<ReturnType<typeof startLocalTable>>;
beforeEach(async () => {
  local = await startLocalTable();
});
afterEach(() => local?.stop());

const vacancyId = 'v-waves-1';
const postedAt = '2026-10-30T08:00:00.000Z';

/** A Lescar welder vacancy posted on 30 October, counted in its unit. */
function postedVacancy(): Vacancy {
  return {
    ...welderVacancy(),
    id: vacancyId,
    employerId: 'e-1',
    status: 'open',
    createdAt: postedAt,
    updatedAt: postedAt,
    version: 1,
  } as unknown as Vacancy;
}

/**
 * Its wave schedule: wave 1 (20 offers) released on 30 October, 5 answers that month and
 * 9 (1 accepted) in November; wave 2 (20 offers) released in November, 12 answers (2 accepted).
 */
const schedule = (version: number): OfferWaves => ({
  vacancyId,
  employerId: 'e-1',
  released: 2,
  answered: [],
  history: [
    {
      wave: 1,
      releasedAt: '2026-10-30T08:10:00.000Z',
      released: 20,
      answered: 14,
      accepted: 1,
      byMonth: {
        '2026-10': { released: 20, answered: 5, accepted: 0 },
        '2026-11': { released: 0, answered: 9, accepted: 1 },
      },
    },
    {
      wave: 2,
      releasedAt: '2026-11-02T08:00:00.000Z',
      released: 20,
      answered: 12,
      accepted: 2,
      byMonth: { '2026-11': { released: 20, answered: 12, accepted: 2 } },
    },
  ],
  // 49 hours after posting.
  firstAcceptedAt: '2026-11-01T09:00:00.000Z',
  createdAt: '2026-10-30T08:00:00.000Z',
  version,
});

describe('offer figures from the wave schedules (dynalite)', () => {
  it('a wave schedule counted twice (a replay) counts once, each figure in the month it happened', async () => {
    const statistics = dynamoStatisticsStore(local.table);
    const waves = dynamoWaveStore(local.table);
    const vacancies = memoryVacancyStore();
    const vacancy = postedVacancy();
    vacancies.items.set(vacancyId, vacancy);
    const deps: CountingDeps = {
      statistics,
      vacancies,
      seekers: memorySeekerStore(),
      matches: { get: async () => undefined },
      waves,
      clock: fixedClock('2026-11-20T10:00:00.000Z'),
    };
    // Stored by the real wave store: counted by the id it writes on the item.
    expect(await waves.save(schedule(1), 0)).toBe(true);
    const key = entityKey.encode('offerWaves', vacancyId);
    expect(await countEntity(deps, key)).toBe('applied');
    expect(await countEntity(deps, key)).toBe('unchanged');
    expect(await countEntity(deps, key)).toBe('unchanged');

    const unit = unitOfCommune(vacancy.site.commune)?.id as string;
    expect(unit).toBe(unitId.encode({ kind: 'commune', commune: vacancy.site.commune }));
    const [october] = await statistics.bucketsOf([unit], '2026-10');
    const [november] = await statistics.bucketsOf([unit], '2026-11');
    const total = cell.total;
    const at = (metric: Parameters<typeof counter.encode>[0]) => counter.encode(metric, total);
    expect(october).toMatchObject({
      [at('offers_sent')]: 20,
      [at('offers_answered')]: 5,
      [at('vacancies_offering')]: 1,
    });
    expect(october?.[at('offers_accepted')]).toBeUndefined();
    expect(november).toMatchObject({
      [at('offers_sent')]: 20,
      [at('offers_answered')]: 21,
      [at('offers_accepted')]: 3,
      [at('vacancies_offering')]: 1,
      [at('vacancies_first_accepted')]: 1,
      [counter.encode('median_hours_to_first_acceptance', total, 49)]: 1,
    });
    // The same in the vacancy's own cells.
    const own = cell.encode(vacancy.sector, vacancy.occupation);
    expect(november?.[counter.encode('offers_sent', own)]).toBe(20);

    // More answers come in: only the difference is applied, and a replay of it changes nothing.
    const later = schedule(2);
    const wave2 = later.history[1] as (typeof later.history)[number];
    later.history[1] = {
      ...wave2,
      answered: 18,
      byMonth: { '2026-11': { released: 20, answered: 18, accepted: 2 } },
    };
    expect(await waves.save(later, 1)).toBe(true);
    expect(await countEntity(deps, key)).toBe('applied');
    expect(await countEntity(deps, key)).toBe('unchanged');
    const [after] = await statistics.bucketsOf([unit], '2026-11');
    expect(after?.[at('offers_answered')]).toBe(27);
    expect(after?.[at('offers_sent')]).toBe(20);
    expect((await statistics.bucketsOf([unit], '2026-10'))[0]?.[at('offers_answered')]).toBe(5);
    expect(await statistics.record(key)).toMatchObject({ seq: 2 });
  });

  it('reads as offers per vacancy, answer rate and median hours to first acceptance', () => {
    const total = cell.total;
    const bucket = {
      [counter.encode('offers_sent', total)]: 40,
      [counter.encode('vacancies_offering', total)]: 2,
      [counter.encode('offers_answered', total)]: 30,
      [counter.encode('median_hours_to_first_acceptance', total, 10)]: 1,
      [counter.encode('median_hours_to_first_acceptance', total, 20)]: 2,
    };
    expect(medianOf([bucket], 'median_hours_to_first_acceptance', {})).toBe(20);
    expect(medianOf([bucket], 'median_hours_to_first_acceptance', { sector: 'a', occupation: 'b' })).toBe(
      null,
    );
    const { values } = monthFigures(
      '2026-11',
      { buckets: [bucket], persons: { sum: () => ({ value: 40, suppressed: false }) } as never, nodes: [] },
      {},
    );
    expect(values).toMatchObject({ vacancies_offering: 2, median_hours_to_first_acceptance: 20 });
    expect(offerRatios({ ...values, offers_sent: 40, offers_answered: 30 })).toEqual({
      offers_per_vacancy: 20,
      answer_rate: 0.75,
    });
    // A secret count is no ratio either.
    expect(offerRatios({ ...values, offers_sent: null, offers_answered: 30 })).toEqual({
      offers_per_vacancy: null,
      answer_rate: null,
    });
  });
});
