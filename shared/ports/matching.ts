import type { Point } from '../domain/geo';
import type { Match } from '../domain/match';
import type { Shift } from '../domain/schema-parts';
import type { MatchableSeeker, SeekerProfile } from '../domain/seeker';
import type { Vacancy } from '../domain/vacancy';
import type { Page, PageRequest } from './store';

/** Candidate retrieval by sector and place: costs what is near, never the whole table. */
export interface MatchIndex {
  /**
   * Seekers of `sector` who consented, work one of `shifts` (or state none) and whose reach
   * disc may contain `site`.
   */
  seekersInReach(sector: string, site: Point, shifts: Shift[]): Promise<MatchableSeeker[]>;
  /** Open vacancies of `sector` within `reachKm` (straight line) of `home`. */
  openVacanciesInReach(sector: string, home: Point, reachKm: number): Promise<Vacancy[]>;
  /** Indexes the seeker under each sector with their reach; removes them everywhere when `profile` is undefined. */
  reindexSeeker(
    seekerId: string,
    profile: SeekerProfile | undefined,
    home: Point | undefined,
    reachKm: number,
  ): Promise<void>;
  /** Records that every seeker has been reindexed in the current format (the migration's last step). */
  markReindexed(): Promise<void>;
}

export interface MatchStore {
  get(id: string): Promise<Match | undefined>;
  activeForVacancy(vacancyId: string): Promise<Match[]>;
  activeForSeeker(seekerId: string): Promise<Match[]>;
  /** Creates or refreshes a match; keeps the seeker's response, contact and createdAt. */
  save(match: Match): Promise<void>;
  /** Deletes a match (its seeker was erased: nothing of them may stay, not even a withdrawn match). */
  remove(match: Match): Promise<void>;
  /** Withdraws an active match (no-op if it is already withdrawn or gone). */
  withdraw(match: Match, reason: string, at: string): Promise<void>;
  /** Records the seeker's answer; fails with StaleWriteError if the match is no longer active. */
  respond(
    match: Match,
    response: 'accepted' | 'declined',
    contact: Match['contact'],
    at: string,
  ): Promise<Match>;
  pageForSeeker(seekerId: string, page: PageRequest): Promise<Page<Match>>;
  pageForVacancy(vacancyId: string, page: PageRequest): Promise<Page<Match>>;
  /** How many active candidates a vacancy has, and how many of them answered (reads its candidate list once). */
  countsForVacancy(vacancyId: string): Promise<CandidateCounts>;
}

export interface CandidateCounts {
  candidates: number;
  accepted: number;
  declined: number;
}

/** "Someone accepted": what an employer is told in the app. It names the match, never the person. */
export interface AcceptanceNotice {
  matchId: string;
  vacancyId: string;
  vacancyTitle: string;
  at: string;
}

/** Employers' in-app notices, newest first, and how far they have read them. */
export interface EmployerNoticeStore {
  /** Records a notice once (the same match and time again changes nothing). */
  add(employerId: string, notice: AcceptanceNotice): Promise<void>;
  page(employerId: string, page: PageRequest): Promise<Page<AcceptanceNotice>>;
  seenUntil(employerId: string): Promise<string | undefined>;
  markSeen(employerId: string, at: string): Promise<void>;
}
