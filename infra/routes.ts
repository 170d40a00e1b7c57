/**
 * THE route table: each API contract paired with the function file that serves it.
 * CDK creates one Lambda and one HTTP API route per entry; the local runtime serves the
 * same entries; the OpenAPI document and the route × role tests are generated from it.
 */

import type { Need } from '../shared/adapters/configuration';
import { listEmployerNoticesRoute, markEmployerNoticesSeenRoute } from '../shared/api/employers';
import {
  acceptMatchRoute,
  declineMatchRoute,
  getMyMatchRoute,
  listCandidatesRoute,
  listMyMatchesRoute,
} from '../shared/api/matches';
import { whoAmIRoute } from '../shared/api/me';
import {
  listMyNotificationsRoute,
  oneClickUnsubscribeRoute,
  registerDeviceRoute,
  unsubscribeMeRoute,
} from '../shared/api/notifications';
import {
  catchmentRoute,
  forecastRoute,
  indicatorsRoute,
  listAreasRoute,
  listScenariosRoute,
  putAreaRoute,
  putScenarioRoute,
  skillsGapRoute,
  tensionRoute,
  transitOverviewRoute,
  transitReachRoute,
} from '../shared/api/planning';
import {
  commuteRoute,
  listSectorsRoute,
  searchCommunesRoute,
  searchEpcisRoute,
  searchOccupationsRoute,
  searchSkillsRoute,
} from '../shared/api/reference';
import {
  deleteMyProfileRoute,
  exportMyDataRoute,
  getMyProfileRoute,
  putMyProfileRoute,
} from '../shared/api/seekers';
import { healthRoute, openApiRoute } from '../shared/api/system';
import {
  closeVacancyRoute,
  duplicateVacancyRoute,
  getVacancyRoute,
  listMyVacanciesRoute,
  patchVacancyRoute,
  postVacancyRoute,
  reopenVacancyRoute,
} from '../shared/api/vacancies';
import type { RouteContract } from '../shared/http/route-contract';

export interface RouteEntry {
  contract: RouteContract;
  /** Function entry file, relative to the project root. */
  entry: string;
  /** What the function may do to the table: least privilege is granted from this. */
  data: 'none' | 'read' | 'write';
  /** Extra permissions besides the table. */
  needs?: Need[];
}

export const routes: RouteEntry[] = [
  { contract: healthRoute, entry: 'functions/system/health.ts', data: 'none' },
  { contract: whoAmIRoute, entry: 'functions/system/who-am-i.ts', data: 'read' },
  { contract: openApiRoute, entry: 'functions/system/openapi.ts', data: 'none' },
  { contract: postVacancyRoute, entry: 'functions/vacancies/post.ts', data: 'write' },
  { contract: getVacancyRoute, entry: 'functions/vacancies/get.ts', data: 'read' },
  { contract: patchVacancyRoute, entry: 'functions/vacancies/patch.ts', data: 'write' },
  { contract: closeVacancyRoute, entry: 'functions/vacancies/close.ts', data: 'write' },
  { contract: reopenVacancyRoute, entry: 'functions/vacancies/reopen.ts', data: 'write' },
  { contract: duplicateVacancyRoute, entry: 'functions/vacancies/duplicate.ts', data: 'write' },
  { contract: listMyVacanciesRoute, entry: 'functions/vacancies/list-mine.ts', data: 'read' },
  { contract: putMyProfileRoute, entry: 'functions/seekers/put-me.ts', data: 'write' },
  { contract: getMyProfileRoute, entry: 'functions/seekers/get-me.ts', data: 'read' },
  {
    contract: deleteMyProfileRoute,
    entry: 'functions/seekers/delete-me.ts',
    data: 'write',
    needs: ['devices'],
  },
  { contract: exportMyDataRoute, entry: 'functions/seekers/export-me.ts', data: 'read' },
  { contract: listSectorsRoute, entry: 'functions/reference/sectors.ts', data: 'none' },
  { contract: searchOccupationsRoute, entry: 'functions/reference/occupations.ts', data: 'none' },
  { contract: searchSkillsRoute, entry: 'functions/reference/skills.ts', data: 'none' },
  { contract: searchCommunesRoute, entry: 'functions/reference/communes.ts', data: 'none' },
  { contract: searchEpcisRoute, entry: 'functions/reference/epcis.ts', data: 'none' },
  {
    contract: commuteRoute,
    entry: 'functions/reference/commute.ts',
    // The route cache is written when Amazon Location is used.
    data: 'write',
    needs: ['travel-time'],
  },
  { contract: listMyMatchesRoute, entry: 'functions/matches/list-mine.ts', data: 'read' },
  { contract: getMyMatchRoute, entry: 'functions/matches/get-mine.ts', data: 'read' },
  { contract: listCandidatesRoute, entry: 'functions/matches/list-candidates.ts', data: 'read' },
  { contract: listEmployerNoticesRoute, entry: 'functions/employers/list-notices.ts', data: 'read' },
  {
    contract: markEmployerNoticesSeenRoute,
    entry: 'functions/employers/mark-notices-seen.ts',
    data: 'write',
  },
  { contract: acceptMatchRoute, entry: 'functions/matches/accept.ts', data: 'write' },
  { contract: declineMatchRoute, entry: 'functions/matches/decline.ts', data: 'write' },
  {
    contract: listMyNotificationsRoute,
    entry: 'functions/notifications/list-mine.ts',
    data: 'read',
    needs: ['offers'],
  },
  { contract: unsubscribeMeRoute, entry: 'functions/notifications/unsubscribe-me.ts', data: 'write' },
  {
    contract: oneClickUnsubscribeRoute,
    entry: 'functions/notifications/one-click-unsubscribe.ts',
    data: 'write',
    needs: ['offers'],
  },
  {
    contract: registerDeviceRoute,
    entry: 'functions/notifications/register-device.ts',
    data: 'write',
    needs: ['devices'],
  },
  { contract: listAreasRoute, entry: 'functions/planning/list-areas.ts', data: 'read' },
  { contract: putAreaRoute, entry: 'functions/planning/put-area.ts', data: 'write' },
  { contract: indicatorsRoute, entry: 'functions/planning/indicators.ts', data: 'read' },
  { contract: forecastRoute, entry: 'functions/planning/forecast.ts', data: 'read' },
  // Reach is measured by the travel-time port: planners' reads use the route cache, never write it.
  {
    contract: tensionRoute,
    entry: 'functions/planning/tension.ts',
    data: 'read',
    needs: ['travel-time'],
  },
  {
    contract: skillsGapRoute,
    entry: 'functions/planning/skills-gap.ts',
    data: 'read',
    needs: ['travel-time'],
  },
  {
    contract: catchmentRoute,
    entry: 'functions/planning/catchment.ts',
    data: 'read',
    needs: ['travel-time'],
  },
  { contract: transitOverviewRoute, entry: 'functions/planning/transit.ts', data: 'read' },
  { contract: listScenariosRoute, entry: 'functions/planning/list-scenarios.ts', data: 'read' },
  { contract: putScenarioRoute, entry: 'functions/planning/put-scenario.ts', data: 'write' },
  { contract: transitReachRoute, entry: 'functions/planning/transit-reach.ts', data: 'read' },
];
