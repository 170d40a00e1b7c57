/**
 * The profile a seeker sends (PUT /v1/seekers/me), with the one field that needs
 * libphonenumber-js: a module of its own so that only the function that reads profiles
 * (and the OpenAPI document) carries it; the stored profile and its views are in seeker.ts.
 */
import * as z from 'zod';
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

export const seekerContact = z
  .strictObject({
    channel: contactChannel,
    phone: mobilePhone.optional(),
  })
  .refine((c) => c.channel !== 'sms' || c.phone !== undefined, {
    message: 'field.phoneRequired',
    path: ['phone'],
  });

/**
 * What a seeker says about themselves (PUT /v1/seekers/me). Home is a commune, never an
 * address. Jobs are job titles (codes OGR, what people call their job) and/or ROME codes.
 */
export const seekerProfileInput = z
  .strictObject({
    firstName: plainText(1, 60)
      .optional()
      .meta({ description: 'How employers address the seeker once they accept a match (never before)' }),
    sectors: distinctList(sectorSlug, 8).min(1),
    jobTitles: distinctList(jobTitleCode, maxOccupations).optional(),
    occupations: distinctList(romeCode, maxOccupations).optional(),
    skills: skillList.default([]),
    home: z.strictObject({ commune: communeCode }),
    commute: commutePreference,
    shifts: distinctList(shiftName, 4).min(1).optional(),
    contracts: distinctList(contractType, 4)
      .min(1)
      .optional()
      .meta({ description: 'Contract types wanted; all when absent' }),
    contact: seekerContact,
    notifications: notificationPreferences.optional(),
    consent: profileConsent,
  })
  .superRefine((profile, context) => {
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
  })
  .meta({ id: 'SeekerProfileInput' });
export type SeekerProfileInput = z.output<typeof seekerProfileInput>;
