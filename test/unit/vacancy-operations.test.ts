import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  ValidationError,
} from '../../shared/domain/errors';
import { vacancyDraft } from '../../shared/domain/vacancy';
import {
  amendVacancy,
  closeVacancy,
  getOwnVacancy,
  listOwnVacancies,
  postVacancy,
  type VacancyDeps,
} from '../../shared/domain/vacancy-operations';
import { fixedClock, memoryVacancyStore, sequentialIds } from '../support/memory-stores';
import { welderVacancy } from '../support/samples';

let deps: VacancyDeps & {
  clock: ReturnType<typeof fixedClock>;
  vacancies: ReturnType<typeof memoryVacancyStore>;
};
const draft = () => vacancyDraft.parse(welderVacancy());

beforeEach(() => {
  deps = { vacancies: memoryVacancyStore(), clock: fixedClock(), newId: sequentialIds() };
});

describe('posting', () => {
  it('opens the vacancy at version 1, owned by the caller', async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    expect(posted).toMatchObject({
      owner: 'acme',
      status: 'open',
      version: 1,
      createdAt: '2026-11-26T08:00:00.000Z',
    });
    expect(deps.vacancies.items.get(posted.id)).toEqual(posted);
  });
});

describe('reading', () => {
  it("answers not found for another owner's vacancy", async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    await expect(getOwnVacancy(deps, 'rival', posted.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getOwnVacancy(deps, 'acme', posted.id)).id).toBe(posted.id);
  });
});

describe('amending', () => {
  it('needs the version read (If-Match)', async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    await expect(amendVacancy(deps, 'acme', posted.id, { openings: 3 }, undefined)).rejects.toBeInstanceOf(
      PreconditionRequiredError,
    );
  });

  it('refuses a stale version and keeps the stored one', async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    await amendVacancy(deps, 'acme', posted.id, { openings: 3 }, 1);
    const stale = amendVacancy(deps, 'acme', posted.id, { openings: 9 }, 1);
    await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
    expect(deps.vacancies.items.get(posted.id)?.openings).toBe(3);
  });

  it('merges the patch, removes null fields and moves the version', async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    deps.clock.advance(60_000);
    const changed = await amendVacancy(deps, 'acme', posted.id, { salary: null, title: 'Soudeur TIG' }, 1);
    expect(changed).toMatchObject({
      title: 'Soudeur TIG',
      version: 2,
      createdAt: posted.createdAt,
      owner: 'acme',
    });
    expect(changed.salary).toBeUndefined();
    expect(changed.updatedAt).toBe('2026-11-26T08:01:00.000Z');
    expect(changed.skills).toEqual(posted.skills);
  });

  it('validates the merged vacancy as a whole', async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    const invalid = amendVacancy(
      deps,
      'acme',
      posted.id,
      { salary: { min: 3000, max: 1000, period: 'month', currency: 'EUR' } },
      1,
    );
    await expect(invalid).rejects.toBeInstanceOf(ValidationError);
    await expect(invalid).rejects.toMatchObject({ issues: [{ field: 'salary.max' }] });
  });

  it('refuses to change a closed vacancy', async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    await closeVacancy(deps, 'acme', posted.id, undefined);
    await expect(amendVacancy(deps, 'acme', posted.id, { openings: 3 }, 2)).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("cannot touch another owner's vacancy", async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    await expect(amendVacancy(deps, 'rival', posted.id, { openings: 3 }, 1)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(deps.vacancies.items.get(posted.id)?.openings).toBe(2);
  });
});

describe('closing', () => {
  it('closes once; closing again changes nothing', async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    const closed = await closeVacancy(deps, 'acme', posted.id, 1);
    expect(closed).toMatchObject({ status: 'closed', version: 2, closedAt: '2026-11-26T08:00:00.000Z' });
    expect(await closeVacancy(deps, 'acme', posted.id, undefined)).toEqual(closed);
  });

  it('honours If-Match when given', async () => {
    const posted = await postVacancy(deps, 'acme', draft());
    await expect(closeVacancy(deps, 'acme', posted.id, 7)).rejects.toBeInstanceOf(PreconditionFailedError);
  });
});

describe('listing', () => {
  it('pages through the owner’s vacancies only, newest first', async () => {
    for (let i = 0; i < 3; i++) {
      await postVacancy(deps, 'acme', draft());
      deps.clock.advance(1000);
    }
    await postVacancy(deps, 'rival', draft());
    const first = await listOwnVacancies(deps, 'acme', { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect((first.items[0]?.createdAt ?? '') > (first.items[1]?.createdAt ?? '')).toBe(true);
    const second = await listOwnVacancies(deps, 'acme', { limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
  });

  it('turns a foreign cursor into a validation error on the cursor', async () => {
    await expect(listOwnVacancies(deps, 'acme', { limit: 2, cursor: 'x' })).rejects.toMatchObject({
      issues: [{ field: 'cursor' }],
    });
  });
});
