import { createHash } from 'node:crypto';
import type { MatchStore } from '../ports/matching';
import type { Clock, IdGenerator } from '../ports/runtime';
import { type Page, type PageRequest, StaleWriteError, type VacancyStore } from '../ports/store';
import { findJobTitle } from '../reference/job-titles';
import { lastWriterWinsAttempts } from './concurrency';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  UnprocessableError,
  ValidationError,
} from './errors';
import { locateSite } from './locate';
import { pageOrExplain } from './paging';
import { type Vacancy, type VacancyDraft, type VacancyPatch, vacancyDraft, vacancyOfDraft } from './vacancy';
import { zodIssues } from './validation';

export interface VacancyDeps {
  vacancies: VacancyStore;
  clock: Clock;
  newId: IdGenerator;
}

/** A start may be given only for a shift the vacancy works (a vacancy without shifts is day work). */
function checkShiftStarts(draft: VacancyDraft) {
  const worked: string[] = draft.shifts ?? ['day'];
  const stray = Object.keys(draft.shiftStarts ?? {}).filter((shift) => !worked.includes(shift));
  if (stray.length)
    throw new ValidationError(
      stray.map((shift) => ({
        field: `shiftStarts.${shift}`,
        message: 'field.shiftStartNotWorked',
      })),
    );
}

/**
 * Posts a vacancy. With the request's Idempotency-Key its id is derived from the caller and
 * the key: a retry that finds no stored answer (the first attempt died between writing the
 * vacancy and recording its answer) meets the vacancy it wrote and answers with it.
 */
export async function postVacancy(
  deps: VacancyDeps,
  owner: string,
  draft: VacancyDraft,
  requestKey?: string,
): Promise<Vacancy> {
  locateSite(draft.site);
  checkShiftStarts(draft);
  const now = deps.clock.now().toISOString();
  const created: Vacancy = {
    ...vacancyOfDraft(draft),
    id: requestKey ? vacancyIdFor(owner, requestKey) : deps.newId(),
    owner,
    status: 'open',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.vacancies.create(created);
    return created;
  } catch (error) {
    if (!(error instanceof StaleWriteError) || !requestKey) throw error;
    const stored = await deps.vacancies.get(created.id);
    // Changed since (it was listed and edited): the create it asked for happened.
    if (stored?.owner === owner && (stored.version > 1 || sameDraft(draftOf(stored), draftOf(created))))
      return stored;
    throw new UnprocessableError([{ field: 'idempotency-key', message: 'idempotency.otherBody' }]);
  }
}

/** A UUID (RFC 9562 version 8) named by the caller and their Idempotency-Key. */
export function vacancyIdFor(owner: string, requestKey: string): string {
  const hex = createHash('sha256').update(`vacancy\u0000${owner}\u0000${requestKey}`).digest('hex');
  const variant = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const sameDraft = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  JSON.stringify(sortedKeys(a)) === JSON.stringify(sortedKeys(b));
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sortedKeys(v)]),
        )
      : value;

/** Another owner's vacancy is reported as absent, so ids cannot be probed. */
export async function getOwnVacancy(deps: Pick<VacancyDeps, 'vacancies'>, owner: string, id: string) {
  const found = await deps.vacancies.get(id);
  if (!found || found.owner !== owner) throw new NotFoundError('notFound.vacancy');
  return found;
}

export async function amendVacancy(
  deps: VacancyDeps,
  owner: string,
  id: string,
  patch: VacancyPatch,
  ifMatch: number | undefined,
): Promise<Vacancy> {
  if (ifMatch === undefined) throw new PreconditionRequiredError();
  const current = await getOwnVacancy(deps, owner, id);
  if (current.version !== ifMatch) throw new PreconditionFailedError(current.version);
  if (current.status === 'closed') throw new ConflictError('conflict.vacancyClosed');
  const merged = applyMergePatch(draftOf(current), patch);
  const checked = vacancyDraft.safeParse(merged);
  if (!checked.success) throw new ValidationError(zodIssues(checked.error));
  locateSite(checked.data.site);
  checkShiftStarts(checked.data);
  const next: Vacancy = {
    ...vacancyOfDraft(checked.data),
    ...identityOf(current),
    version: current.version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  await replaceOrExplain(deps, next, current.version);
  return next;
}

/**
 * Closing is idempotent: closing a closed vacancy returns it unchanged. With If-Match the
 * close is conditional on that version (412 when stale); without it, another write slipping
 * in between (a PATCH, another close) is re-read and the close tried again.
 */
export async function closeVacancy(
  deps: VacancyDeps,
  owner: string,
  id: string,
  ifMatch: number | undefined,
): Promise<Vacancy> {
  for (let attempt = 0; ; attempt++) {
    const current = await getOwnVacancy(deps, owner, id);
    if (ifMatch !== undefined && current.version !== ifMatch)
      throw new PreconditionFailedError(current.version);
    if (current.status === 'closed') return current;
    const now = deps.clock.now().toISOString();
    const next: Vacancy = {
      ...current,
      status: 'closed',
      closedAt: now,
      updatedAt: now,
      version: current.version + 1,
    };
    try {
      await deps.vacancies.replace(next, current.version);
      return next;
    } catch (error) {
      if (!(error instanceof StaleWriteError) || ifMatch !== undefined || attempt >= lastWriterWinsAttempts)
        throw error instanceof StaleWriteError ? new PreconditionFailedError(current.version + 1) : error;
    }
  }
}

/** A closed vacancy opens again (its matches come back through the stream); reopening an open one changes nothing. */
export async function reopenVacancy(
  deps: VacancyDeps,
  owner: string,
  id: string,
  ifMatch: number | undefined,
): Promise<Vacancy> {
  const current = await getOwnVacancy(deps, owner, id);
  if (ifMatch !== undefined && current.version !== ifMatch)
    throw new PreconditionFailedError(current.version);
  if (current.status === 'open') return current;
  const { closedAt, ...open } = current;
  const next: Vacancy = {
    ...open,
    status: 'open',
    updatedAt: deps.clock.now().toISOString(),
    version: current.version + 1,
  };
  await replaceOrExplain(deps, next, current.version);
  return next;
}

/** A new open vacancy with everything the employer wrote in one of theirs (open or closed). */
export async function duplicateVacancy(deps: VacancyDeps, owner: string, id: string): Promise<Vacancy> {
  const source = await getOwnVacancy(deps, owner, id);
  const checked = vacancyDraft.safeParse(draftOf(source));
  // A stored vacancy was valid when written; a code retired since is the employer's to fix.
  if (!checked.success) throw new ValidationError(zodIssues(checked.error, 'source'));
  return postVacancy(deps, owner, checked.data);
}

export function listOwnVacancies(
  deps: Pick<VacancyDeps, 'vacancies'>,
  owner: string,
  page: PageRequest,
): Promise<Page<Vacancy>> {
  return pageOrExplain(() => deps.vacancies.listByOwner(owner, page));
}

/** The owner's vacancies, each with its candidate counts (one read of each vacancy's candidate list). */
export async function listOwnVacanciesCounted(
  deps: { vacancies: VacancyStore; matches: Pick<MatchStore, 'countsForVacancy'> },
  owner: string,
  page: PageRequest,
) {
  const found = await listOwnVacancies(deps, owner, page);
  const items = await Promise.all(
    found.items.map(async (vacancy) => ({
      vacancy,
      counts: await deps.matches.countsForVacancy(vacancy.id),
    })),
  );
  return { ...found, items };
}

async function replaceOrExplain(deps: VacancyDeps, next: Vacancy, expectedVersion: number) {
  try {
    await deps.vacancies.replace(next, expectedVersion);
  } catch (error) {
    // Someone else wrote between our read and our conditional write.
    if (error instanceof StaleWriteError)
      throw new PreconditionFailedError(error.currentVersion ?? expectedVersion + 1);
    throw error;
  }
}

const identityOf = ({ id, owner, status, createdAt, closedAt }: Vacancy) => ({
  id,
  owner,
  status,
  createdAt,
  ...(closedAt ? { closedAt } : {}),
});

function draftOf(current: Vacancy): Record<string, unknown> {
  const { id, owner, status, version, createdAt, updatedAt, closedAt, ...draft } = current;
  return draft;
}

/**
 * RFC 7396 at the top level of a vacancy: null removes, any other value replaces. The job is
 * one fact stated two ways: a patch that names only the title (or only the ROME code) drops
 * the stored other half unless it still agrees.
 */
function applyMergePatch(target: Record<string, unknown>, patch: VacancyPatch): Record<string, unknown> {
  const merged = { ...target };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete merged[field];
    else if (value !== undefined) merged[field] = value;
  }
  if ('jobTitle' in patch && !('occupation' in patch)) delete merged.occupation;
  if ('occupation' in patch && !('jobTitle' in patch) && merged.jobTitle) {
    if (findJobTitle(String(merged.jobTitle))?.occupation !== merged.occupation) delete merged.jobTitle;
  }
  return merged;
}
