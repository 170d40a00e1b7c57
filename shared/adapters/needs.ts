/**
 * What each function may use, declared once: its table access and its needs beyond the
 * table (configuration.ts says which settings each need brings). The route and consumer
 * tables (infra/routes.ts, infra/consumers.ts) take each function's declaration from here,
 * and CDK grants exactly that and writes those settings (infra/stack-parts/workers.ts).
 * The function passes the same declaration to the deps builders (dependencies.ts), which
 * accept only one that has what they use: a function that builds what it did not declare
 * fails tsc.
 */
import { type Need, needSettings } from './configuration';

/** What a function may do to the table: least privilege is granted from this. */
export type TableAccess = 'none' | 'read' | 'write';

/** One function's declaration: its table access, and `true` for each need it has. */
export type Uses = { readonly data: TableAccess } & { readonly [N in Need]?: true };

/** A declaration that reads (or writes) the table and has every need in `N`: what a deps builder asks for. */
export type Using<N extends Need = never> = { readonly data: 'read' | 'write' } & { readonly [K in N]: true };

/** By the route's operationId, or the consumer's or job's name. */
export const uses = {
  // Routes (infra/routes.ts)
  health: { data: 'none' },
  whoAmI: { data: 'read' },
  openApi: { data: 'none' },
  postVacancy: { data: 'write' },
  getVacancy: { data: 'read' },
  patchVacancy: { data: 'write' },
  closeVacancy: { data: 'write' },
  reopenVacancy: { data: 'write' },
  duplicateVacancy: { data: 'write' },
  listMyVacancies: { data: 'read' },
  putMyProfile: { data: 'write' },
  getMyProfile: { data: 'read' },
  deleteMyProfile: { data: 'write', devices: true },
  exportMyData: { data: 'read' },
  listSectors: { data: 'none' },
  searchOccupations: { data: 'none' },
  searchSkills: { data: 'none' },
  searchCommunes: { data: 'none' },
  searchEpcis: { data: 'none' },
  // The route cache is written when Amazon Location is used.
  commute: { data: 'write', 'travel-time': true },
  listMyMatches: { data: 'read' },
  getMyMatch: { data: 'read' },
  listCandidates: { data: 'read' },
  listEmployerNotices: { data: 'read' },
  markEmployerNoticesSeen: { data: 'write' },
  acceptMatch: { data: 'write' },
  declineMatch: { data: 'write' },
  listMyNotifications: { data: 'read', offers: true },
  unsubscribeMe: { data: 'write' },
  oneClickUnsubscribe: { data: 'write', offers: true },
  registerDevice: { data: 'write', devices: true },
  listPlanningAreas: { data: 'read' },
  putPlanningArea: { data: 'write' },
  planningIndicators: { data: 'read' },
  planningForecast: { data: 'read' },
  // Reach is measured by the travel-time port: planners' reads use the route cache, never write it.
  planningTension: { data: 'read', 'travel-time': true },
  planningSkillsGap: { data: 'read', 'travel-time': true },
  planningCatchment: { data: 'read', 'travel-time': true },
  planningTransit: { data: 'read' },
  listMobilityScenarios: { data: 'read' },
  putMobilityScenario: { data: 'write' },
  planningTransitReach: { data: 'read' },
  // Stream consumers, queue consumers and scheduled jobs (infra/consumers.ts)
  matcher: { data: 'write', 'travel-time': true },
  offers: { data: 'write', offers: true },
  statistics: { data: 'write' },
  deliverer: { data: 'write', offers: true, 'send-messages': true, devices: true },
  eraseInactiveSeekers: { data: 'write', devices: true },
  releaseOffers: { data: 'write', offers: true, 'send-messages': true },
  releaseWaves: { data: 'write', offers: true },
  rollStatistics: { data: 'write' },
  importTimetables: { data: 'write', timetables: true },
} as const satisfies Record<string, Uses>;

/** A declaration as the stack grants it (and the route and consumer tables show it): table access and needs. */
export interface Grants {
  data: TableAccess;
  needs: Need[];
}

export const grantsOf = (declared: Uses): Grants => ({
  data: declared.data,
  needs: (Object.keys(needSettings) as Need[]).filter((need) => declared[need]),
});
