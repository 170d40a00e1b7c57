import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const local = useLocalRuntime({ queueRetryBaseSeconds: 0.05 });
/** Quiet hours that are not now: one minute at 03:00 Paris time, or at 15:00 if it is 3 a.m. there. */
const noQuietHours = () => {
  const parisHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
  return parisHour === 3 ? { start: '15:00', end: '15:01' } : { start: '03:00', end: '03:01' };
};

/** Quiet hours around now, Paris time: from an hour ago to an hour ahead. */
const quietNow = () => {
  const at = (offsetMs: number) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(Date.now() + offsetMs));
  return { start: at(-3600_000), end: at(3600_000) };
};

describe('offers through SNS, SQS and the deliverer (local runtime)', () => {
  it('a matching vacancy sends one SMS to the outbox and one inbox entry; redelivery sends nothing more', async () => {
    const { api, runtime } = local;
    const seeker = await api.token('sms-seeker', 'seeker');
    const employer = await api.token('sms-employer', 'employer');
    const profile = { ...paluSeekerProfile(), notifications: { quietHours: noQuietHours() } };
    expect((await api.request('PUT', '/v1/seekers/me', { token: seeker, body: profile })).status).toBe(201);
    const posted = await api.request('POST', '/v1/vacancies', { token: employer, body: welderVacancy() });
    await runtime.settled();

    const outbox = (await api.request('GET', '/dev/outbox')).body.items;
    const mine = outbox.filter((m: { to: string }) => m.to === '+33612345678');
    expect(mine).toHaveLength(1);
    expect(mine[0].channel).toBe('sms');
    expect(mine[0].text).toMatch(
      /^Bassin : Soudeur·se TIG aéronautique à Lescar \(\d+ min en voiture\)\. Voir : http:\/\/localhost:\d+\/m\/[\w-]{22} — Stop : http:\/\/localhost:\d+\/u\/[\w.-]+$/,
    );

    const inbox = await api.request('GET', '/v1/seekers/me/notifications', { token: seeker });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items).toHaveLength(1);
    expect(inbox.body.items[0]).toMatchObject({ status: 'sent', channel: 'sms', vacancyId: posted.body.id });

    // The vacancy changes: the match is refreshed, the offer is not sent again.
    await api.request('PATCH', `/v1/vacancies/${posted.body.id}`, {
      token: employer,
      body: { openings: 4 },
      headers: { 'if-match': '"1"' },
    });
    await runtime.settled();
    const again = (await api.request('GET', '/dev/outbox')).body.items.filter(
      (m: { to: string }) => m.to === '+33612345678',
    );
    expect(again).toHaveLength(1);

    // The one-click link in the message stops everything.
    const token = /\/u\/([\w.-]+)$/.exec(mine[0].text)?.[1];
    expect(
      (
        await api.request('POST', '/v1/notifications/unsubscribe', {
          headers: { 'x-unsubscribe-token': token ?? '' },
        })
      ).status,
    ).toBe(204);
    expect((await api.request('GET', '/v1/seekers/me', { token: seeker })).body.notifications.paused).toBe(
      true,
    );
    expect(
      (
        await api.request('POST', '/v1/notifications/unsubscribe', {
          headers: { 'x-unsubscribe-token': `${token}x` },
        })
      ).status,
    ).toBe(400);
  });

  it('pushes to the registered device when the seeker chose push', async () => {
    const { api, runtime } = local;
    const seeker = await api.token('push-seeker', 'seeker');
    const device = await api.request('PUT', '/v1/seekers/me/devices', {
      token: seeker,
      body: { platform: 'android', token: 'fcm-token-of-a-test-phone' },
    });
    expect(device.status).toBe(200);
    const profile = {
      ...paluSeekerProfile(),
      contact: { channel: 'push' },
      notifications: { quietHours: noQuietHours() },
    };
    await api.request('PUT', '/v1/seekers/me', { token: seeker, body: profile });
    await runtime.settled();
    const pushed = (await api.request('GET', '/dev/outbox')).body.items.filter(
      (m: { channel: string; to: string }) =>
        m.channel === 'push' && m.to === `local:android:${device.body.id}`,
    );
    expect(pushed.length).toBeGreaterThan(0);
    expect(pushed[0].text).toMatch(/^Bassin : /);
  });

  it('holds offers during quiet hours and keeps them out of the outbox', async () => {
    const { api, runtime } = local;
    const seeker = await api.token('night-seeker', 'seeker');
    const employer = await api.token('night-employer', 'employer');
    const profile = {
      ...paluSeekerProfile(),
      contact: { channel: 'sms', phone: '+33611111111' },
      notifications: { quietHours: quietNow() },
    };
    await api.request('PUT', '/v1/seekers/me', { token: seeker, body: profile });
    await api.request('POST', '/v1/vacancies', { token: employer, body: welderVacancy() });
    await runtime.settled();
    const inbox = await api.request('GET', '/v1/seekers/me/notifications', { token: seeker });
    expect(inbox.body.items[0]).toMatchObject({
      status: 'held',
      reason: 'offer.quietHours',
      reasonText: 'En attente : heures calmes, envoi à leur fin',
    });
    expect(inbox.body.items[0].notBefore).toBeDefined();
    const outbox = (await api.request('GET', '/dev/outbox')).body.items;
    expect(outbox.filter((m: { to: string }) => m.to === '+33611111111')).toEqual([]);
  });

  it('sends nothing to a seeker who chose no channel or unsubscribed', async () => {
    const { api, runtime } = local;
    const quiet = await api.token('quiet-seeker', 'seeker');
    await api.request('PUT', '/v1/seekers/me', {
      token: quiet,
      body: { ...paluSeekerProfile(), contact: { channel: 'none' } },
    });
    // Unsubscribe first (with no channel yet, so nothing can be sent before), then choose SMS,
    // keeping the preferences the unsubscribe set: from then on no offer may go out.
    const paused = await api.token('paused-seeker', 'seeker');
    await api.request('PUT', '/v1/seekers/me', {
      token: paused,
      body: { ...paluSeekerProfile(), contact: { channel: 'none' } },
    });
    expect(
      (await api.request('POST', '/v1/seekers/me/notifications/unsubscribe', { token: paused })).status,
    ).toBe(204);
    const stored = (await api.request('GET', '/v1/seekers/me', { token: paused })).body;
    expect(stored.notifications.paused).toBe(true);
    await api.request('PUT', '/v1/seekers/me', {
      token: paused,
      body: {
        ...paluSeekerProfile(),
        contact: { channel: 'sms', phone: '+33622222222' },
        notifications: stored.notifications,
      },
    });
    await api.request('POST', '/v1/vacancies', {
      token: await api.token('e3', 'employer'),
      body: welderVacancy(),
    });
    await runtime.settled();
    expect((await api.request('GET', '/v1/seekers/me/notifications', { token: quiet })).body.items).toEqual(
      [],
    );
    expect((await api.request('GET', '/v1/seekers/me/notifications', { token: paused })).body.items).toEqual(
      [],
    );
    const outbox = (await api.request('GET', '/dev/outbox')).body.items;
    expect(outbox.filter((m: { to: string }) => m.to === '+33622222222')).toEqual([]);
    // Matching still happens: only the messages stop.
    expect(
      (await api.request('GET', '/v1/seekers/me/matches', { token: paused })).body.items.length,
    ).toBeGreaterThan(0);
  });
});

describe('failed deliveries', () => {
  it('retry with backoff, then park in the dead-letter queue, visible and re-drivable', async () => {
    const { api, runtime } = local;
    const sns = new SNSClient({
      endpoint: runtime.messaging.endpoint,
      region: 'eu-west-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    // A message no deliverer can read: it must not be lost, nor retried for ever.
    await sns.send(
      new PublishCommand({
        TopicArn: runtime.messaging.topicArn,
        Message: '{"eventType":"OfferPublished","version":1}',
        MessageAttributes: {
          eventType: { DataType: 'String', StringValue: 'OfferPublished' },
          channel: { DataType: 'String', StringValue: 'sms' },
        },
      }),
    );
    await runtime.settled();
    const parked = await api.request('GET', '/dev/dead-letters');
    expect(parked.body.items).toEqual([
      expect.objectContaining({ consumer: 'deliverer', body: { eventType: 'OfferPublished', version: 1 } }),
    ]);
    const redriven = await api.request('POST', '/dev/dead-letters/redrive');
    expect(redriven.body).toEqual({ redriven: 1 });
    await runtime.settled();
    expect((await api.request('GET', '/dev/dead-letters')).body.items).toHaveLength(1);
    sns.destroy();
  });
});
