import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng, syntheticVacancy } from '../../infra/local/synthetic';
import { tableClientFromEnv } from '../../shared/adapters/dynamodb/client';
import { dynamoStatisticsStore } from '../../shared/adapters/dynamodb/statistics-store';
import { parisClock } from '../../shared/domain/notifications/paris-time';
import { entityKey } from '../../shared/domain/planning/codes';
import { countEntity } from '../../shared/domain/planning/counting';
import { fixedClock, memorySeekerStore, memoryVacancyStore } from '../support/memory-stores';
import { useLocalRuntime } from '../support/runtime';

/**
 * The three journeys of issue 12 in a real browser (Debian's Chromium, playwright-core)
 * against the local runtime, which serves web/dist on the API's origin: people type words,
 * never codes. Every page is checked at 1280 px and 390 px: no horizontal overflow, no
 * console error, axe-core finds nothing serious, no English word from the list.
 * One runtime and one browser for the file; no sleeps (conditions are awaited).
 */
const executablePath = '/usr/bin/chromium';
const local = useLocalRuntime(async () => {
  if (!existsSync('web/dist/index.html')) await build({ root: 'web', logLevel: 'warn' });
  return {};
});
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium is needed for the browser tests: apt-get install -y chromium (${executablePath})`,
    );
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
    ],
  });
  await mkdir('test-results', { recursive: true });
});
afterAll(() => browser?.close());

/** Strings the issue saw in English (or as codes) where people read: none may show. */
const englishWords = [
  'Too big',
  'expected string',
  'characters',
  'Time',
  'Mar',
  'May',
  'Jul',
  'mean',
  'drift',
  'seasonal',
  'aeronautics',
  'agrifood',
  'metalworking',
  'true',
  'false',
  'pending',
  'accepted',
  'declined',
  'transit',
  'interim',
  'apprenticeship',
  'night',
  'morning',
  'unknown',
  'Unknown',
];

interface Watched {
  page: Page;
  errors: string[];
  scripts: number[];
}

async function open(viewport = { width: 1280, height: 900 }): Promise<Watched> {
  const page = await (await browser.newContext({ viewport, acceptDownloads: true })).newPage();
  const watched: Watched = { page, errors: [], scripts: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(String(error)));
  page.on('response', async (response) => {
    if (response.url().endsWith('.js')) watched.scripts.push((await response.body()).byteLength);
  });
  return watched;
}

/** The checks every page passes, at desktop and phone widths; a screenshot of each for the README. */
async function checkPage(watched: Watched, name: string) {
  const { page } = watched;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = (await page.evaluate(
      '({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })',
    )) as { scroll: number; inner: number };
    expect(overflow.scroll, `${name} at ${width} px overflows`).toBeLessThanOrEqual(overflow.inner);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${name} ${width}px ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    // What a person reads: the rendered text (innerText), hidden parts left out.
    const text = (await page.evaluate('document.body.innerText')) as string;
    const found = englishWords.filter((word) =>
      new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(text),
    );
    expect(found, `${name}: English or codes on the page`).toEqual([]);
    await page.screenshot({ path: `test-results/web-${name}-${width}.png`, fullPage: true });
  }
  expect(watched.errors, `${name}: console errors`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signIn(page: Page, name: string, role: RegExp) {
  await page.getByLabel('Votre nom').fill(name);
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Types words into a suggestion box and picks the suggestion with these words. */
async function pick(page: Page, label: string | RegExp, typed: string, option: string | RegExp) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(typed);
  const list = page.locator(`#${await box.getAttribute('aria-controls')}`);
  await list.getByRole('option', { name: option }).first().click();
}

/** Past SYNTHETIC vacancies counted into the runtime's statistics, in the CC de Lacq-Orthez, for the forecast. */
async function history() {
  const clock = fixedClock();
  const vacancies = memoryVacancyStore();
  const next = prng(42);
  const deps = {
    statistics: dynamoStatisticsStore(tableClientFromEnv()),
    vacancies,
    seekers: memorySeekerStore(),
    matches: { get: async () => undefined },
    waves: { get: async () => undefined },
    clock,
  };
  for (let i = 0; i < 200; i++) {
    const createdAt = new Date(Date.now() - (40 + Math.floor(next() * 800)) * 86_400_000).toISOString();
    const vacancy = {
      ...syntheticVacancy(next, `web-${i}`),
      site: { commune: '64410' },
      createdAt,
      updatedAt: createdAt,
    };
    vacancies.items.set(vacancy.id, { ...vacancy, status: 'closed', closedAt: createdAt });
    await countEntity(deps, entityKey.encode('vacancy', vacancy.id));
  }
}

const cncSeeker = (i: number) => ({
  ...(i === 0 ? { firstName: 'Inès' } : {}),
  sectors: ['aeronautics'],
  jobTitles: ['17282'],
  skills: [],
  home: { commune: ['64445', '64335', '64129', '64348'][i % 4] },
  commute: { maxMinutes: 45, modes: ['car'] },
  shifts: ['night', 'day'],
  contact: i === 0 ? { channel: 'sms', phone: '07 61 23 45 67' } : { channel: 'none' },
  consent: { matching: true, statistics: true },
});

describe('the web app in Chromium, as new users try it', () => {
  it('the sign-in page asks which role with no default and passes the checks', async () => {
    const watched = await open();
    const answer = await watched.page.goto(local.runtime.url);
    expect(answer?.headers()['content-security-policy']).toContain("default-src 'self'");
    await watched.page.getByLabel('Votre nom').waitFor();
    expect(await watched.page.getByRole('radio').count()).toBe(3);
    expect(await watched.page.getByRole('radio', { checked: true }).count()).toBe(0);
    await watched.page.getByLabel('Votre nom').fill('Personne');
    await watched.page.getByRole('button', { name: 'Se connecter' }).click();
    // The app's own French message, not the browser's bubble (which speaks the browser's language).
    await watched.page.getByRole('alert').filter({ hasText: 'Dites qui vous êtes :' }).waitFor();
    await checkPage(watched, 'sign-in');
    await watched.page.context().close();
  });

  it('an HR manager posts CNC operators at night in Lescar by typing words, pages candidates, is told of an acceptance and sees the contact', async () => {
    const { api, runtime } = local;
    const seekers = await Promise.all(Array.from({ length: 12 }, (_, i) => api.token(`cnc-${i}`, 'seeker')));
    for (const [i, token] of seekers.entries())
      expect((await api.request('PUT', '/v1/seekers/me', { token, body: cncSeeker(i) })).status).toBe(201);

    const watched = await open();
    const { page } = watched;
    await page.goto(runtime.url);
    await signIn(page, 'Claire RH', /Employeur/);
    await page.getByRole('heading', { name: 'Publier une offre' }).waitFor();
    await page.getByLabel('Intitulé du poste').fill('Opérateur sur commande numérique de nuit');
    await page
      .getByLabel('Nom de l’entreprise ou du site (vu par les candidats)')
      .fill('Aéro Lescar (exemple)');
    await page.getByLabel('Secteur').selectOption({ label: 'Aéronautique et spatial' });
    // "fraiseur" finds the fiche's titles; "commande numérique" finds the exact one.
    await page.getByRole('combobox', { name: 'Métier' }).fill('fraiseur');
    await page
      .getByRole('option', { name: /^Fraiseur \/ Fraiseuse/ })
      .first()
      .waitFor();
    await pick(
      page,
      'Métier',
      'opérateur commande numérique',
      /Opérateur \/ Opératrice sur Commande Numérique/,
    );
    // The skills of that job are offered: one click each.
    const suggested = page.getByRole('list', { name: 'Compétences du métier' }).getByRole('button');
    await suggested.first().waitFor();
    await suggested.first().click();
    expect(await page.getByRole('list', { name: 'Compétences choisies' }).getByRole('listitem').count()).toBe(
      1,
    );
    await pick(page, 'Commune du poste', 'Lescar', 'Lescar (64230)');
    expect(await page.getByRole('combobox', { name: 'Commune du poste' }).inputValue()).toBe(
      'Lescar (64230)',
    );
    await page.getByRole('checkbox', { name: 'Journée' }).uncheck();
    await page.getByRole('checkbox', { name: 'Nuit' }).check();
    await page.getByLabel('Nombre de postes').fill('3');
    await page.getByLabel('De (€)').fill('2100');
    await page.getByLabel('À (€)').fill('2400');
    await page
      .getByLabel('Description du poste (facultatif)')
      .fill('Conduite de centres d’usinage 5 axes, équipe de nuit.');
    await page.getByRole('button', { name: 'Publier l’offre' }).click();
    await page.getByText('Offre publiée').waitFor();
    const [posted] = (
      await api.request('GET', '/v1/employers/me/vacancies', {
        token: await api.token('claire-rh', 'employer'),
      })
    ).body.items;
    expect(posted).toMatchObject({
      jobTitle: '17282',
      occupation: 'H2903',
      shifts: ['night'],
      site: { commune: '64335' },
      openings: 3,
    });

    // Candidates come from the stream: 12 in all, ten a page, "Voir plus" for the rest.
    await runtime.settled();
    const [first] = (await api.request('GET', '/v1/seekers/me/matches', { token: seekers[0] as string })).body
      .items;
    expect(
      (await api.request('POST', `/v1/matches/${first.id}/accept`, { token: seekers[0] as string })).status,
    ).toBe(200);
    await runtime.settled();
    await page.reload();
    const notice = page.getByRole('region', { name: 'Nouvelle réponse' });
    await notice
      .getByText('Inès a accepté votre offre « Opérateur sur commande numérique de nuit »')
      .waitFor();
    await notice.getByText('Contact : Inès — SMS au 07 61 23 45 67').waitFor();
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Opérateur sur commande numérique de nuit' }) });
    await card.getByText('12 candidats, 1 accepté').waitFor();
    await notice.getByRole('button', { name: 'Voir les candidats de cette offre' }).click();
    const candidates = page.getByRole('region', { name: /Candidats pour/ });
    await candidates.getByText('12 candidats, dont 1 a accepté').waitFor();
    expect(await candidates.locator('li.card').count()).toBe(10);
    await checkPage(watched, 'employer');
    await candidates.getByRole('button', { name: 'Voir plus de candidats' }).click();
    await candidates.locator('li.card').nth(11).waitFor();
    await candidates.getByText('A accepté : Inès — SMS au 07 61 23 45 67').waitFor();
    expect(await candidates.getByRole('button', { name: 'Voir plus de candidats' }).count()).toBe(0);

    // Closing asks first; a closed vacancy can be reopened or duplicated.
    await card.getByRole('button', { name: 'Clôturer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clôturer l’offre' }).click();
    await card.getByText('Clôturée').waitFor();
    await card.getByRole('button', { name: 'Rouvrir' }).click();
    await card.getByText('Ouverte').waitFor();
    await card.getByRole('button', { name: 'Dupliquer' }).click();
    await page.getByRole('heading', { name: 'Opérateur sur commande numérique de nuit' }).nth(1).waitFor();
    expect(watched.errors).toEqual([]);
    expect(Math.max(...watched.scripts)).toBeLessThan(250_000);
    await page.context().close();
  }, 180_000);

  it('the Mourenx welder without a car finds her commune and job by name, gets an SMS, opens the offer after signing in, accepts; Stop works without signing in', async () => {
    const { api, runtime } = local;
    const employer = await api.token('chaudronnerie', 'employer');
    const vacancy = await api.request('POST', '/v1/vacancies', {
      token: employer,
      body: {
        title: 'Soudeuse / soudeur en atelier',
        employerName: 'Chaudronnerie du Gave (exemple)',
        description:
          'Soudure de cuves inox pour la plateforme de Lacq.\nHoraires de journée, du lundi au vendredi.',
        sector: 'metalworking',
        jobTitle: '404475',
        skills: [],
        site: { commune: '64410' },
        contract: 'CDI',
        openings: 2,
        salary: { min: 1950, max: 2250, period: 'month' },
      },
    });
    expect(vacancy.status).toBe(201);
    await runtime.settled();

    const watched = await open({ width: 390, height: 844 });
    const { page } = watched;
    await page.goto(runtime.url);
    await signIn(page, 'Sofia Mourenx', /Je cherche un emploi/);
    await page.getByRole('heading', { name: 'Créer mon profil' }).waitFor();
    // Nothing is ticked for her: both consents and every choice are hers to make.
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await page.getByLabel('Prénom (facultatif)').fill('Sofia');
    await pick(page, 'Mes métiers', 'soudeuse', /^Soudeur \/ Soudeuse$/);
    await page.getByRole('checkbox', { name: 'Métallurgie et travail des métaux' }).check();
    await pick(page, 'Ma commune', 'Mourenx', 'Mourenx (64150)');
    await page.getByRole('checkbox', { name: 'Transports en commun' }).check();
    await page.getByLabel('Temps de trajet maximum, en minutes').fill('45');
    await page.getByRole('checkbox', { name: 'Matin' }).check();
    await page.getByRole('checkbox', { name: 'Journée' }).check();
    await page.getByLabel('Mon numéro de mobile').fill('06 12 34 56 78');
    // Quiet hours away from now, so the SMS leaves at once whatever the time of the test.
    const hour = Math.floor(parisClock(new Date()).minutes / 60);
    const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
    await page.getByLabel('Pas de message à partir de').fill(at(hour + 2));
    await page.getByLabel('jusqu’à').fill(at(hour + 3));
    await page.getByRole('checkbox', { name: /Me proposer aux employeurs/ }).check();
    await checkPage(watched, 'seeker-profile');
    await page.getByRole('button', { name: 'Créer mon profil' }).click();
    await page.getByText('Profil enregistré').waitFor();
    const profile = await api.request('GET', '/v1/seekers/me', {
      token: await api.token('sofia-mourenx', 'seeker'),
    });
    expect(profile.body).toMatchObject({
      firstName: 'Sofia',
      jobTitles: ['404475'],
      home: { commune: '64410' },
      contact: { channel: 'sms', phone: '+33612345678' },
      consent: { matching: true, statistics: false },
    });

    await runtime.settled();
    const sms = (await api.request('GET', '/dev/outbox')).body.items.find(
      (m: { to: string }) => m.to === '+33612345678',
    );
    expect(sms?.text).toMatch(/^Bassin : Soudeuse \/ soudeur en atelier à Mourenx/);
    const offerLink = /Voir : (\S+)/.exec(sms.text)?.[1] as string;
    const stopLink = /Stop : (\S+)/.exec(sms.text)?.[1] as string;
    expect(new URL(offerLink).pathname).toMatch(/^\/m\/[\w-]{22}$/);

    // The SMS link on a phone that is not signed in: sign in, then straight to the offer.
    const phone = await open({ width: 390, height: 844 });
    await phone.page.goto(offerLink);
    await phone.page.getByText('Connectez-vous pour voir cette offre').waitFor();
    await signIn(phone.page, 'Sofia Mourenx', /Je cherche un emploi/);
    await phone.page.getByRole('heading', { name: 'Soudeuse / soudeur en atelier', level: 1 }).waitFor();
    expect(phone.page.url()).toBe(offerLink);
    await phone.page.getByText('Chaudronnerie du Gave (exemple) — Mourenx (64150)').waitFor();
    const facts = (await phone.page.evaluate("document.querySelector('dl.facts').innerText")) as string;
    expect(facts).toContain('Journée');
    expect(facts).toContain('CDI');
    expect(facts).toMatch(/Salaire\s+1\s950\s€ à 2\s250\s€ brut par mois/);
    expect(facts).toMatch(/\d+ min en transports en commun \(estimé\)/);
    await phone.page.getByText('Soudure de cuves inox pour la plateforme de Lacq.').waitFor();
    const reasons = await phone.page.getByRole('list', { name: 'Pourquoi cette offre' }).textContent();
    expect(reasons).toContain('Même métier : Soudeur / Soudeuse');
    await checkPage(phone, 'seeker-offer');
    await phone.page.getByRole('button', { name: 'J’accepte : l’employeur peut me contacter' }).click();
    await phone.page.getByText('Vous avez accepté').waitFor();
    const candidates = await api.request('GET', `/v1/vacancies/${vacancy.body.id}/matches`, {
      token: employer,
    });
    expect(candidates.body.items[0].contact).toEqual({
      channel: 'sms',
      phone: '+33612345678',
      firstName: 'Sofia',
    });

    // Her list of offers, back on her space.
    await phone.page.getByRole('link', { name: '← Toutes mes offres' }).click();
    await phone.page.getByRole('heading', { name: 'Offres pour moi' }).waitFor();
    await phone.page.getByText('Acceptée').waitFor();
    await checkPage(phone, 'seeker-home');

    // "Stop" from the SMS, on a browser that never signed in: one click, and it says so.
    const stranger = await open({ width: 390, height: 844 });
    await stranger.page.goto(stopLink);
    await stranger.page.getByText('C’est fait : vous ne recevrez plus d’offres de Bassin.').waitFor();
    const paused = await api.request('GET', '/v1/seekers/me', {
      token: await api.token('sofia-mourenx', 'seeker'),
    });
    expect(paused.body.notifications.paused).toBe(true);
    await checkPage(stranger, 'unsubscribe');
    for (const context of [page, phone.page, stranger.page]) await context.context().close();
  }, 180_000);

  it('a planner picks "CC de Lacq-Orthez" by name, reads tension, forecast and a catchment map, and downloads a CSV a French spreadsheet reads', async () => {
    await history();
    // An open vacancy in the CC de Lacq-Orthez (Mourenx), for its tension.
    await local.api.request('POST', '/v1/vacancies', {
      token: await local.api.token('planner-test-employer', 'employer'),
      body: {
        title: 'Soudeur (exemple)',
        sector: 'metalworking',
        jobTitle: '404475',
        site: { commune: '64410' },
        contract: 'CDD',
        openings: 1,
      },
    });
    // Two seekers in Serres-Castet (CC des Luys en Béarn): fewer than 11, so that EPCI's count is secret.
    for (const name of ['luys-a', 'luys-b'])
      await local.api.request('PUT', '/v1/seekers/me', {
        token: await local.api.token(name, 'seeker'),
        body: { ...cncSeeker(1), home: { commune: '64519' } },
      });
    await local.runtime.settled();
    const watched = await open();
    const { page } = watched;
    await page.goto(local.runtime.url);
    await signIn(page, 'Camille', /Chargé·e de planification/);
    await page.getByRole('heading', { name: 'Planification territoriale' }).waitFor();
    await page.getByLabel('Territoire', { exact: true }).selectOption({ label: 'CC de Lacq-Orthez' });
    await page.getByRole('table', { name: /Indicateurs par mois/ }).waitFor();
    expect(
      await page
        .getByRole('table', { name: /Indicateurs par mois/ })
        .locator('tbody tr')
        .count(),
    ).toBe(24);
    // The forecast says its method in words and its error in one sentence.
    const method = page.locator('p.method');
    await method.waitFor();
    expect(await method.textContent()).toMatch(
      /^Prévision par .+\. Essayée sur le passé à partir de \d+ points de départ, .+\.$/,
    );
    // Tension: the welder vacancy of Mourenx, by its job's name; a sector chosen says it is over all sectors.
    const tension = page.getByRole('table', { name: 'Tension par métier, du plus tendu au moins tendu' });
    await tension.getByRole('rowheader', { name: 'Soudeur / Soudeuse' }).waitFor();
    await page.getByLabel('Secteur').selectOption({ label: 'Métallurgie et travail des métaux' });
    await page
      .getByText(
        'Calculée tous secteurs confondus, et non pour « Métallurgie et travail des métaux » seulement',
      )
      .waitFor();
    await page.getByLabel('Secteur').selectOption({ label: 'Tous les secteurs' });

    // The catchment of the Lescar site on a map of EPCI outlines, secret cells as "< 11".
    await page.getByRole('button', { name: 'Calculer' }).click();
    const map = page.getByRole('img', { name: /Carte des intercommunalités à portée de Lescar/ });
    await map.waitFor();
    expect(await map.locator('path').count()).toBeGreaterThan(10);
    expect(await map.locator('text').allTextContents()).toContain('< 11');
    expect(await page.locator('img, image').count()).toBe(0);

    // CSV for a French spreadsheet: BOM, semicolons, French headers, decimal commas.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger pour un tableur (CSV)' }).first().click(),
    ]);
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(header?.split(';')).toEqual([
      'Mois',
      'Offres publiées',
      'Postes ouverts',
      'Offres ouvertes en fin de mois',
      'Offres clôturées',
      'Délai médian avant clôture (jours)',
      'Candidats actifs',
      'Mises en relation',
      'Mises en relation acceptées',
      'Propositions envoyées',
      'Réponses aux propositions',
      'Propositions acceptées',
      'Offres ayant envoyé des propositions',
      'Offres ayant une première acceptation',
      'Délai médian avant la première acceptation (heures)',
      'Propositions envoyées par offre',
      'Taux de réponse',
      'Non publié (secret statistique)',
    ]);
    expect(row?.split(';')).toHaveLength(18);
    const [machine] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Données brutes (CSV)' }).first().click(),
    ]);
    expect((await readFile((await machine.path()) as string, 'utf8')).split('\r\n')[0]).toMatch(
      /^month,vacancies_posted,/,
    );
    await checkPage(watched, 'planner');

    // A custom area from an EPCI and a commune picked by name.
    await page.getByLabel('Nom du territoire').fill('Bassin de Lacq et Pau');
    await pick(page, 'Ajouter une intercommunalité', 'Lacq', 'CC de Lacq-Orthez');
    await pick(page, 'Ajouter une commune', 'Lescar', 'Lescar (64230)');
    await page.getByRole('button', { name: 'Enregistrer le territoire' }).click();
    await page.getByText('Territoire « Bassin de Lacq et Pau » enregistré').waitFor();
    // The new area is selected once the area list has been read again (a request after the save).
    await expect
      .poll(() => page.getByLabel('Territoire', { exact: true }).inputValue(), { timeout: 60_000 })
      .toBe('bassin-de-lacq-et-pau');
    expect(watched.errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
