import * as z from 'zod';
import {
  communeCode,
  commuteMode,
  distinctList,
  identifier,
  int32,
  isoTimestamp,
  romeCode,
  sectorSlug,
  shiftName,
  skillList,
  version,
} from './schema-parts';
import { contractType } from './vacancy';

export const contactChannel = z.enum(['sms', 'push', 'none']);

export const seekerContact = z
  .strictObject({
    channel: contactChannel,
    phone: z
      .string()
      .max(16)
      .regex(/^\+[1-9]\d{7,14}$/, 'phone must be in E.164 form, e.g. +33612345678')
      .optional(),
  })
  .refine((c) => c.channel !== 'sms' || c.phone !== undefined, {
    message: 'a phone number is needed to receive offers by SMS',
    path: ['phone'],
  });

const clockTime = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like 20:00');

/** How and when offers may reach the seeker; every field has a default. */
export const notificationPreferences = z.strictObject({
  quietHours: z
    .strictObject({ start: clockTime, end: clockTime })
    .optional()
    .meta({ description: 'Europe/Paris; offers are held during these hours (default 20:00–08:00)' }),
  dailyCap: int32(1, 20).optional().meta({ description: 'Offers per day before the digest (default 3)' }),
  paused: z.boolean().optional().meta({ description: 'No offers at all while true' }),
});
export type NotificationPreferences = z.output<typeof notificationPreferences>;

export const notificationDefaults = {
  quietHours: { start: '20:00', end: '08:00' },
  dailyCap: 3,
  paused: false,
} as const;

/** What a seeker says about themselves (PUT /v1/seekers/me). Home is a commune, never an address. */
export const seekerProfileInput = z
  .strictObject({
    sectors: distinctList(sectorSlug, 8).min(1),
    occupations: distinctList(romeCode, 10).min(1),
    skills: skillList.default([]),
    home: z.strictObject({ commune: communeCode }),
    commute: z.strictObject({
      maxMinutes: int32(5, 120),
      modes: distinctList(commuteMode, 4).min(1),
    }),
    shifts: distinctList(shiftName, 4).min(1).optional(),
    contracts: distinctList(contractType, 4)
      .min(1)
      .optional()
      .meta({ description: 'Contract types wanted; all when absent' }),
    contact: seekerContact,
    notifications: notificationPreferences.optional(),
    consent: z.strictObject({
      matching: z.boolean().meta({ description: 'Employers may be shown this profile, anonymised' }),
      statistics: z.boolean().meta({ description: 'This profile may be counted in planning statistics' }),
    }),
  })
  .meta({ id: 'SeekerProfileInput' });
export type SeekerProfileInput = z.output<typeof seekerProfileInput>;

export const seekerProfile = seekerProfileInput
  .extend({ id: identifier, version, createdAt: isoTimestamp, updatedAt: isoTimestamp })
  .meta({ id: 'SeekerProfile' });
export type SeekerProfile = z.output<typeof seekerProfile>;

/** What matching reads of a seeker: everything but how to contact them. */
export type MatchableSeeker = Omit<SeekerProfile, 'contact'>;
