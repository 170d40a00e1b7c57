import { describe, expect, it } from 'vitest';
import { estimatorTravelTime } from '../../shared/adapters/travel/estimator';
import { UnprocessableError } from '../../shared/domain/errors';
import { locateHome, locateSite } from '../../shared/domain/locate';
import { explain } from '../../shared/domain/match';
import { candidateShifts, evaluateMatch } from '../../shared/domain/matching/evaluate';
import { compareSkills, normaliseSkill, skillKey } from '../../shared/domain/matching/skills';
import { skillList } from '../../shared/domain/schema-parts';
import type { SeekerProfile } from '../../shared/domain/seeker';
import type { Vacancy } from '../../shared/domain/vacancy';
import { storedSeeker, storedVacancy, welderVacancy } from '../support/samples';

const vacancy = (over: Partial<Vacancy> = {}) => storedVacancy(over);
const seeker = (over: Partial<SeekerProfile> = {}) => storedSeeker(over);
const travel = estimatorTravelTime();
const evaluate = (v: Vacancy, s: SeekerProfile) =>
  evaluateMatch({ vacancy: v, site: locateSite(v.site), seeker: s, home: locateHome(s.home) }, travel);
const find = (e: Awaited<ReturnType<typeof evaluate>>, criterion: string) =>
  e.explanation.find((c) => c.criterion === criterion);
/** The French sentence people read for a criterion. */
const said = (e: Awaited<ReturnType<typeof evaluate>>, criterion: string) =>
  explain(e.explanation, 'fr').find((c) => c.criterion === criterion)?.text ?? '';
const texts = (labels: string[]) => labels.map((label) => ({ label }));
const codeOrSlug = /\b[A-N]\d{4}\b|\b(aeronautics|metalworking|chemistry|transit|car|night|morning)\b/;

describe('skills', () => {
  it('compares texts by meaning: case, accents and simple synonyms', () => {
    expect(normaliseSkill('Soudure TIG')).toBe('soudage tig');
    expect(normaliseSkill('TIG')).toBe('soudage tig');
    expect(normaliseSkill('CACES 3')).toBe('caces r489');
    const { matched, missing } = compareSkills(
      texts(['soudage TIG', 'CACES R489', 'Anglais']),
      texts(['tig', 'cariste']),
    );
    expect(matched.map((s) => s.label)).toEqual(['soudage TIG', 'CACES R489']);
    expect(missing.map((s) => s.label)).toEqual(['Anglais']);
  });

  it('turns a text that is a referential label into its code, and compares codes', () => {
    const [typed] = skillList.parse(['lecture de plan, de schéma']);
    const [coded, free] = skillList.parse([{ code: '103070' }, 'soudage orbital']);
    expect(typed).toEqual({ code: '103070', label: 'Lecture de plan, de schéma' });
    expect(coded).toEqual(typed);
    expect(free).toEqual({ label: 'soudage orbital' });
    // The same skill twice (by code and by its label) is kept once.
    expect(skillList.parse(['Lecture de plan, de schéma', { code: '103070' }])).toHaveLength(1);
    // An older item's text equal to a label compares as that code.
    expect(skillKey({ label: 'Lecture de plan, de schéma' })).toBe(skillKey({ code: '103070', label: 'x' }));
    const { missing } = compareSkills(
      [{ code: '103070', label: 'Lecture de plan, de schéma' }],
      texts(['lecture de plan, de schema']),
    );
    expect(missing).toEqual([]);
  });

  it('refuses an unknown referential code', () => {
    const result = skillList.safeParse([{ code: '999999' }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('field.unknownSkill');
  });
});

describe('hard filters', () => {
  it('needs the same sector, and says which in words', async () => {
    const result = await evaluate(vacancy({ sector: 'chemistry' }), seeker());
    expect(result.fits).toBe(false);
    expect(find(result, 'sector')).toMatchObject({ met: false, code: 'sector.mismatch' });
    expect(said(result, 'sector')).toBe(
      'Le secteur Chimie et pharmacie n’est pas parmi ceux recherchés (Aéronautique et spatial et Métallurgie et travail des métaux)',
    );
  });

  it('needs an open vacancy and the seeker’s consent', async () => {
    expect((await evaluate(vacancy({ status: 'closed' }), seeker())).fits).toBe(false);
    const noConsent = await evaluate(vacancy(), seeker({ consent: { matching: false, statistics: true } }));
    expect(find(noConsent, 'consent')).toMatchObject({ met: false, code: 'consent.missing' });
  });

  it('needs a common shift; a vacancy without shifts is a day job, never a night or early one', async () => {
    const result = await evaluate(vacancy({ shifts: ['night'] }), seeker({ shifts: ['morning'] }));
    expect(result.fits).toBe(false);
    expect(find(result, 'shifts')).toMatchObject({ met: false, code: 'shifts.none' });
    expect(said(result, 'shifts')).toBe('Horaires incompatibles : poste en nuit, disponible en matin');
    expect(candidateShifts(['day'], ['night'])).toEqual([]);
    expect(candidateShifts(['night', 'morning'], undefined)).toEqual(['night', 'morning']);
    const nightOnly = await evaluate(
      storedVacancy({}, { ...welderVacancy(), shifts: undefined }),
      seeker({ shifts: ['night'] }),
    );
    expect(nightOnly.fits).toBe(false);
  });

  it('needs the commute within the limit by an allowed mode: Pau reaches Lescar, not Bayonne', async () => {
    const car40 = seeker({ commute: { maxMinutes: 40, modes: ['car'] } });
    expect((await evaluate(vacancy(), car40)).fits).toBe(true);
    const far = await evaluate(vacancy({ site: { commune: '64102' } }), car40);
    expect(far.fits).toBe(false);
    expect(find(far, 'commute')).toMatchObject({ code: 'commute.unreachable', params: { limit: 40 } });
    expect(said(far, 'commute')).toMatch(
      /^Trajet trop long ou impossible : en voiture \d+ min pour un poste du matin \(limite : 40 min\)/,
    );
  });

  it('does not reach a night shift by transit', async () => {
    const transitOnly = seeker({ commute: { maxMinutes: 60, modes: ['transit'] }, shifts: ['night'] });
    const night = await evaluate(vacancy({ shifts: ['night'] }), transitOnly);
    expect(night.fits).toBe(false);
    expect(find(night, 'commute')).toMatchObject({
      params: { misses: [{ mode: 'transit', shift: 'night', noService: true }] },
    });
    expect(said(night, 'commute')).toBe(
      'Trajet trop long ou impossible : en transports en commun, pas de service pour un poste de nuit',
    );
    const day = await evaluate(vacancy({ shifts: ['day'] }), { ...transitOnly, shifts: ['day'] });
    expect(day.fits).toBe(true);
    if (day.fits) expect(day.commute.mode).toBe('transit');
  });
});

describe('score and explanation', () => {
  it('gives a full occupation, skills and contract score with the commute margin, explained in French', async () => {
    const result = await evaluate(
      vacancy({ skills: texts(['soudage TIG']) }),
      seeker({ commute: { maxMinutes: 40, modes: ['car', 'bike'] } }),
    );
    expect(result.fits).toBe(true);
    if (!result.fits) return;
    expect(find(result, 'occupation')).toMatchObject({ met: true, code: 'occupation.same', points: 40 });
    expect(said(result, 'occupation')).toBe('Même métier : Soudeur / Soudeuse');
    expect(find(result, 'skills')).toMatchObject({ met: true, code: 'skills.all', points: 35 });
    expect(find(result, 'contract')).toMatchObject({ met: true, points: 5 });
    const commute = find(result, 'commute');
    expect(said(result, 'commute')).toMatch(
      /^Trajet en voiture estimé à \d+ min pour un poste du matin \(limite : 40 min\)$/,
    );
    expect(result.score).toBe(Math.round(40 + 35 + 5 + (commute?.points ?? 0)));
    expect(result.score).toBeGreaterThan(85);
    for (const { text } of explain(result.explanation, 'fr')) expect(text).not.toMatch(codeOrSlug);
  });

  it('ranks occupations by distance in the ROME tree: same title, same parent fiche, same domain, other', async () => {
    const tig = vacancy({ occupation: 'H2916', jobTitle: undefined });
    const sameParent = await evaluate(tig, seeker());
    expect(find(sameParent, 'occupation')).toMatchObject({ code: 'occupation.sameParent', points: 30 });
    expect(said(sameParent, 'occupation')).toBe(
      'Métier proche : Soudeur / Soudeuse (même famille que Soudeur / Soudeuse Tungsten Inert Gas -TIG- : Soudage manuel)',
    );
    const sameDomain = await evaluate(vacancy({ occupation: 'H2914' }), seeker({ occupations: ['H2913'] }));
    expect(find(sameDomain, 'occupation')).toMatchObject({ code: 'occupation.sameDomain', points: 20 });
    expect(said(sameDomain, 'occupation')).toMatch(
      /^Métier du même domaine : Soudeur \/ Soudeuse \(Mécanique, travail des métaux et outillage\)$/,
    );
    const other = await evaluate(vacancy({ occupation: 'N1101' }), seeker({ occupations: ['H2913'] }));
    expect(find(other, 'occupation')).toMatchObject({ met: false, code: 'occupation.other', points: 0 });
    // The same job title chosen on both sides is the same job, named by that title.
    const title = await evaluate(
      vacancy({ occupation: 'H2903', jobTitle: '15164' }),
      seeker({ jobTitles: ['15164'], occupations: ['H2903'] }),
    );
    expect(said(title, 'occupation')).toBe('Même métier : Fraiseur / Fraiseuse sur Commande Numérique -CN-');
  });

  it('scores missing skills and an unwanted contract lower, and says what is missing by name', async () => {
    const result = await evaluate(
      vacancy({
        occupation: 'H2914',
        skills: [
          { code: '103070', label: 'Lecture de plan, de schéma' },
          ...texts(['soudage TIG', 'CACES R489', 'habilitation électrique']),
        ],
      }),
      seeker({ skills: texts(['TIG']), contracts: ['CDD'] }),
    );
    expect(result.fits).toBe(true);
    if (!result.fits) return;
    expect(find(result, 'skills')).toMatchObject({ met: false, code: 'skills.missing' });
    expect(said(result, 'skills')).toBe(
      'Il manque 3 compétences sur 4 : Lecture de plan, de schéma, CACES R489 et habilitation électrique',
    );
    expect(find(result, 'contract')).toMatchObject({ met: false, points: 0 });
    expect(said(result, 'contract')).toBe('CDI n’est pas parmi les contrats recherchés (CDD)');
    expect(explain(result.explanation, 'en').find((c) => c.criterion === 'contract')?.text).toBe(
      'Permanent (CDI) is not among the contracts wanted (Fixed-term (CDD))',
    );
    expect(result.score).toBeLessThan(60);
  });
});

describe('locations', () => {
  it('places every commune of the pilot territory, a site by its coordinates, and refuses only a commune with no point', () => {
    expect(locateHome({ commune: '64001' }).precision).toBe('centroid');
    expect(locateHome({ commune: '64445' }).precision).toBe('town-centre');
    expect(locateSite({ commune: '64001', coordinates: { lat: 43.29, lon: -0.09 } })).toMatchObject({
      precision: 'site',
    });
    // Sannerville (Calvados) was re-created after 2016: no source places it.
    expect(() => locateHome({ commune: '14666' })).toThrow(UnprocessableError);
  });
});
