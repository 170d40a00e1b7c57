/**
 * The profile a seeker sends (PUT /v1/seekers/me), with the one field that needs
 * libphonenumber-js: a module of its own so that only the function that reads profiles
 * (and the OpenAPI document) carries it; the stored profile and its views are in seeker.ts.
 */
import * as z from 'zod/mini';
import {
  communeCode,
  distinctList,
  jobTitleCode,
  mobilePhone,
  plainText,
  romeCode,
  sectorSlug,
  shiftName,
  skillList,
} from './schema-parts';
import {
  commutePreference,
  contactChannel,
  maxOccupations,
  notificationPreferences,
  occupationsOf,
  profileConsent,
} from './seeker';
import { contractType } from './vacancy';

export const seekerContact = /* @__PURE__ */ (() =>
  z
    .strictObject({
      channel: contactChannel,
      phone: z.optional(mobilePhone),
    })
    .check(
      z.refine((c) => c.channel !== 'sms' || c.phone !== undefined, {
        message: 'field.phoneRequired',
        path: ['phone'],
      }),
    ))();

/**
 * What a seeker says about themselves (PUT /v1/seekers/me). Home is a commune, never an
 * address. Jobs are job titles (codes OGR, what people call their job) and/or ROME codes.
 */
export const seekerProfileInput = /* @__PURE__ */ (() =>
  z
    .strictObject({
      firstName: z.optional(plainText(1, 60)).register(z.globalRegistry, {
        description: 'How employers address the seeker once they accept a match (never before)',
      }),
      sectors: distinctList(sectorSlug, 8).check(z.minLength(1)),
      jobTitles: z.optional(distinctList(jobTitleCode, maxOccupations)),
      occupations: z.optional(distinctList(romeCode, maxOccupations)),
      skills: z._default(skillList, []),
      home: z.strictObject({ commune: communeCode }),
      commute: commutePreference,
      shifts: z.optional(distinctList(shiftName, 4).check(z.minLength(1))),
      contracts: z
        .optional(distinctList(contractType, 4).check(z.minLength(1)))
        .register(z.globalRegistry, { description: 'Contract types wanted; all when absent' }),
      contact: seekerContact,
      notifications: z.optional(notificationPreferences),
      consent: profileConsent,
    })
    .check(
      z.superRefine((profile, context) => {
        const occupations = occupationsOf(profile);
        if (occupations.length === 0)
          context.addIssue({ code: 'custom', message: 'field.occupationRequired', path: ['jobTitles'] });
        if (occupations.length > maxOccupations)
          context.addIssue({
            code: 'custom',
            message: 'field.tooManyOccupations',
            params: { max: maxOccupations },
            path: ['occupations'],
          });
      }),
    )
    .register(z.globalRegistry, { id: 'SeekerProfileInput' }))();
export type SeekerProfileInput = z.output<typeof seekerProfileInput>;
