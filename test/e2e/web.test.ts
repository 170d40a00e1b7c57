import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng, syntheticVacancy } from '../../infra/local/synthetic';
import { tableClientFromEnv } from '../../shared/adapters/dynamodb/client';
import { dynamoStatisticsStore } from '../../shared/adapters/dynamodb/statistics-store';
import { countEntity } from '../../shared/domain/planning/counting';
import { fixedClock, memorySeekerStore, memoryVacancyStore } from '../support/memory-stores';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

/**
 * The web app in a real browser (Debian's Chromium, driven by playwright-core) against the
 * local runtime, which serves web/dist on the API's origin. `.ci/run` installs Chromium.
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
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await mkdir('test-results', { recursive: true });
});
afterAll(() => browser?.close());

/** 30 months of SYNTHETIC vacancies counted into the runtime's table, so the forecast has history. */
async function history() {
  const clock = fixedClock();
  const vacancies = memoryVacancyStore();
  const next = prng(42);
  const deps = {
    statistics: dynamoStatisticsStore(tableClientFromEnv()),
    vacancies,
    seekers: memorySeekerStore(),
    matches: { get: async () => undefined },
    clock,
  };
  for (let i = 0; i < 300; i++) {
    const createdAt = new Date(Date.now() - (1 + Math.floor(next() * 900)) * 86_400_000).toISOString();
    const vacancy = {
      ...syntheticVacancy(next, `web-${i}`),
      site: { commune: '64445' },
      createdAt,
      updatedAt: createdAt,
    };
    vacancies.items.set(vacancy.id, { ...vacancy, status: 'closed', closedAt: createdAt });
    clock.advance(0);
    await countEntity(deps, `V#${vacancy.id}`);
  }
}

async function signIn(page: Page, name: string, role: string) {
  await page.goto(local.runtime.url);
  await page.getByLabel('Votre nom').fill(name);
  await page.getByLabel(role).check();
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function noSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('web app in Chromium', () => {
  it('the sign-in page is served on the API origin, labelled, keyboard-usable and passes axe', async () => {
    const page = await (await browser.newContext()).newPage();
    const answer = await page.goto(local.runtime.url);
    expect(answer?.headers()['content-security-policy']).toContain("default-src 'self'");
    await expect(page.getByRole('heading', { name: 'Se connecter à Bassin' }).isVisible()).resolves.toBe(
      true,
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('name');
    await page.screenshot({ path: 'test-results/web-sign-in.png', fullPage: true });
    await noSeriousViolations(page);
    await page.close();
  });

  it('a planner sees indicators, a forecast with its backtest error, tension, a catchment map, and downloads CSV', async () => {
    const { api, runtime } = local;
    const employer = await api.token('web-employer', 'employer');
    for (let i = 0; i < 2; i++)
      await api.request('POST', '/v1/vacancies', { token: employer, body: welderVacancy() });
    for (let i = 0; i < 12; i++) {
      const seeker = await api.token(`web-seeker-${i}`, 'seeker');
      await api.request('PUT', '/v1/seekers/me', { token: seeker, body: paluSeekerProfile() });
    }
    await history();
    await runtime.settled();

    const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
    await signIn(page, 'Camille', 'Chargé·e de planification');
    await page.getByRole('heading', { name: 'Planification territoriale' }).waitFor();
    const table = page.getByRole('table', { name: 'Indicateurs par mois' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(24);
    await page.getByText(/Méthode : .+ MASE [\d,]+, sMAPE [\d,]+ %/).waitFor();
    const tension = page.getByRole('table', { name: /Offres ouvertes ÷ candidats/ });
    await tension.getByRole('rowheader', { name: /H2913/ }).waitFor();
    expect(await tension.locator('tbody tr').first().locator('th, td').allTextContents()).toEqual([
      '1',
      'Soudeur / Soudeuse (H2913)',
      '2',
      '12',
      '0,17',
    ]);
    await page.screenshot({ path: 'test-results/web-planner.png', fullPage: true });
    await noSeriousViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger en CSV' }).first().click(),
    ]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'month,vacancies_posted,openings_posted,vacancies_open,vacancies_closed,median_days_to_close,seekers_active,matches_new,matches_accepted,suppressed',
    );

    await page.getByLabel('Minutes').fill('30');
    await page.getByRole('button', { name: 'Calculer' }).click();
    await page.getByRole('img', { name: 'Carte des intercommunalités à portée' }).waitFor();
    // No tile URL configured (npm start): the map is drawn from coordinates, no tile is fetched.
    expect(await page.locator('svg[aria-label="Carte des intercommunalités à portée"] image').count()).toBe(
      0,
    );
    expect(
      await page.locator('svg[aria-label="Carte des intercommunalités à portée"] circle').count(),
    ).toBeGreaterThan(0);
    expect(await page.getByText('Candidats actifs à portée :').textContent()).toContain('12');
    await page.screenshot({ path: 'test-results/web-planner-catchment.png', fullPage: true });

    // A planner defines an area; a bad EPCI code is named next to its field; the area becomes selectable.
    await page.getByLabel('Identifiant (lettres minuscules, chiffres, tirets)').fill('bearn-est');
    await page.getByLabel('Nom', { exact: true }).fill('Béarn est');
    await page
      .getByLabel('Intercommunalités (codes SIREN, séparés par des virgules)')
      .fill('200067254, 123456789');
    await page.getByRole('button', { name: 'Enregistrer le territoire' }).click();
    await page.getByText('Intercommunalité inconnue').waitFor();
    await page
      .getByLabel('Intercommunalités (codes SIREN, séparés par des virgules)')
      .fill('200067254, 246401756');
    await page.getByRole('button', { name: 'Enregistrer le territoire' }).click();
    await page.getByText('Territoire « Béarn est » enregistré.').waitFor();
    await page.locator('#area option[value="bearn-est"]').waitFor({ state: 'attached' });
    expect(await page.getByLabel('Territoire', { exact: true }).inputValue()).toBe('bearn-est');
    await page.close();
  }, 120_000);

  it('an employer posts, a seeker finds the match and accepts, the employer then sees the contact', async () => {
    const employerPage = await (await browser.newContext()).newPage();
    await signIn(employerPage, 'Aéro Lescar', 'Employeur');
    await employerPage.getByRole('heading', { name: 'Publier une offre' }).waitFor();
    // A wrong commune is refused next to its field, and what was typed stays.
    await employerPage.getByLabel('Intitulé du poste').fill('Soudeur TIG');
    await employerPage.getByLabel('Secteur').selectOption('aeronautics');
    await employerPage.getByLabel('Métier (code ROME)').fill('H2913');
    await employerPage
      .getByLabel('Compétences (séparées par des virgules)')
      .fill('soudage TIG, lecture de plans');
    expect(
      await employerPage.getByRole('list', { name: 'Compétences saisies' }).locator('li').allTextContents(),
    ).toEqual(['soudage TIG', 'lecture de plans']);
    // The commune box suggests by name; the value kept is the INSEE code.
    await employerPage.getByLabel('Commune du site (code INSEE)').fill('Lesc');
    await employerPage.locator('#commune-options option[value="64335"]').waitFor({ state: 'attached' });
    expect(
      await employerPage.locator('#commune-options option[value="64335"]').getAttribute('label'),
    ).toMatch(/^Lescar/);
    await employerPage.getByLabel('Commune du site (code INSEE)').fill('99999');
    await employerPage.getByRole('button', { name: 'Publier' }).click();
    await employerPage.getByText('Commune inconnue').waitFor();
    expect(await employerPage.getByLabel('Intitulé du poste').inputValue()).toBe('Soudeur TIG');
    await employerPage.getByLabel('Commune du site (code INSEE)').fill('64335');
    await employerPage.getByRole('button', { name: 'Publier' }).click();
    await employerPage.getByText('Offre publiée.').waitFor();
    await employerPage.getByRole('rowheader', { name: 'Soudeur TIG' }).waitFor();
    // A stale edit: someone changes the openings while the form is open.
    await employerPage.getByRole('button', { name: 'Modifier' }).first().click();
    await employerPage.getByLabel('Intitulé', { exact: true }).waitFor();
    const owner = await local.api.token('a-ro-lescar', 'employer');
    const [posted] = (await local.api.request('GET', '/v1/employers/me/vacancies', { token: owner })).body
      .items;
    const meanwhile = await local.api.request('PATCH', `/v1/vacancies/${posted.id}`, {
      token: owner,
      body: { openings: 3 },
      headers: { 'if-match': '"1"' },
    });
    expect(meanwhile.status).toBe(200);
    await employerPage.getByLabel('Intitulé', { exact: true }).fill('Soudeur TIG confirmé');
    await employerPage.getByRole('button', { name: 'Enregistrer' }).click();
    await employerPage.getByText('Nombre de postes : 1 → 3').waitFor();
    expect(await employerPage.getByLabel('Intitulé', { exact: true }).inputValue()).toBe(
      'Soudeur TIG confirmé',
    );
    await employerPage.getByRole('button', { name: 'Enregistrer' }).click();
    await employerPage.getByRole('rowheader', { name: 'Soudeur TIG confirmé' }).waitFor();
    const after = await local.api.request('GET', `/v1/vacancies/${posted.id}`, { token: owner });
    expect(after.body).toMatchObject({ title: 'Soudeur TIG confirmé', version: 3 });
    await employerPage.screenshot({ path: 'test-results/web-employer.png', fullPage: true });
    await noSeriousViolations(employerPage);

    const seekerPage = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await signIn(seekerPage, 'Léa Pau', 'En recherche d’emploi');
    await seekerPage.getByLabel('Secteurs (séparés par des virgules)').fill('aeronautics');
    await seekerPage.getByLabel('Métiers (codes ROME)').fill('H2913');
    await seekerPage.getByLabel('Compétences (séparées par des virgules)').fill('soudage TIG');
    await seekerPage.getByLabel('Commune où j’habite (code INSEE)').fill('64445');
    await seekerPage.getByLabel('Trajet maximum (minutes)').fill('40');
    await seekerPage.getByLabel('Recevoir les offres par').selectOption('sms');
    await seekerPage.getByLabel('Téléphone (format +33…)').fill('+33698765432');
    await seekerPage
      .getByLabel('Offres par jour au plus (les suivantes arrivent en résumé le lendemain)')
      .fill('2');
    await seekerPage.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    await seekerPage.getByText('Profil enregistré.').waitFor();
    const saved = await local.api.request('GET', '/v1/seekers/me', {
      token: await local.api.token('l-a-pau', 'seeker'),
    });
    expect(saved.body.notifications).toEqual({
      quietHours: { start: '20:00', end: '08:00' },
      dailyCap: 2,
      paused: false,
    });
    await local.runtime.settled();
    await seekerPage.reload();
    const card = seekerPage.getByRole('heading', { name: 'Soudeur TIG confirmé — Lescar' });
    await card.waitFor();
    expect(
      await seekerPage.getByRole('list', { name: 'Pourquoi cette offre' }).first().textContent(),
    ).toContain('Même métier : Soudeur / Soudeuse');
    await seekerPage.screenshot({ path: 'test-results/web-seeker.png', fullPage: true });
    await noSeriousViolations(seekerPage);
    const offer = seekerPage.locator('li.card', { has: card });
    await offer.getByRole('button', { name: 'Accepter' }).click();
    await offer.getByText('Acceptée : l’employeur voit votre contact.').waitFor();

    await employerPage.reload();
    await employerPage.getByRole('button', { name: 'Candidats' }).first().click();
    await employerPage.getByText('Contact : +33698765432').waitFor();
    const row = employerPage.getByRole('row', { name: /Soudeur TIG confirmé/ });
    expect(await row.locator('td').nth(2).textContent()).toMatch(/^\d+ \(1\)$/);
  }, 120_000);

  it('shows a count of fewer than 11 persons as "< 11", never as its number', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, 'Dominique', 'Chargé·e de planification');
    await page.getByRole('table', { name: 'Indicateurs par mois' }).waitFor();
    await page.getByLabel('Commune du site (code INSEE)').fill('65440');
    await page.getByLabel('Minutes').fill('15');
    const seeker = await local.api.token('web-tarbes', 'seeker');
    const put = await local.api.request('PUT', '/v1/seekers/me', {
      token: seeker,
      body: { ...paluSeekerProfile(), home: { commune: '65440' } },
    });
    expect(put.status).toBe(201);
    await local.runtime.settled();
    await page.getByRole('button', { name: 'Calculer' }).click();
    const line = page.getByText('Candidats actifs à portée :');
    await line.waitFor();
    expect(await line.textContent()).toContain('< 11');
    await page.close();
  });
});
