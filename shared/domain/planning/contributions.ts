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
 * A vacancy's wave schedule counts in its vacancy's cells and unit, each figure in the
 * month it happened (a release, an answer, the first acceptance).
 */

import type { Match } from '../match';
import { skillKey } from '../matching/skills';
import type { OfferWaves, WaveMonth } from '../notifications/waves';
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

/** Hours from posting to the first acceptance, exact up to 72 hours, then in 12-hour bins (capped at 30 days). */
export function hoursToFirstAcceptanceBin(hours: number): number {
  if (hours <= 72) return Math.max(0, hours);
  return Math.min(720, 72 + 12 * Math.floor((hours - 72) / 12));
}

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

const inWindow = (month: Month, window: ContributionWindow) =>
  (!window.from || month >= window.from) && month <= window.to;

/**
 * A vacancy's wave schedule counts where its vacancy is: offers sent (released), answered
 * and accepted in the month each happened, the vacancy once per month it sent offers, and
 * its first acceptance (with the hours since posting) in the month of that acceptance.
 */
export function wavesContribution(
  waves: OfferWaves,
  vacancy: Vacancy,
  window: ContributionWindow,
): EntityContribution {
  const contribution: Contribution = {};
  const unit = unitOfCommune(vacancy.site.commune)?.id;
  if (!unit) return { contribution, live: false };
  const cells = crossCells(vacancy.sector, vacancy.occupation);
  const months = new Map<Month, WaveMonth>();
  for (const wave of waves.history) {
    // Schedules written before the months were kept: everything in the month of the release.
    const byMonth = wave.byMonth ?? {
      [monthOf(wave.releasedAt)]: {
        released: wave.released,
        answered: wave.answered,
        accepted: wave.accepted,
      },
    };
    for (const [month, figures] of Object.entries(byMonth)) {
      const sum = months.get(month) ?? { released: 0, answered: 0, accepted: 0 };
      months.set(month, {
        released: sum.released + figures.released,
        answered: sum.answered + figures.answered,
        accepted: sum.accepted + figures.accepted,
      });
    }
  }
  for (const [month, figures] of months) {
    if (!inWindow(month, window)) continue;
    const bucket = bucketKey.encode(unit, month);
    for (const at of cells) {
      add(contribution, bucket, counter.encode('offers_sent', at), figures.released);
      add(contribution, bucket, counter.encode('offers_answered', at), figures.answered);
      add(contribution, bucket, counter.encode('offers_accepted', at), figures.accepted);
      if (figures.released > 0) add(contribution, bucket, counter.encode('vacancies_offering', at), 1);
    }
  }
  const first = waves.firstAcceptedAt;
  if (first && inWindow(monthOf(first), window)) {
    const bucket = bucketKey.encode(unit, monthOf(first));
    const hours = Math.floor((Date.parse(first) - Date.parse(vacancy.createdAt)) / 3_600_000);
    for (const at of cells) {
      add(contribution, bucket, counter.encode('vacancies_first_accepted', at), 1);
      if (cell.isOneWay(at))
        add(
          contribution,
          bucket,
          counter.encode('median_hours_to_first_acceptance', at, hoursToFirstAcceptanceBin(hours)),
          1,
        );
    }
  }
  // Zeros are no counters: a bucket only holds what was counted.
  for (const [bucket, counts] of Object.entries(contribution)) {
    for (const [name, value] of Object.entries(counts)) if (value === 0) delete counts[name];
    if (Object.keys(counts).length === 0) delete contribution[bucket];
  }
  return { contribution, live: false };
}
