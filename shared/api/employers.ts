import * as z from 'zod';
import { contactChannel } from '../domain/seeker';
import { defineRoute } from '../http/route-contract';
import { commonProblems, pageOf, pageQuery } from './common';

const tags = ['Employers'];

export const employerNotice = z
  .object({
    matchId: z.string().max(22),
    vacancyId: z.string().max(36),
    vacancyTitle: z.string().max(200),
    at: z.string().max(40),
    unread: z.boolean(),
    candidate: z
      .object({
        firstName: z.string().max(60).optional(),
        channel: contactChannel,
        phone: z.string().max(16).optional(),
      })
      .nullable()
      .meta({ description: 'The contact the candidate chose; null when they took their answer back' }),
    text: z.string().max(300).meta({ description: 'The notice in words (French by default)' }),
  })
  .meta({ id: 'EmployerNotice' });

export const listEmployerNoticesRoute = defineRoute({
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
        unread: z.number().int().min(0).max(100).meta({ format: 'int32' }),
      }),
    },
    ...commonProblems,
  },
});

export const markEmployerNoticesSeenRoute = defineRoute({
  operationId: 'markEmployerNoticesSeen',
  method: 'POST',
  path: '/v1/employers/me/notifications/seen',
  summary: 'Mark every notice so far as seen',
  tags,
  access: ['employer'],
  responses: { 204: { description: 'Marked' }, ...commonProblems },
});
