import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const local = useLocalRuntime();

/** Quiet hours that are not now: one minute at 03:00 Paris time, or at 15:00 if it is 3 a.m. there. */
const noQuietHours = () => {
  const parisHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
  return parisHour === 3 ? { start: '15:00', end: '15:01' } : { start: '03:00', end: '03:01' };
};

interface SeekerMatch {
  id: string;
  vacancyId: string;
  score: number;
  commute: { minutes: number };
}
interface OutboxEntry {
  to: string;
  ref: string;
  subject: string;
  text: string;
}

/** Homes around Lescar and skills that differ, so the 50 candidates' scores and commutes spread. */
const homes = ['64335', '64445', '64410', '64300'];
const skillSets = [
  ['soudage TIG', 'lecture de plans'],
  ['soudage TIG'],
  ['lecture de plans'],
  ['soudage MIG'],
];

describe('offers go to the best candidates first (local runtime)', () => {
  it('a vacancy with 2 openings and 50 matching seekers texts exactly its first wave: the best 20', async () => {
    const { api, runtime } = local;
    const seekers: { token: string; phone: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const token = await api.token(`wave-seeker-${i}`, 'seeker');
      const phone = `+3361000${String(i).padStart(4, '0')}`;
      const profile = {
        ...paluSeekerProfile(),
        home: { commune: homes[i % homes.length] },
        skills: skillSets[Math.floor(i / homes.length) % skillSets.length],
        commute: { maxMinutes: 60, modes: ['car'] },
        contact: { channel: 'sms', phone },
        notifications: { quietHours: noQuietHours() },
      };
      expect((await api.request('PUT', '/v1/seekers/me', { token, body: profile })).status).toBe(201);
      seekers.push({ token, phone });
    }
    const employer = await api.token('wave-employer', 'employer');
    const posted = await api.request('POST', '/v1/vacancies', {
      token: employer,
      body: { ...welderVacancy(), title: 'Soudeur·se TIG en vague', openings: 2 },
    });
    expect(posted.status).toBe(201);
    await runtime.settled();

    const matches: SeekerMatch[] = [];
    for (const { token } of seekers) {
      const mine = (await api.request('GET', '/v1/seekers/me/matches', { token })).body
        .items as SeekerMatch[];
      const match = mine.find((m) => m.vacancyId === posted.body.id);
      if (match) matches.push(match);
    }
    expect(matches).toHaveLength(50);
    const outbox = (await api.request('GET', '/dev/outbox')).body.items as OutboxEntry[];
    const texted = new Set(outbox.filter((m) => m.text.includes('TIG en vague')).map((m) => m.ref));
    expect(texted.size).toBe(20);
    // Every texted candidate ranks at least as well (score, then commute) as every one left waiting.
    const rank = (m: SeekerMatch) => m.score * 10_000 - m.commute.minutes;
    const worstTexted = Math.min(...matches.filter((m) => texted.has(m.id)).map(rank));
    const bestWaiting = Math.max(...matches.filter((m) => !texted.has(m.id)).map(rank));
    expect(worstTexted).toBeGreaterThanOrEqual(bestWaiting);
    const scores = matches.map((m) => m.score).sort((a, b) => b - a);
    expect(Math.min(...matches.filter((m) => texted.has(m.id)).map((m) => m.score))).toBe(scores[19]);

    // Settling again (the local wave job on its own) sends nothing more: the next wave waits for answers.
    await runtime.runJob('releaseWaves');
    await runtime.settled();
    const again = (await api.request('GET', '/dev/outbox')).body.items as OutboxEntry[];
    expect(again.filter((m) => m.text.includes('TIG en vague'))).toHaveLength(20);
  });

  it('a seeker with offers from five vacancies the same morning gets the best three by SMS, the others wait for the digest', async () => {
    const { api, runtime } = local;
    const seeker = await api.token('morning-seeker', 'seeker');
    const phone = '+33620000001';
    // Another sector than the first test's candidates, so these vacancies are this seeker's alone.
    const profile = {
      ...paluSeekerProfile(),
      sectors: ['rail'],
      commute: { maxMinutes: 60, modes: ['car'] },
      contact: { channel: 'sms', phone },
      notifications: { quietHours: noQuietHours(), dailyCap: 3 },
    };
    expect((await api.request('PUT', '/v1/seekers/me', { token: seeker, body: profile })).status).toBe(201);
    // Five vacancies that fit less and less: fewer skills, farther away.
    const variants = [
      { skills: ['soudage TIG', 'soudage MIG'], site: { commune: '64445' } },
      { skills: ['soudage TIG', 'lecture de plans'], site: { commune: '64335' } },
      { skills: ['soudage TIG', 'contrôle qualité'], site: { commune: '64410' } },
      { skills: ['soudage TIG', 'soudage MIG'], site: { commune: '64300' } },
      { skills: ['soudage MIG'], site: { commune: '64410' } },
    ];
    for (const [i, variant] of variants.entries()) {
      const employer = await api.token(`morning-employer-${i}`, 'employer');
      const posted = await api.request('POST', '/v1/vacancies', {
        token: employer,
        body: { ...welderVacancy(), ...variant, sector: 'rail', title: `Poste du matin ${i}`, openings: 1 },
      });
      expect(posted.status).toBe(201);
    }
    await runtime.settled();

    const mine = (await api.request('GET', '/v1/seekers/me/matches', { token: seeker })).body
      .items as SeekerMatch[];
    const inbox = (await api.request('GET', '/v1/seekers/me/notifications', { token: seeker })).body
      .items as { id: string; status: string; reasonText?: string }[];
    // The matches good enough for an offer: each has one, sent or waiting.
    const offered = mine.filter((m) => inbox.some((o) => o.id === m.id));
    expect(offered.length).toBeGreaterThanOrEqual(4);
    const outbox = (await api.request('GET', '/dev/outbox')).body.items as OutboxEntry[];
    const sms = outbox.filter((m) => m.to === phone);
    expect(sms).toHaveLength(3);
    const textedScores = sms
      .map((m) => offered.find((x) => x.id === m.ref)?.score ?? -1)
      .sort((a, b) => b - a);
    const bestScores = offered.map((m) => m.score).sort((a, b) => b - a);
    expect(textedScores).toEqual(bestScores.slice(0, 3));
    const waiting = inbox.filter((o) => o.status === 'digest');
    expect(waiting).toHaveLength(offered.length - 3);
    expect(waiting[0]?.reasonText).toMatch(/récapitulatif de demain/);
  });
});
