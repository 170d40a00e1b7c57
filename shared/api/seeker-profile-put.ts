import { seekerProfileView } from '../domain/seeker';
import { seekerProfileInput } from '../domain/seeker-input';
import { defineRoute } from '../http/route-contract';
import { commonProblems, ifMatchHeader, problemDocument } from './common';

const seeker = ['seeker'] as const;
const tags = ['Seekers'];

/** The one route that reads a profile, phone number included (libphonenumber-js): a module of its own. */
export const putMyProfileRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'putMyProfile',
    method: 'PUT',
    path: '/v1/seekers/me',
    summary: 'Create or replace your profile',
    tags,
    access: seeker,
    body: seekerProfileInput,
    headers: [ifMatchHeader(false)],
    responses: {
      200: { description: 'Replaced', schema: seekerProfileView },
      201: { description: 'Created', schema: seekerProfileView },
      ...commonProblems,
      412: { description: 'Stale If-Match', schema: problemDocument },
    },
  }))();
