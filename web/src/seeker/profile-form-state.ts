/** The profile form's state, from and to the API, and the checks worth making before sending. */
import type { Schemas } from '../api/client';
import type { SkillChoice } from '../ui/reference';
import type { ChannelName, ContractName, Mode, ShiftName } from '../words';

type Profile = Schemas['SeekerProfile'];
export type Sector = Schemas['SeekerProfileInput']['sectors'][number];

export interface Job {
  /** Code OGR of a job title, or a ROME code for a job stated by its fiche. */
  key: string;
  text: string;
  occupation: string;
  isTitle: boolean;
}

export interface ProfileFormState {
  firstName: string;
  sectors: Sector[];
  jobs: Job[];
  skills: SkillChoice[];
  home?: { code: string; text: string } | undefined;
  maxMinutes: string;
  modes: Mode[];
  shifts: ShiftName[];
  contracts: ContractName[];
  channel: ChannelName;
  phone: string;
  quietStart: string;
  quietEnd: string;
  dailyCap: string;
  paused: boolean;
  matching: boolean;
  statistics: boolean;
}

/** A new profile: nothing chosen for the person, both consents unticked. */
export const emptyProfile = (): ProfileFormState => ({
  firstName: '',
  sectors: [],
  jobs: [],
  skills: [],
  maxMinutes: '30',
  modes: [],
  shifts: [],
  contracts: [],
  channel: 'sms',
  phone: '',
  quietStart: '20:00',
  quietEnd: '08:00',
  dailyCap: '3',
  paused: false,
  matching: false,
  statistics: false,
});

export function formOfProfile(p: Profile, phoneForPeople: (e164?: string) => string): ProfileFormState {
  // `labels.occupations` names each ROME code by the title that brought it, when one did.
  const occupationOfLabel = new Map(p.occupations.map((code, i) => [p.labels.occupations[i], code]));
  const titles: Job[] = (p.jobTitles ?? []).map((code, i) => {
    const text = p.labels.jobTitles[i] ?? code;
    return { key: code, text, occupation: occupationOfLabel.get(text) ?? '', isTitle: true };
  });
  const covered = new Set(titles.map((title) => title.occupation));
  const plain: Job[] = p.occupations
    .map((code, i) => ({
      key: code,
      text: p.labels.occupations[i] ?? code,
      occupation: code,
      isTitle: false,
    }))
    .filter((job) => !covered.has(job.occupation));
  return {
    firstName: p.firstName ?? '',
    sectors: p.sectors,
    jobs: [...titles, ...plain],
    skills: p.skills.map((s) => (s.code ? { code: s.code, label: s.label } : { label: s.label })),
    home: { code: p.home.commune, text: p.labels.home },
    maxMinutes: String(p.commute.maxMinutes),
    modes: p.commute.modes,
    shifts: p.shifts ?? [],
    contracts: p.contracts ?? [],
    channel: p.contact.channel,
    phone: phoneForPeople(p.contact.phone),
    quietStart: p.notifications?.quietHours?.start ?? '20:00',
    quietEnd: p.notifications?.quietHours?.end ?? '08:00',
    dailyCap: String(p.notifications?.dailyCap ?? 3),
    paused: p.notifications?.paused ?? false,
    matching: p.consent.matching,
    statistics: p.consent.statistics,
  };
}

export function profileBody(form: ProfileFormState): Schemas['SeekerProfileInput'] {
  const titles = form.jobs.filter((job) => job.isTitle).map((job) => job.key);
  const occupations = form.jobs.filter((job) => !job.isTitle).map((job) => job.key);
  return {
    ...(form.firstName.trim() ? { firstName: form.firstName.trim() } : {}),
    sectors: form.sectors,
    ...(titles.length ? { jobTitles: titles } : {}),
    ...(occupations.length ? { occupations } : {}),
    skills: form.skills.map((s) => (s.code ? { code: s.code } : s.label)),
    home: { commune: form.home?.code ?? '' },
    commute: { maxMinutes: Number(form.maxMinutes), modes: form.modes },
    ...(form.shifts.length ? { shifts: form.shifts } : {}),
    ...(form.contracts.length ? { contracts: form.contracts } : {}),
    contact: {
      channel: form.channel,
      ...(form.channel === 'sms' && form.phone.trim() ? { phone: form.phone.trim() } : {}),
    },
    notifications: {
      quietHours: { start: form.quietStart, end: form.quietEnd },
      dailyCap: Number(form.dailyCap),
      paused: form.paused,
    },
    consent: { matching: form.matching, statistics: form.statistics },
  };
}

export function profileFormErrors(form: ProfileFormState): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.sectors.length === 0) errors.sectors = 'Cochez au moins un secteur.';
  if (form.jobs.length === 0) errors.jobTitles = 'Choisissez au moins un métier dans les suggestions.';
  if (!form.home) errors['home.commune'] = 'Choisissez votre commune dans les suggestions.';
  const minutes = Number(form.maxMinutes);
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 120)
    errors['commute.maxMinutes'] = 'Entre 5 et 120 minutes.';
  if (form.modes.length === 0) errors['commute.modes'] = 'Cochez au moins un moyen de transport.';
  if (form.channel === 'sms' && !form.phone.trim())
    errors['contact.phone'] = 'Votre numéro de mobile, pour recevoir les offres par SMS.';
  return errors;
}
