import * as z from 'zod/mini';
import { boundedString } from '../domain/schema-parts';
import { contactChannel } from '../domain/seeker';
import { defineRoute } from '../http/route-contract';
import { commonProblems, pageOf, pageQuery } from './common';

const tags = ['Employers'];

export const employerNotice = /* @__PURE__ */ (() =>
  z
    .object({
      matchId: boundedString(22),
      vacancyId: boundedString(36),
      vacancyTitle: boundedString(200),
      at: boundedString(40),
      unread: z.boolean(),
      candidate: z
        .nullable(
          z.object({
            firstName: z.optional(boundedString(60)),
            channel: contactChannel,
            phone: z.optional(boundedString(16)),
          }),
        )
        .register(z.globalRegistry, {
          description: 'The contact the candidate chose; null when they took their answer back',
        }),
      text: z
        .string()
        .check(z.maxLength(300))
        .register(z.globalRegistry, { description: 'The notice in words (French by default)' }),
    })
    .register(z.globalRegistry, { id: 'EmployerNotice' }))();

export const listEmployerNoticesRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listEmployerNotices',
    method: 'GET',
    path: '/v1/employers/me/notifications',
    summary: 'Candidates who accepted one of your vacancies, newest first, with the contact they chose',
    tags,
    access: ['employer'],
    query: pageQuery,
    responses: {
      200: {
        description: 'One page; `unread` counts the notices of this page newer than the last you marked seen',
        schema: pageOf(employerNotice, 'EmployerNoticePage', {
          unread: z.int().check(z.minimum(0), z.maximum(100)).register(z.globalRegistry, { format: 'int32' }),
        }),
      },
      ...commonProblems,
    },
  }))();

export const markEmployerNoticesSeenRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'markEmployerNoticesSeen',
    method: 'POST',
    path: '/v1/employers/me/notifications/seen',
    summary: 'Mark every notice so far as seen',
    tags,
    access: ['employer'],
    responses: { 204: { description: 'Marked' }, ...commonProblems },
  }))();
