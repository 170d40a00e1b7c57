/**
 * What one vacancy, seeker or match adds to the monthly figures, as a pure function of
 * its current state: per bucket key, per counter (codes.ts), a number.
 * The statistics consumer stores the last contribution it applied per entity and applies
 * only the difference, so any number of replays leaves every figure unchanged.
 *
 * Cells: a vacancy counts in (sector, occupation), (sector, *), (*, occupation), (*, *).
 * A seeker counts once in (*, *), once per sector (sector, *) and once per occupation
 * (*, occupation): occupations are not tied to sectors in a profile, so there is no
 * (sector, occupation) cell for seekers, and sector cells do not add up to the total.
 */

import type { Match } from '../match';
import { skillKey } from '../matching/skills';
import type { SeekerProfile } from '../seeker';
import type { Vacancy } from '../vacancy';
import { all, type BucketKey, bucketKey, type Cell, cell, counter, nowBucket } from './codes';
import { type Month, monthOf, monthRange } from './months';
import { unitOfCommune } from './units';

/** A bucket's counters (codes.ts `counter`), or a metric's cells. */
export type Counts = Record<string, number>;
/** Per bucket key, what an entity adds to its counters. */
export type Contribution = Record<string, Counts>;

export interface ContributionWindow {
  /** First month to compute; undefined = from the entity's own start. */
  from: Month | undefined;
  /** The current month (the last one computed). */
  to: Month;
}

export interface EntityContribution {
  contribution: Contribution;
  /** The entity will count again next month (an open vacancy, an active seeker). */
  live: boolean;
}

const day = 86_400_000;

/** Days from posting to close, exact up to 60 days, then in 10-day bins (capped at 365). */
export function daysToCloseBin(days: number): number {
  if (days <= 60) return Math.max(0, days);
  return Math.min(365, 60 + 10 * Math.floor((days - 60) / 10));
}

function add(contribution: Contribution, bucket: BucketKey, attribute: string, value: number) {
  const counts = contribution[bucket] ?? {};
  counts[attribute] = (counts[attribute] ?? 0) + value;
  contribution[bucket] = counts;
}

/** A vacancy's (or its match's) cells: (sector, occupation), (sector, *), (*, occupation), (*, *). */
const crossCells = (sector: string, occupation: string): Cell[] => [
  cell.encode(sector, occupation),
  cell.encode(sector, all),
  cell.encode(all, occupation),
  cell.total,
];

const windowMonths = (start: Month, window: ContributionWindow) =>
  monthRange(window.from && window.from > start ? window.from : start, window.to);

export function vacancyContribution(vacancy: Vacancy, window: ContributionWindow): EntityContribution {
  const contribution: Contribution = {};
  const unit = unitOfCommune(vacancy.site.commune)?.id;
  if (!unit) return { contribution, live: false };
  const { sector, occupation } = vacancy;
  const cells = crossCells(sector, occupation);
  const posted = monthOf(vacancy.createdAt);
  const closedAt = vacancy.status === 'closed' ? (vacancy.closedAt ?? vacancy.updatedAt) : undefined;
  const closed = closedAt && monthOf(closedAt);
  for (const month of windowMonths(posted, window)) {
    const bucket = bucketKey.encode(unit, month);
    for (const at of cells) {
      if (month === posted) {
        add(contribution, bucket, counter.encode('vacancies_posted', at), 1);
        add(contribution, bucket, counter.encode('openings_posted', at), vacancy.openings);
      }
      if (!closed || closed > month) add(contribution, bucket, counter.encode('vacancies_open', at), 1);
      if (closed === month) {
        add(contribution, bucket, counter.encode('vacancies_closed', at), 1);
        if (cell.isOneWay(at)) {
          const days = Math.floor((Date.parse(closedAt as string) - Date.parse(vacancy.createdAt)) / day);
          add(contribution, bucket, counter.encode('median_days_to_close', at, daysToCloseBin(days)), 1);
        }
      }
    }
  }
  const open = vacancy.status === 'open';
  if (open) {
    const now = bucketKey.encode(unit, nowBucket);
    for (const skill of new Set(vacancy.skills.map(skillKey))) {
      add(contribution, now, counter.encode('skill_demand', cell.encode(all, skill)), 1);
      add(contribution, now, counter.encode('skill_demand', cell.encode(sector, skill)), 1);
    }
  }
  return { contribution, live: open };
}

/** Only seekers who consented to statistics count, from the month their profile was made. */
export function seekerContribution(profile: SeekerProfile, window: ContributionWindow): EntityContribution {
  const contribution: Contribution = {};
  const unit = unitOfCommune(profile.home.commune)?.id;
  if (!unit || !profile.consent.statistics) return { contribution, live: false };
  const cells = [
    cell.total,
    ...profile.sectors.map((s) => cell.encode(s, all)),
    ...profile.occupations.map((o) => cell.encode(all, o)),
  ];
  for (const month of windowMonths(monthOf(profile.createdAt), window))
    for (const at of cells)
      add(contribution, bucketKey.encode(unit, month), counter.encode('seekers_active', at), 1);
  const now = bucketKey.encode(unit, nowBucket);
  for (const skill of new Set(profile.skills.map(skillKey)))
    add(contribution, now, counter.encode('skill_supply', cell.encode(all, skill)), 1);
  return { contribution, live: true };
}

/** A match counts where its vacancy is: once when made, once more if the seeker accepts. */
export function matchContribution(match: Match, window: ContributionWindow): EntityContribution {
  const contribution: Contribution = {};
  const unit = unitOfCommune(match.vacancy.commune.code)?.id;
  if (!unit) return { contribution, live: false };
  const { sector, occupation } = match.vacancy;
  const cells = crossCells(sector, occupation);
  const months = new Set(windowMonths(monthOf(match.createdAt), window));
  const made = monthOf(match.createdAt);
  const accepted =
    match.response === 'accepted' && match.respondedAt ? monthOf(match.respondedAt) : undefined;
  for (const at of cells) {
    if (months.has(made))
      add(contribution, bucketKey.encode(unit, made), counter.encode('matches_new', at), 1);
    if (accepted && months.has(accepted))
      add(contribution, bucketKey.encode(unit, accepted), counter.encode('matches_accepted', at), 1);
  }
  return { contribution, live: false };
}
