/**
 * Issue "People's words", as new users would try it through the local HTTP adapter: they name
 * jobs and places by their words, never by codes, and read French sentences back.
 */
import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime';
import { everydayTitles } from '../support/samples';

const local = useLocalRuntime();

/** Codes a person must never have to read: ROME and INSEE codes, OGR codes, sector slugs, English words. */
const codesAndEnglish =
  /\b[A-N]\d{4}\b|\b\d{5,6}\b|\b(aeronautics|chemistry|metalworking|car|transit|night|morning|day|shift|same|missing|skills)\b/;

const first = async (path: string, token: string) => {
  const answer = await local.api.request('GET', path, { token });
  expect(answer.status, path).toBe(200);
  return answer.body.items[0];
};

describe('the words people use', () => {
  it('finds everyday job titles by what people type, each reaching its ROME code among the first five', async () => {
    const token = await local.api.token('words-hr', 'employer');
    for (const [typed, code] of everydayTitles) {
      const answer = await local.api.request(
        'GET',
        `/v1/ref/occupations?q=${encodeURIComponent(typed)}&limit=5`,
        {
          token,
        },
      );
      expect(
        answer.body.items.map((title: { occupation: { code: string } }) => title.occupation.code),
        typed,
      ).toContain(code);
    }
    const skills = await local.api.request('GET', '/v1/ref/skills?occupation=H2913', { token });
    expect(skills.body.items.map((skill: { label: string }) => skill.label)).toContain(
      'Lecture de plan, de schéma',
    );
  });

  it('a welder living in Abidos registers with "soudeuse" and "06 12 34 56 78", and reads why she fits a Lescar job, in French', async () => {
    const { api, runtime } = local;
    const seeker = await api.token('words-abidos', 'seeker');
    const employer = await api.token('words-lescar-aero', 'employer');
    const soudeuse = await first('/v1/ref/occupations?q=soudeuse', seeker);
    expect(soudeuse.label).toBe('Soudeur / Soudeuse');
    const abidos = await first('/v1/ref/communes?q=Abidos', seeker);
    expect(abidos.label).toBe('Abidos (64150)');
    const lecture = await first('/v1/ref/skills?occupation=H2913&q=lecture%20plan', seeker);

    const saved = await api.request('PUT', '/v1/seekers/me', {
      token: seeker,
      body: {
        sectors: ['aeronautics'],
        jobTitles: [soudeuse.code],
        skills: [{ code: lecture.code }, 'soudage TIG'],
        home: { commune: abidos.code },
        commute: { maxMinutes: 45, modes: ['car'] },
        contact: { channel: 'sms', phone: '06 12 34 56 78' },
        consent: { matching: true, statistics: false },
      },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      occupations: ['H2913'],
      contact: { phone: '+33612345678' },
      labels: {
        occupations: ['Soudeur / Soudeuse'],
        home: 'Abidos (64150)',
        sectors: ['Aéronautique et spatial'],
      },
    });

    const lescar = await first('/v1/ref/communes?q=Lescar', employer);
    const soudeur = await first('/v1/ref/occupations?q=soudeur', employer);
    const posted = await api.request('POST', '/v1/vacancies', {
      token: employer,
      body: {
        title: 'Soudeur / Soudeuse aéronautique',
        sector: 'aeronautics',
        jobTitle: soudeur.code,
        skills: ['Lecture de plan, de schéma', 'soudage TIG', 'contrôle visuel'],
        site: { commune: lescar.code },
        contract: 'CDI',
        openings: 2,
      },
    });
    expect(posted.status).toBe(201);
    // No shifts given: a day job, and the answer says so in words.
    expect(posted.body).toMatchObject({
      shifts: ['day'],
      labels: { shifts: ['Journée'], commune: 'Lescar (64230)' },
    });
    await runtime.settled();

    const matches = await api.request('GET', '/v1/seekers/me/matches', { token: seeker });
    expect(matches.body.items).toHaveLength(1);
    const [match] = matches.body.items;
    const sentences = match.explanation.map((criterion: { text: string }) => criterion.text);
    expect(sentences).toContain('Même métier : Soudeur / Soudeuse');
    expect(sentences).toContain('Il manque 1 compétence sur 3 : Contrôle visuel');
    expect(sentences.find((text: string) => text.startsWith('Trajet'))).toMatch(
      /^Trajet en voiture estimé à \d+ min pour un poste de journée \(limite : 45 min\)$/,
    );
    for (const text of sentences) expect(text).not.toMatch(codesAndEnglish);
    expect(match.commute.warnings.map((w: { text: string }) => w.text)).toEqual([
      'Approximatif : la commune est placée en son centre géographique, pas au bourg.',
    ]);
    // The same reasons in English on request.
    const english = await api.request('GET', '/v1/seekers/me/matches', {
      token: seeker,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(english.body.items[0].explanation.map((c: { text: string }) => c.text)).toContain(
      'Same job: Soudeur / Soudeuse',
    );
    // Her SMS names the job and the town, with no code.
    const sms = (await api.request('GET', '/dev/outbox')).body.items.filter(
      (m: { to: string }) => m.to === '+33612345678',
    );
    for (const message of sms)
      expect(message.text).toMatch(/^Bassin : Soudeur \/ Soudeuse aéronautique à Lescar/);
  });

  it('a seeker in Mourenx without a car is not offered a night job in Lacq, and is offered the day one', async () => {
    const { api, runtime } = local;
    const seeker = await api.token('words-mourenx', 'seeker');
    const employer = await api.token('words-lacq-chem', 'employer');
    const mourenx = await first('/v1/ref/communes?q=Mourenx', seeker);
    const lacq = await first('/v1/ref/communes?q=Lacq', employer);
    const operator = await first(
      `/v1/ref/occupations?q=${encodeURIComponent('conducteur de ligne chimique')}`,
      seeker,
    );
    expect(
      (
        await api.request('PUT', '/v1/seekers/me', {
          token: seeker,
          body: {
            sectors: ['chemistry'],
            jobTitles: [operator.code],
            home: { commune: mourenx.code },
            commute: { maxMinutes: 60, modes: ['transit'] },
            contact: { channel: 'sms', phone: '07 81 23 45 67' },
            consent: { matching: true, statistics: false },
          },
        })
      ).status,
    ).toBe(201);
    const post = (title: string, shifts?: string[]) =>
      api.request('POST', '/v1/vacancies', {
        token: employer,
        body: {
          title,
          sector: 'chemistry',
          jobTitle: operator.code,
          site: { commune: lacq.code },
          contract: 'CDI',
          openings: 1,
          ...(shifts ? { shifts } : {}),
        },
      });
    const night = await post('Conducteur de ligne, poste de nuit', ['night']);
    const day = await post('Conducteur de ligne, journée');
    expect(night.status).toBe(201);
    await runtime.settled();
    const mine = await api.request('GET', '/v1/seekers/me/matches', { token: seeker });
    expect(mine.body.items.map((m: { vacancyId: string }) => m.vacancyId)).toEqual([day.body.id]);
    expect(
      (await api.request('GET', `/v1/vacancies/${night.body.id}/matches`, { token: employer })).body.items,
    ).toEqual([]);
    const texts = (await api.request('GET', '/dev/outbox')).body.items
      .filter((m: { to: string }) => m.to === '+33781234567')
      .map((m: { text: string }) => m.text);
    expect(texts.join('\n')).not.toContain('nuit');
  });

  it('answers bad input in French by default, naming each field, and in English on request', async () => {
    const token = await local.api.token('words-typo', 'employer');
    const body = {
      title: 'Soudeur',
      sector: 'aeronautics',
      occupation: 'soudeur',
      site: { commune: 'Lescar' },
      contract: 'CDI',
      openings: 1,
    };
    const french = await local.api.request('POST', '/v1/vacancies', { token, body });
    expect(french.status).toBe(400);
    expect(french.headers.get('content-language')).toBe('fr');
    expect(french.body.title).toBe('Requête invalide');
    expect(french.body.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'body.occupation',
          detail:
            'Un code ROME est une lettre et 4 chiffres, par exemple H2913 : cherchez le métier par son nom',
        },
        {
          field: 'body.site.commune',
          detail:
            'Un code commune INSEE a 5 caractères, par exemple 64445 (Pau) : cherchez la commune par son nom',
        },
      ]),
    );
    const tooLong = await local.api.request('POST', '/v1/vacancies', {
      token,
      body: { ...body, title: 'x'.repeat(200) },
    });
    expect(tooLong.body.errors).toContainEqual({
      field: 'body.title',
      detail: 'Trop grand : chaîne de caractères doit avoir <=120 caractères',
    });
    const english = await local.api.request('POST', '/v1/vacancies', {
      token,
      body: { ...body, title: 'x'.repeat(200) },
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.errors).toContainEqual({
      field: 'body.title',
      detail: 'Too big: expected string to have <=120 characters',
    });
    const seeker = await local.api.token('words-phone', 'seeker');
    const landline = await local.api.request('PUT', '/v1/seekers/me', {
      token: seeker,
      body: {
        sectors: ['aeronautics'],
        occupations: ['H2913'],
        home: { commune: '64445' },
        commute: { maxMinutes: 30, modes: ['car'] },
        contact: { channel: 'sms', phone: '05 59 12 34 56' },
        consent: { matching: true, statistics: true },
      },
    });
    expect(landline.status).toBe(400);
    expect(landline.body.errors).toEqual([
      {
        field: 'body.contact.phone',
        detail: 'Ce numéro n’est pas un numéro de mobile français ou européen (par exemple 06 12 34 56 78)',
      },
    ]);
  });
});
