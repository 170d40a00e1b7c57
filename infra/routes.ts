/**
 * THE route table: each API contract paired with the function file that serves it.
 * CDK creates one Lambda and one HTTP API route per entry; the local runtime serves the
 * same entries; the OpenAPI document and the route × role tests are generated from it.
 */
import { listSectorsRoute, searchCommunesRoute, searchOccupationsRoute } from '../shared/api/reference';
import { deleteMyProfileRoute, getMyProfileRoute, putMyProfileRoute } from '../shared/api/seekers';
import { healthRoute, openApiRoute } from '../shared/api/system';
import {
  closeVacancyRoute,
  getVacancyRoute,
  listMyVacanciesRoute,
  patchVacancyRoute,
  postVacancyRoute,
} from '../shared/api/vacancies';
import type { RouteContract } from '../shared/http/route-contract';

export interface RouteEntry {
  contract: RouteContract;
  /** Function entry file, relative to the project root. */
  entry: string;
}

export const routes: RouteEntry[] = [
  { contract: healthRoute, entry: 'functions/system/health.ts' },
  { contract: openApiRoute, entry: 'functions/system/openapi.ts' },
  { contract: postVacancyRoute, entry: 'functions/vacancies/post.ts' },
  { contract: getVacancyRoute, entry: 'functions/vacancies/get.ts' },
  { contract: patchVacancyRoute, entry: 'functions/vacancies/patch.ts' },
  { contract: closeVacancyRoute, entry: 'functions/vacancies/close.ts' },
  { contract: listMyVacanciesRoute, entry: 'functions/vacancies/list-mine.ts' },
  { contract: putMyProfileRoute, entry: 'functions/seekers/put-me.ts' },
  { contract: getMyProfileRoute, entry: 'functions/seekers/get-me.ts' },
  { contract: deleteMyProfileRoute, entry: 'functions/seekers/delete-me.ts' },
  { contract: listSectorsRoute, entry: 'functions/reference/sectors.ts' },
  { contract: searchOccupationsRoute, entry: 'functions/reference/occupations.ts' },
  { contract: searchCommunesRoute, entry: 'functions/reference/communes.ts' },
];
