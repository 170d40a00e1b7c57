import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { entityImage, tableStreamEvent } from '../../events/table-stream';
import { entities } from '../../shared/entities';
import { useLocalRuntime } from '../support/runtime';
import { welderVacancy } from '../support/samples';

let acme: string;
let rival: string;
const streamRecords: DynamoDBRecord[] = [];

const local = useLocalRuntime({
  extraConsumers: [
    {
      name: 'test-recorder',
      batchSize: 10,
      entities: ['Vacancy'],
      handler: async (event) => {
        streamRecords.push(...event.Records);
        return { batchItemFailures: [] };
      },
    },
  ],
});
beforeAll(async () => {
  acme = await local.api.token('acme', 'employer');
  rival = await local.api.token('rival', 'employer');
});

describe('vacancies through the local API', () => {
  it('posts, reads, amends with If-Match and closes', async () => {
    const posted = await local.api.request('POST', '/v1/vacancies', { token: acme, body: welderVacancy() });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      status: 'open',
      version: 1,
      owner: 'acme',
      site: { commune: '64335' },
    });
    expect(posted.headers.get('location')).toBe(`/v1/vacancies/${posted.body.id}`);
    expect(posted.headers.get('etag')).toBe('"1"');
    // Rate limit and allowed origin on every answer; creating is throttled harder than reading.
    expect(posted.headers.get('x-ratelimit-limit')).toBe('5');
    expect(posted.headers.get('access-control-allow-origin')).toBe(local.runtime.url);

    const location = posted.headers.get('location') as string;
    const read = await local.api.request('GET', location, { token: acme });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(posted.body);
    expect(read.headers.get('x-ratelimit-limit')).toBe('50');

    const noIfMatch = await local.api.request('PATCH', location, { token: acme, body: { openings: 3 } });
    expect(noIfMatch.status).toBe(428);
    expect(noIfMatch.headers.get('content-type')).toBe('application/problem+json');

    const amended = await local.api.request('PATCH', location, {
      token: acme,
      body: { openings: 3, salary: null },
      headers: { 'if-match': '"1"', 'content-type': 'application/merge-patch+json' },
    });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ openings: 3, version: 2 });
    expect(amended.body.salary).toBeUndefined();
    expect(amended.headers.get('etag')).toBe('"2"');

    const stale = await local.api.request('PATCH', location, {
      token: acme,
      body: { openings: 7 },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect((await local.api.request('GET', location, { token: acme })).body.openings).toBe(3);

    const closed = await local.api.request('POST', `${location}/close`, { token: acme });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 3 });
    expect((await local.api.request('POST', `${location}/close`, { token: acme })).body.version).toBe(3);

    const afterClose = await local.api.request('PATCH', location, {
      token: acme,
      body: { openings: 1 },
      headers: { 'if-match': '"3"' },
    });
    expect(afterClose.status).toBe(409);
  });

  it("hides another employer's vacancy behind 404 on every {id} route", async () => {
    const posted = await local.api.request('POST', '/v1/vacancies', { token: acme, body: welderVacancy() });
    const location = posted.headers.get('location') as string;
    expect((await local.api.request('GET', location, { token: rival })).status).toBe(404);
    const patch = await local.api.request('PATCH', location, {
      token: rival,
      body: { openings: 9 },
      headers: { 'if-match': '"1"' },
    });
    expect(patch.status).toBe(404);
    expect((await local.api.request('POST', `${location}/close`, { token: rival })).status).toBe(404);
    expect((await local.api.request('GET', location, { token: acme })).body).toMatchObject({
      status: 'open',
      openings: 2,
    });
  });

  it('lists my vacancies, newest first, page by page', async () => {
    const lister = await local.api.token('lister', 'employer');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const posted = await local.api.request('POST', '/v1/vacancies', {
        token: lister,
        body: { ...welderVacancy(), title: `Poste ${i}` },
      });
      ids.push(posted.body.id);
    }
    const first = await local.api.request('GET', '/v1/employers/me/vacancies?limit=2', { token: lister });
    expect(first.status).toBe(200);
    expect(first.body.items.map((v: { title: string }) => v.title)).toEqual(['Poste 4', 'Poste 3']);
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await local.api.request('GET', `/v1/employers/me/vacancies?limit=2&cursor=${cursor}`, {
        token: lister,
      });
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(seen.map((v) => v.id).sort()).toEqual(ids.sort());

    const foreign = await local.api.request(
      'GET',
      `/v1/employers/me/vacancies?cursor=${first.body.nextCursor}`,
      {
        token: acme,
      },
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('query.cursor');
    const tooMany = await local.api.request('GET', '/v1/employers/me/vacancies?limit=101', { token: lister });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('query.limit');
  });

  it('feeds every vacancy write to the stream consumers, in order', async () => {
    const posted = await local.api.request('POST', '/v1/vacancies', { token: acme, body: welderVacancy() });
    const location = posted.headers.get('location') as string;
    await local.api.request('POST', `${location}/close`, { token: acme });
    await local.runtime.feed.idle();
    const mine = streamRecords.filter((r) => r.dynamodb?.Keys?.PK?.S === `VACANCY#${posted.body.id}`);
    expect(mine.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY']);
    expect(mine[1]?.dynamodb?.OldImage?.status?.S).toBe('open');
    expect(mine[1]?.dynamodb?.NewImage?.status?.S).toBe('closed');
    // The local records have the exact shape Lambda delivers, images included.
    const parsed = tableStreamEvent.parse({ Records: mine });
    const { labels: _labels, ...stored } = posted.body;
    expect(entityImage(parsed.Records[0]?.dynamodb.NewImage, entities.vacancy)).toEqual(stored);
  });
});
