import * as z from 'zod/mini';
import { vacancyDraft, vacancyPatch, vacancyView } from '../domain/vacancy';
import { defineRoute } from '../http/route-contract';
import { commonProblems, idParams, ifMatchHeader, pageOf, pageQuery, problemDocument } from './common';

const employer = ['employer'] as const;
const tags = ['Vacancies'];
const notFound = { description: 'No such vacancy among yours', schema: problemDocument };

export const postVacancyRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'postVacancy',
    method: 'POST',
    path: '/v1/vacancies',
    summary: 'Post a vacancy',
    tags,
    access: employer,
    body: vacancyDraft,
    idempotent: true,
    // Creating data is throttled harder than reading it.
    throttle: { rate: 5, burst: 10 },
    headers: [
      {
        name: 'idempotency-key',
        required: true,
        description:
          'A unique key per vacancy you post (e.g. a UUID): retrying with it returns the first answer',
      },
    ],
    responses: {
      201: {
        description: 'Posted; `Location` and `ETag` headers are set',
        schema: vacancyView,
        headers: ['location', 'etag'],
      },
      409: { description: 'The first request with this key is still running', schema: problemDocument },
      422: { description: 'This key was used with another body', schema: problemDocument },
      ...commonProblems,
      413: { description: 'Body over 64 KB', schema: problemDocument },
      415: { description: 'Body is not JSON', schema: problemDocument },
    },
  }))();

export const getVacancyRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getVacancy',
    method: 'GET',
    path: '/v1/vacancies/{id}',
    summary: 'Read one of your vacancies',
    tags,
    access: employer,
    params: idParams,
    responses: {
      200: { description: 'The vacancy; `ETag` is its version', schema: vacancyView, headers: ['etag'] },
      ...commonProblems,
      404: notFound,
    },
  }))();

export const patchVacancyRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'patchVacancy',
    method: 'PATCH',
    path: '/v1/vacancies/{id}',
    summary: 'Change a vacancy (JSON Merge Patch; null removes an optional field)',
    tags,
    access: employer,
    params: idParams,
    body: vacancyPatch,
    headers: [ifMatchHeader(true)],
    responses: {
      200: { description: 'Changed', schema: vacancyView, headers: ['etag'] },
      ...commonProblems,
      404: notFound,
      409: { description: 'The vacancy is closed', schema: problemDocument },
      412: { description: 'Stale If-Match: someone changed it since you read it', schema: problemDocument },
      428: { description: 'If-Match is missing', schema: problemDocument },
    },
  }))();

export const closeVacancyRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'closeVacancy',
    method: 'POST',
    path: '/v1/vacancies/{id}/close',
    summary: 'Close a vacancy (closing a closed vacancy changes nothing)',
    tags,
    access: employer,
    params: idParams,
    headers: [ifMatchHeader(false)],
    responses: {
      200: { description: 'Closed', schema: vacancyView, headers: ['etag'] },
      ...commonProblems,
      404: notFound,
      412: { description: 'Stale If-Match', schema: problemDocument },
    },
  }))();

export const reopenVacancyRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'reopenVacancy',
    method: 'POST',
    path: '/v1/vacancies/{id}/reopen',
    summary: 'Open a closed vacancy again (reopening an open vacancy changes nothing); its matches come back',
    tags,
    access: employer,
    params: idParams,
    headers: [ifMatchHeader(false)],
    responses: {
      200: { description: 'Open', schema: vacancyView, headers: ['etag'] },
      ...commonProblems,
      404: notFound,
      412: { description: 'Stale If-Match', schema: problemDocument },
    },
  }))();

export const duplicateVacancyRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'duplicateVacancy',
    method: 'POST',
    path: '/v1/vacancies/{id}/duplicate',
    summary: 'Post a new vacancy with everything one of yours says (open or closed)',
    tags,
    access: employer,
    params: idParams,
    idempotent: true,
    throttle: { rate: 5, burst: 10 },
    headers: [
      {
        name: 'idempotency-key',
        required: true,
        description: 'A unique key per copy (e.g. a UUID): retrying with it returns the first answer',
      },
    ],
    responses: {
      201: { description: 'The copy, posted', schema: vacancyView, headers: ['location', 'etag'] },
      ...commonProblems,
      404: notFound,
      409: { description: 'The first request with this key is still running', schema: problemDocument },
      422: { description: 'This key was used with another request', schema: problemDocument },
    },
  }))();

/** Candidates of a vacancy, counted over its whole list (not a page). */
export const candidateCounts = /* @__PURE__ */ (() =>
  z
    .object({
      candidates: z
        .int()
        .check(z.minimum(0), z.maximum(1_000_000))
        .register(z.globalRegistry, { format: 'int32' }),
      accepted: z
        .int()
        .check(z.minimum(0), z.maximum(1_000_000))
        .register(z.globalRegistry, { format: 'int32' }),
      declined: z
        .int()
        .check(z.minimum(0), z.maximum(1_000_000))
        .register(z.globalRegistry, { format: 'int32' }),
    })
    .register(z.globalRegistry, { id: 'CandidateCounts' }))();

export const listMyVacanciesRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listMyVacancies',
    method: 'GET',
    path: '/v1/employers/me/vacancies',
    summary: 'List your vacancies, newest first',
    tags,
    access: employer,
    query: pageQuery,
    responses: {
      200: {
        description: 'One page; each vacancy with its candidate counts',
        schema: pageOf(z.extend(vacancyView, { counts: candidateCounts }), 'VacancyPage'),
      },
      ...commonProblems,
    },
  }))();
