/**
 * THE route table: each API contract paired with the function file that serves it.
 * CDK creates one Lambda and one HTTP API route per entry; the local runtime serves the
 * same entries; the OpenAPI document and the route × role tests are generated from it.
 */

import { type Grants, grantsOf, type Uses, uses } from '../shared/adapters/needs';
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

/** A route, and what its function may use (its declaration in shared/adapters/needs.ts). */
export interface RouteEntry extends Grants {
  contract: RouteContract;
  /** Function entry file, relative to the project root. */
  entry: string;
}

/** A route served by `entry`, with what that function declares it uses (named by the route's operationId). */
const route = (contract: RouteContract, entry: string, declared: Uses): RouteEntry => ({
  contract,
  entry,
  ...grantsOf(declared),
});

export const routes: RouteEntry[] = [
  route(healthRoute, 'functions/system/health.ts', uses.health),
  route(whoAmIRoute, 'functions/system/who-am-i.ts', uses.whoAmI),
  route(openApiRoute, 'functions/system/openapi.ts', uses.openApi),
  route(postVacancyRoute, 'functions/vacancies/post.ts', uses.postVacancy),
  route(getVacancyRoute, 'functions/vacancies/get.ts', uses.getVacancy),
  route(patchVacancyRoute, 'functions/vacancies/patch.ts', uses.patchVacancy),
  route(closeVacancyRoute, 'functions/vacancies/close.ts', uses.closeVacancy),
  route(reopenVacancyRoute, 'functions/vacancies/reopen.ts', uses.reopenVacancy),
  route(duplicateVacancyRoute, 'functions/vacancies/duplicate.ts', uses.duplicateVacancy),
  route(listMyVacanciesRoute, 'functions/vacancies/list-mine.ts', uses.listMyVacancies),
  route(putMyProfileRoute, 'functions/seekers/put-me.ts', uses.putMyProfile),
  route(getMyProfileRoute, 'functions/seekers/get-me.ts', uses.getMyProfile),
  route(deleteMyProfileRoute, 'functions/seekers/delete-me.ts', uses.deleteMyProfile),
  route(exportMyDataRoute, 'functions/seekers/export-me.ts', uses.exportMyData),
  route(listSectorsRoute, 'functions/reference/sectors.ts', uses.listSectors),
  route(searchOccupationsRoute, 'functions/reference/occupations.ts', uses.searchOccupations),
  route(searchSkillsRoute, 'functions/reference/skills.ts', uses.searchSkills),
  route(searchCommunesRoute, 'functions/reference/communes.ts', uses.searchCommunes),
  route(searchEpcisRoute, 'functions/reference/epcis.ts', uses.searchEpcis),
  route(commuteRoute, 'functions/reference/commute.ts', uses.commute),
  route(listMyMatchesRoute, 'functions/matches/list-mine.ts', uses.listMyMatches),
  route(getMyMatchRoute, 'functions/matches/get-mine.ts', uses.getMyMatch),
  route(listCandidatesRoute, 'functions/matches/list-candidates.ts', uses.listCandidates),
  route(listEmployerNoticesRoute, 'functions/employers/list-notices.ts', uses.listEmployerNotices),
  route(
    markEmployerNoticesSeenRoute,
    'functions/employers/mark-notices-seen.ts',
    uses.markEmployerNoticesSeen,
  ),
  route(acceptMatchRoute, 'functions/matches/accept.ts', uses.acceptMatch),
  route(declineMatchRoute, 'functions/matches/decline.ts', uses.declineMatch),
  route(listMyNotificationsRoute, 'functions/notifications/list-mine.ts', uses.listMyNotifications),
  route(unsubscribeMeRoute, 'functions/notifications/unsubscribe-me.ts', uses.unsubscribeMe),
  route(
    oneClickUnsubscribeRoute,
    'functions/notifications/one-click-unsubscribe.ts',
    uses.oneClickUnsubscribe,
  ),
  route(registerDeviceRoute, 'functions/notifications/register-device.ts', uses.registerDevice),
  route(listAreasRoute, 'functions/planning/list-areas.ts', uses.listPlanningAreas),
  route(putAreaRoute, 'functions/planning/put-area.ts', uses.putPlanningArea),
  route(indicatorsRoute, 'functions/planning/indicators.ts', uses.planningIndicators),
  route(forecastRoute, 'functions/planning/forecast.ts', uses.planningForecast),
  route(tensionRoute, 'functions/planning/tension.ts', uses.planningTension),
  route(skillsGapRoute, 'functions/planning/skills-gap.ts', uses.planningSkillsGap),
  route(catchmentRoute, 'functions/planning/catchment.ts', uses.planningCatchment),
  route(transitOverviewRoute, 'functions/planning/transit.ts', uses.planningTransit),
  route(listScenariosRoute, 'functions/planning/list-scenarios.ts', uses.listMobilityScenarios),
  route(putScenarioRoute, 'functions/planning/put-scenario.ts', uses.putMobilityScenario),
  route(transitReachRoute, 'functions/planning/transit-reach.ts', uses.planningTransitReach),
];
