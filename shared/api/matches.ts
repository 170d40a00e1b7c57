import * as z from 'zod/mini';
import { candidateView, seekerMatchView, seekerOfferView } from '../domain/match';
import { defineRoute } from '../http/route-contract';
import { commonProblems, idParams, pageOf, pageQuery, problemDocument } from './common';
import { candidateCounts } from './vacancies';

const tags = ['Matches'];
const matchIdParams = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.string().check(z.maxLength(22), z.regex(/^[A-Za-z0-9_-]{22}$/, 'field.matchId')),
  }))();

export const listMyMatchesRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listMyMatches',
    method: 'GET',
    path: '/v1/seekers/me/matches',
    summary: 'Your matches, best first, each explained',
    tags,
    access: ['seeker'],
    query: pageQuery,
    responses: {
      200: { description: 'One page', schema: pageOf(seekerMatchView, 'SeekerMatchPage') },
      ...commonProblems,
    },
  }))();

export const getMyMatchRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'getMyMatch',
    method: 'GET',
    path: '/v1/seekers/me/matches/{id}',
    summary:
      'One of your matches with everything the employer says about the job (the offer page; SMS links open it)',
    tags,
    access: ['seeker'],
    params: matchIdParams,
    responses: {
      200: { description: 'The match, explained, with the vacancy’s details', schema: seekerOfferView },
      ...commonProblems,
      404: { description: 'No such match among yours', schema: problemDocument },
    },
  }))();

export const listCandidatesRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listCandidates',
    method: 'GET',
    path: '/v1/vacancies/{id}/matches',
    summary: 'Anonymised candidates for your vacancy, best first; contact appears once a candidate accepts',
    tags,
    access: ['employer'],
    params: idParams,
    query: pageQuery,
    responses: {
      200: {
        description: 'One page, and the counts over every candidate of the vacancy',
        schema: pageOf(candidateView, 'CandidatePage', { counts: candidateCounts }),
      },
      ...commonProblems,
      404: { description: 'No such vacancy among yours', schema: problemDocument },
    },
  }))();

const respondRoute = (answer: 'accept' | 'decline') =>
  defineRoute({
    operationId: `${answer}Match`,
    method: 'POST',
    path: `/v1/matches/{id}/${answer}`,
    summary:
      answer === 'accept'
        ? 'Accept a match: the employer then sees the contact channel you chose'
        : 'Decline a match (withdraws your contact if you had accepted)',
    tags,
    access: ['seeker'],
    params: matchIdParams,
    responses: {
      200: { description: 'Your answer is recorded', schema: seekerMatchView },
      ...commonProblems,
      404: { description: 'No such match among yours', schema: problemDocument },
      409: { description: 'The match was withdrawn', schema: problemDocument },
    },
  });

export const acceptMatchRoute = /* @__PURE__ */ (() => respondRoute('accept'))();
export const declineMatchRoute = /* @__PURE__ */ (() => respondRoute('decline'))();
