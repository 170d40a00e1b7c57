import * as z from 'zod/mini';
import { boundedString } from '../domain/schema-parts';
import { defineRoute } from '../http/route-contract';

const tags = ['System'];

export const healthRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'health',
    method: 'GET',
    path: '/health',
    summary: 'Liveness',
    tags,
    access: 'public',
    responses: {
      200: {
        description: 'Up',
        schema: z.object({ status: z.literal('ok'), version: boundedString(64) }),
      },
    },
  }))();

export const openApiRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'openApi',
    method: 'GET',
    path: '/openapi.json',
    summary: 'This document',
    tags,
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  }))();
