import * as z from 'zod/mini';
import { inboxEntry } from '../domain/offer';
import { boundedString } from '../domain/schema-parts';
import { defineRoute } from '../http/route-contract';
import { commonProblems, pageOf, pageQuery, problemDocument } from './common';

const tags = ['Notifications'];

export const listMyNotificationsRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'listMyNotifications',
    method: 'GET',
    path: '/v1/seekers/me/notifications',
    summary: 'Offers sent to you or waiting (held for quiet hours, in tomorrow’s digest), newest first',
    tags,
    access: ['seeker'],
    query: pageQuery,
    responses: {
      200: { description: 'One page', schema: pageOf(inboxEntry, 'InboxPage') },
      ...commonProblems,
    },
  }))();

export const unsubscribeMeRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'unsubscribeMe',
    method: 'POST',
    path: '/v1/seekers/me/notifications/unsubscribe',
    summary: 'Stop all offers (sets notifications.paused; PUT your profile to resume)',
    tags,
    access: ['seeker'],
    responses: { 204: { description: 'Stopped' }, ...commonProblems },
  }))();

export const oneClickUnsubscribeRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'oneClickUnsubscribe',
    method: 'POST',
    path: '/v1/notifications/unsubscribe',
    summary: 'One-click unsubscribe with the token from a message (no sign-in)',
    tags,
    access: 'public',
    headers: [
      {
        name: 'x-unsubscribe-token',
        required: true,
        credential: true,
        description:
          'The token of the link in the message (an HMAC of the seeker id): it is the only credential here',
      },
    ],
    responses: {
      204: { description: 'Stopped (also when there was nothing to stop)' },
      400: { description: 'Not a valid token', schema: problemDocument },
    },
  }))();

export const registerDeviceRoute = /* @__PURE__ */ (() =>
  defineRoute({
    operationId: 'registerDevice',
    method: 'PUT',
    path: '/v1/seekers/me/devices',
    summary: 'Register this phone for push offers',
    tags,
    access: ['seeker'],
    body: z.strictObject({
      platform: z.enum(['android', 'ios']),
      token: z.string().check(z.minLength(8), z.maxLength(4096)),
    }),
    responses: {
      200: {
        description: 'Registered',
        schema: z.object({
          id: boundedString(32),
          platform: z.enum(['android', 'ios']),
          createdAt: boundedString(40),
        }),
      },
      ...commonProblems,
    },
  }))();
