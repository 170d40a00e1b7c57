import * as z from 'zod/mini';
import { findJobTitle } from '../reference/job-titles';
import { communeLabelOf, contractLabel, sectorLabel, seekerJobLabels, shiftLabels } from './labels';
import {
  boundedString,
  commuteMode,
  distinctList,
  identifier,
  int32,
  isoTimestamp,
  sectorSlug,
  shiftName,
  skill,
  upgradeSkills,
  version,
} from './schema-parts';
import type { SeekerProfileInput } from './seeker-input';
import { contractType } from './vacancy';

const offerChannels = ['sms', 'push'] as const;
/** The ways offers can reach a seeker. */
export const offerChannel = /* @__PURE__ */ (() => z.enum(offerChannels))();
export const contactChannel = /* @__PURE__ */ (() => z.enum([...offerChannels, 'none']))();

const clockTime = /* @__PURE__ */ (() =>
  z.string().check(z.maxLength(5), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'field.clockTime')))();

/** How and when offers may reach the seeker; every field has a default. */
export const notificationPreferences = /* @__PURE__ */ (() =>
  z.strictObject({
    quietHours: z.optional(z.strictObject({ start: clockTime, end: clockTime })).register(z.globalRegistry, {
      description: 'Europe/Paris; offers are held during these hours (default 20:00–08:00)',
    }),
    dailyCap: z
      .optional(int32(1, 20))
      .register(z.globalRegistry, { description: 'Offers per day before the digest (default 3)' }),
    paused: z
      .optional(z.boolean())
      .register(z.globalRegistry, { description: 'No offers at all while true' }),
  }))();
export type NotificationPreferences = z.output<typeof notificationPreferences>;

export const notificationDefaults = {
  quietHours: { start: '20:00', end: '08:00' },
  dailyCap: 3,
  paused: false,
} as const;

/** At most this many occupations per profile, job titles' ROME codes included. */
export const maxOccupations = 10;

/** How far and how a seeker will travel to work. */
export const commutePreference = /* @__PURE__ */ (() =>
  z.strictObject({
    maxMinutes: int32(5, 120),
    modes: distinctList(commuteMode, 4).check(z.minLength(1)),
  }))();

/** What the seeker lets Bassin do with the profile. */
export const profileConsent = /* @__PURE__ */ (() =>
  z.strictObject({
    matching: z
      .boolean()
      .register(z.globalRegistry, { description: 'Employers may be shown this profile, anonymised' }),
    statistics: z
      .boolean()
      .register(z.globalRegistry, { description: 'This profile may be counted in planning statistics' }),
  }))();

/** What a checked profile input stores: `occupations` completed with its job titles' ROME codes. */
export const statedProfile = (input: SeekerProfileInput) => ({ ...input, occupations: occupationsOf(input) });

/** The ROME codes of a profile: those given, then those of its job titles, each once. */
export function occupationsOf(profile: {
  jobTitles?: string[] | undefined;
  occupations?: string[] | undefined;
}) {
  const fromTitles = (profile.jobTitles ?? []).flatMap((code) => findJobTitle(code)?.occupation ?? []);
  return [...new Set([...(profile.occupations ?? []), ...fromTitles])];
}

/** A profile as stored and answered: `occupations` always holds every ROME code it covers. */
export const seekerProfile = /* @__PURE__ */ (() =>
  z
    .object({
      firstName: z.optional(boundedString(60)),
      sectors: z.array(sectorSlug).check(z.maxLength(8)),
      jobTitles: z.optional(z.array(boundedString(6)).check(z.maxLength(maxOccupations))),
      occupations: z.array(boundedString(5)).check(z.minLength(1), z.maxLength(maxOccupations)),
      skills: z.array(skill).check(z.maxLength(30)),
      home: z.object({ commune: boundedString(5) }),
      commute: commutePreference,
      shifts: z.optional(z.array(shiftName).check(z.maxLength(4))),
      contracts: z.optional(z.array(contractType).check(z.maxLength(4))),
      contact: z.object({ channel: contactChannel, phone: z.optional(boundedString(16)) }),
      notifications: z.optional(notificationPreferences),
      consent: profileConsent,
      id: identifier,
      version,
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    })
    .register(z.globalRegistry, { id: 'StoredSeekerProfile' }))();
export type SeekerProfile = z.output<typeof seekerProfile>;

/** A profile as answered: codes, and their French names beside them. */
export const seekerProfileView = /* @__PURE__ */ (() =>
  z
    .extend(seekerProfile, {
      labels: z
        .object({
          sectors: z.array(boundedString(200)).check(z.maxLength(8)),
          occupations: z.array(boundedString(250)).check(z.maxLength(maxOccupations)),
          jobTitles: z.array(boundedString(250)).check(z.maxLength(maxOccupations)),
          home: boundedString(120),
          shifts: z.array(boundedString(40)).check(z.maxLength(4)),
          contracts: z.array(boundedString(40)).check(z.maxLength(4)),
        })
        .register(z.globalRegistry, {
          description:
            'French names of the codes of this profile (occupations in the order of `occupations`)',
        }),
    })
    .register(z.globalRegistry, { id: 'SeekerProfile' }))();

export const toSeekerProfileView = (profile: SeekerProfile): z.output<typeof seekerProfileView> => ({
  ...profile,
  labels: {
    sectors: profile.sectors.map(sectorLabel),
    occupations: [...seekerJobLabels(profile).values()],
    jobTitles: (profile.jobTitles ?? []).map((code) => findJobTitle(code)?.label ?? code),
    home: communeLabelOf(profile.home.commune),
    shifts: shiftLabels(profile.shifts ?? []),
    contracts: (profile.contracts ?? []).map(contractLabel),
  },
});

/** Reads a stored profile of any schema version: version 1 kept skills as plain texts. */
export function upgradeSeekerProfile(stored: Record<string, unknown>): SeekerProfile {
  const { schemaVersion, ...rest } = stored;
  if (schemaVersion === seekerSchemaVersion) return rest as SeekerProfile;
  return { ...(rest as SeekerProfile), skills: upgradeSkills(rest.skills as unknown[] | undefined) };
}
export const seekerSchemaVersion = 2;

/** What matching reads of a seeker: everything but how to contact them. */
export type MatchableSeeker = Omit<SeekerProfile, 'contact'>;
