import * as z from 'zod/mini';
import { boundedString } from '../domain/schema-parts';
import { defineRoute, groups } from '../http/route-contract';
import { commonProblems } from './common';

export const whoAmIRoute = /* @__PURE__ */ (() =>
  defineRoute({
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
          subject: boundedString(128),
          groups: z.array(z.enum(groups)).check(z.maxLength(4)),
          profile: z.nullable(
            z
              .int()
              .check(z.minimum(1), z.maximum(2_000_000_000))
              .register(z.globalRegistry, { format: 'int32' }),
          ),
        }),
      },
      ...commonProblems,
    },
  }))();
