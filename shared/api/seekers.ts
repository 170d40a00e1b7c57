import * as z from 'zod/mini';
import { boundedString } from '../domain/schema-parts';
import { seekerProfileView } from '../domain/seeker';
import { defineRoute } from '../http/route-contract';
import { commonProblems, problemDocument } from './common';

// Its own module (libphonenumber-js comes with the profile input): only put-me evaluates it.
export { putMyProfileRoute } from './seeker-profile-put';

const seeker = ['seeker'] as const;
const tags = ['Seekers'];

export const getMyProfileRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getMyProfile',
    method: 'GET',
    path: '/v1/seekers/me',
    summary: 'Read your profile',
    tags,
    access: seeker,
    responses: {
      200: { description: 'Your profile; `ETag` is its version', schema: seekerProfileView },
      ...commonProblems,
      404: { description: 'You have no profile yet', schema: problemDocument },
    },
  }))();

export const deleteMyProfileRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'deleteMyProfile',
    method: 'DELETE',
    path: '/v1/seekers/me',
    summary: 'Erase everything Bassin holds about you',
    tags,
    access: seeker,
    responses: { 204: { description: 'Erased (also when there was nothing)' }, ...commonProblems },
  }))();

export const exportMyDataRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'exportMyData',
    method: 'GET',
    path: '/v1/seekers/me/export',
    summary: 'Download everything Bassin holds about you (JSON)',
    tags,
    access: seeker,
    responses: {
      200: {
        description:
          'Every item keyed by you: profile, matches, offers, devices, matching index entries, message counters, statistics contribution records, the erasure record, anything else',
        schema: z.object({
          exportedAt: boundedString(40),
          subject: boundedString(128),
          profile: z.nullable(seekerProfileView),
          matches: z.array(z.unknown()).check(z.maxLength(100_000)),
          offers: z.array(z.unknown()).check(z.maxLength(100_000)),
          devices: z.array(z.unknown()).check(z.maxLength(100)),
          matchingIndex: z.array(z.unknown()).check(z.maxLength(100)),
          messageCounters: z.array(z.unknown()).check(z.maxLength(10_000)),
          statistics: z.array(z.unknown()).check(z.maxLength(100_001)),
          erasure: z.nullable(z.object({ erasedAt: boundedString(40) })),
          other: z
            .array(z.object({ kind: boundedString(64), item: z.unknown() }))
            .check(z.maxLength(100_000)),
        }),
      },
      ...commonProblems,
    },
  }))();
