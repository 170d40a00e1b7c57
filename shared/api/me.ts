import * as z from 'zod';
import { defineRoute, groups } from '../http/route-contract';
import { commonProblems } from './common';

export const whoAmIRoute = defineRoute({
  operationId: 'whoAmI',
  method: 'GET',
  path: '/v1/me',
  summary: 'Who you are signed in as, and whether you (a seeker) have a profile yet',
  tags: ['System'],
  access: 'signed-in',
  responses: {
    200: {
      description: 'Your subject and groups; `profile` is the version of your seeker profile, or null',
      schema: z.object({
        subject: z.string().max(128),
        groups: z.array(z.enum(groups)).max(4),
        profile: z.number().int().min(1).max(2_000_000_000).meta({ format: 'int32' }).nullable(),
      }),
    },
    ...commonProblems,
  },
});
