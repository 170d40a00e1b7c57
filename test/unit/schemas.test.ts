import { describe, expect, it } from 'vitest';
import { seekerProfileInput } from '../../shared/domain/seeker-input';
import { vacancyDraft, vacancyPatch } from '../../shared/domain/vacancy';
import { zodIssues } from '../../shared/domain/validation';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const fieldsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? [] : zodIssues(result.error as never, 'body').map((issue) => issue.field);

describe('vacancy draft', () => {
  it('accepts a complete vacancy and defaults currency and skills', () => {
    const parsed = vacancyDraft.parse({ ...welderVacancy(), skills: undefined });
    expect(parsed.salary?.currency).toBe('EUR');
    expect(parsed.skills).toEqual([]);
  });

  it('refuses fields the client may not set', () => {
    const result = vacancyDraft.safeParse({ ...welderVacancy(), owner: 'x', status: 'closed', version: 9 });
    expect(fieldsOf(result).sort()).toEqual(['body.owner', 'body.status', 'body.version']);
  });

  it('names unknown codes', () => {
    const result = vacancyDraft.safeParse({
      ...welderVacancy(),
      site: { commune: '99999' },
      occupation: 'H9999',
      sector: 'banking',
    });
    expect(fieldsOf(result).sort()).toEqual(['body.occupation', 'body.sector', 'body.site.commune']);
  });

  it('checks openings, shifts and salary', () => {
    expect(fieldsOf(vacancyDraft.safeParse({ ...welderVacancy(), openings: 501 }))).toEqual([
      'body.openings',
    ]);
    expect(fieldsOf(vacancyDraft.safeParse({ ...welderVacancy(), shifts: ['night', 'night'] }))).toEqual([
      'body.shifts',
    ]);
    expect(
      fieldsOf(
        vacancyDraft.safeParse({ ...welderVacancy(), salary: { min: 3000, max: 2000, period: 'month' } }),
      ),
    ).toEqual(['body.salary.max']);
    expect(fieldsOf(vacancyDraft.safeParse({ ...welderVacancy(), startDate: '2027-02-30' }))).toEqual([
      'body.startDate',
    ]);
  });

  it('refuses control characters, direction overrides and broken unicode in text, but keeps line breaks in descriptions', () => {
    expect(fieldsOf(vacancyDraft.safeParse({ ...welderVacancy(), title: 'Soudeur\u0000' }))).toEqual([
      'body.title',
    ]);
    expect(fieldsOf(vacancyDraft.safeParse({ ...welderVacancy(), title: 'Soudeur \ud800' }))).toEqual([
      'body.title',
    ]);
    expect(fieldsOf(vacancyDraft.safeParse({ ...welderVacancy(), skills: ['ok', 'bad\u0007'] }))).toEqual([
      'body.skills.1',
    ]);
    // A right-to-left override makes "Soudeur\u202Eexe.fdp" read as "Soudeurpdf.exe".
    expect(fieldsOf(vacancyDraft.safeParse({ ...welderVacancy(), title: 'Soudeur\u202Eexe.fdp' }))).toEqual([
      'body.title',
    ]);
    const described = vacancyDraft.parse({
      ...welderVacancy(),
      description: 'Équipe du matin.\nPoste à Lescar 🛩️',
    });
    expect(described.description).toContain('\n');
  });

  it('removes repeated skills, ignoring case and accents', () => {
    const parsed = vacancyDraft.parse({
      ...welderVacancy(),
      skills: ['Soudage TIG', 'soudage tig', ' Lecture de plans '],
    });
    expect(parsed.skills).toEqual([{ label: 'Soudage TIG' }, { label: 'Lecture de plans' }]);
  });

  it('patches must change something and may remove optional fields with null', () => {
    expect(vacancyPatch.safeParse({}).success).toBe(false);
    expect(vacancyPatch.parse({ salary: null, openings: 3 })).toEqual({ salary: null, openings: 3 });
    expect(fieldsOf(vacancyPatch.safeParse({ title: null }))).toEqual(['body.title']);
  });
});

describe('seeker profile', () => {
  it('accepts a complete profile', () => {
    expect(seekerProfileInput.parse(paluSeekerProfile()).home.commune).toBe('64445');
  });

  it('needs a French or EU mobile to receive offers by SMS, as people write it, stored in E.164', () => {
    const noPhone = { ...paluSeekerProfile(), contact: { channel: 'sms' } };
    expect(fieldsOf(seekerProfileInput.safeParse(noPhone))).toEqual(['body.contact.phone']);
    const phone = (written: string) =>
      seekerProfileInput.safeParse({ ...paluSeekerProfile(), contact: { channel: 'sms', phone: written } });
    for (const written of [
      '06 12 34 56 78',
      '0612345678',
      '+33 6 12 34 56 78',
      '0033 6 12 34 56 78',
      '06.12.34.56.78',
    ])
      expect(phone(written).data?.contact.phone, written).toBe('+33612345678');
    expect(phone('+49 151 23456789').data?.contact.phone).toBe('+4915123456789');
    // A landline, a number outside the EU, or no number at all is refused, in words.
    for (const written of ['05 59 12 34 56', '+1 415 555 2671', '123']) {
      const refused = phone(written);
      expect(fieldsOf(refused), written).toEqual(['body.contact.phone']);
      expect(refused.error?.issues[0]?.message).toBe('field.phone');
    }
    expect(
      seekerProfileInput.safeParse({ ...paluSeekerProfile(), contact: { channel: 'none' } }).success,
    ).toBe(true);
  });

  it('bounds the commute and its modes', () => {
    const tooLong = { ...paluSeekerProfile(), commute: { maxMinutes: 121, modes: ['car'] } };
    expect(fieldsOf(seekerProfileInput.safeParse(tooLong))).toEqual(['body.commute.maxMinutes']);
    const noMode = { ...paluSeekerProfile(), commute: { maxMinutes: 30, modes: [] } };
    expect(fieldsOf(seekerProfileInput.safeParse(noMode))).toEqual(['body.commute.modes']);
    const plane = { ...paluSeekerProfile(), commute: { maxMinutes: 30, modes: ['plane'] } };
    expect(fieldsOf(seekerProfileInput.safeParse(plane))).toEqual(['body.commute.modes.0']);
  });

  it('stores a commune, never an address', () => {
    const withAddress = { ...paluSeekerProfile(), home: { commune: '64445', street: '1 rue de la Paix' } };
    expect(fieldsOf(seekerProfileInput.safeParse(withAddress))).toEqual(['body.home.street']);
  });
});
