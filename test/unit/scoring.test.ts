import { describe, expect, it } from 'vitest';
import { estimatorTravelTime } from '../../shared/adapters/travel/estimator';
import { UnprocessableError } from '../../shared/domain/errors';
import { locateHome, locateSite } from '../../shared/domain/locate';
import { candidateShifts, evaluateMatch } from '../../shared/domain/matching/evaluate';
import { compareSkills, normaliseSkill } from '../../shared/domain/matching/skills';
import { type SeekerProfile, seekerProfileInput } from '../../shared/domain/seeker';
import { type Vacancy, vacancyDraft } from '../../shared/domain/vacancy';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const now = '2026-11-26T08:00:00.000Z';
const vacancy = (over: Partial<Vacancy> = {}): Vacancy => ({
  ...vacancyDraft.parse(welderVacancy()),
  id: 'v1',
  owner: 'acme',
  status: 'open',
  version: 1,
  createdAt: now,
  updatedAt: now,
  ...over,
});
const seeker = (over: Partial<SeekerProfile> = {}): SeekerProfile => ({
  ...seekerProfileInput.parse(paluSeekerProfile()),
  id: 's1',
  version: 1,
  createdAt: now,
  updatedAt: now,
  ...over,
});
const travel = estimatorTravelTime();
const evaluate = (v: Vacancy, s: SeekerProfile) =>
  evaluateMatch({ vacancy: v, site: locateSite(v.site), seeker: s, home: locateHome(s.home) }, travel);
const detail = (e: Awaited<ReturnType<typeof evaluate>>, criterion: string) =>
  e.explanation.find((c) => c.criterion === criterion);

describe('skills', () => {
  it('compares labels by meaning: case, accents and simple synonyms', () => {
    expect(normaliseSkill('Soudure TIG')).toBe('soudage tig');
    expect(normaliseSkill('TIG')).toBe('soudage tig');
    expect(normaliseSkill('Lecture de plan')).toBe('lecture de plans');
    expect(normaliseSkill('CACES 3')).toBe('caces r489');
    expect(compareSkills(['soudage TIG', 'CACES R489', 'Anglais'], ['tig', 'cariste'])).toEqual({
      matched: ['soudage TIG', 'CACES R489'],
      missing: ['Anglais'],
    });
  });
});

describe('hard filters', () => {
  it('needs the same sector', async () => {
    const result = await evaluate(vacancy({ sector: 'chemistry' }), seeker());
    expect(result.fits).toBe(false);
    expect(detail(result, 'sector')?.met).toBe(false);
  });

  it('needs an open vacancy and the seeker’s consent', async () => {
    expect((await evaluate(vacancy({ status: 'closed' }), seeker())).fits).toBe(false);
    const noConsent = await evaluate(vacancy(), seeker({ consent: { matching: false, statistics: true } }));
    expect(detail(noConsent, 'consent')?.met).toBe(false);
  });

  it('needs a common shift when both state shifts', async () => {
    const result = await evaluate(vacancy({ shifts: ['night'] }), seeker({ shifts: ['morning'] }));
    expect(result.fits).toBe(false);
    expect(detail(result, 'shifts')?.met).toBe(false);
    expect(candidateShifts(undefined, ['night'])).toEqual(['day']);
    expect(candidateShifts(['night', 'morning'], undefined)).toEqual(['night', 'morning']);
  });

  it('needs the commute within the limit by an allowed mode: Pau reaches Lescar, not Bayonne', async () => {
    const car40 = seeker({ commute: { maxMinutes: 40, modes: ['car'] } });
    expect((await evaluate(vacancy(), car40)).fits).toBe(true);
    const far = await evaluate(vacancy({ site: { commune: '64102' } }), car40);
    expect(far.fits).toBe(false);
    expect(detail(far, 'commute')?.detail).toMatch(/^car \d+ min > 40/);
  });

  it('does not reach a night shift by transit', async () => {
    const transitOnly = seeker({ commute: { maxMinutes: 60, modes: ['transit'] }, shifts: ['night'] });
    const night = await evaluate(vacancy({ shifts: ['night'] }), transitOnly);
    expect(night.fits).toBe(false);
    expect(detail(night, 'commute')?.detail).toMatch(/transit: no service for the night shift/);
    const day = await evaluate(vacancy({ shifts: ['day'] }), { ...transitOnly, shifts: ['day'] });
    expect(day.fits).toBe(true);
    if (day.fits) expect(day.commute.mode).toBe('transit');
  });
});

describe('score and explanation', () => {
  it('gives a full occupation, skills and contract score with the commute margin, explained with numbers', async () => {
    const result = await evaluate(
      vacancy({ skills: ['soudage TIG'] }),
      seeker({ commute: { maxMinutes: 40, modes: ['car', 'bike'] } }),
    );
    expect(result.fits).toBe(true);
    if (!result.fits) return;
    expect(detail(result, 'occupation')).toMatchObject({
      met: true,
      detail: 'same ROME code H2913',
      points: 40,
    });
    expect(detail(result, 'skills')).toMatchObject({ met: true, detail: 'skills 1/1', points: 35 });
    expect(detail(result, 'contract')).toMatchObject({ met: true, points: 5 });
    const commute = detail(result, 'commute');
    expect(commute?.detail).toMatch(/^car \d+ min ≤ 40 \(morning shift, estimated\)$/);
    expect(result.score).toBe(Math.round(40 + 35 + 5 + (commute?.points ?? 0)));
    expect(result.score).toBeGreaterThan(85);
  });

  it('scores a near occupation and missing skills lower, and says what is missing', async () => {
    const result = await evaluate(
      vacancy({ occupation: 'H2914', skills: ['soudage TIG', 'CACES R489', 'habilitation électrique'] }),
      seeker({ skills: ['TIG'], contracts: ['CDD'] }),
    );
    expect(result.fits).toBe(true);
    if (!result.fits) return;
    expect(detail(result, 'occupation')).toMatchObject({
      points: 25,
      detail: 'same ROME domain H29 (H2913 for H2914)',
    });
    expect(detail(result, 'skills')).toMatchObject({
      met: false,
      detail: 'skills 1/3: missing CACES R489, habilitation électrique',
    });
    expect(detail(result, 'contract')).toMatchObject({
      met: false,
      points: 0,
      detail: 'CDI is not among CDD',
    });
    expect(result.score).toBeLessThan(60);
  });
});

describe('locations', () => {
  it('refuses a site or home with no known coordinates with a 422 naming the field', () => {
    expect(() => locateSite({ commune: '64001' })).toThrow(UnprocessableError);
    expect(() => locateHome({ commune: '64001' })).toThrow(/no known coordinates/);
    expect(locateSite({ commune: '64001', coordinates: { lat: 43.29, lon: -0.09 } })).toMatchObject({
      precise: true,
    });
  });
});
