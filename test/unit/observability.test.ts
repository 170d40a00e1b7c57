import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localContext } from '../../infra/local/change-feed';
import { countEvent, observed } from '../../shared/adapters/powertools/observability';

/** The embedded-metric-format documents written to stdout while `run` runs. */
async function emitted(run: () => Promise<unknown>) {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run().catch(() => undefined);
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((line) => line.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line));
}

const handlerCounting = (count: () => void, fail = false) =>
  middy<unknown, string, Error, Context>()
    .use(observed())
    .handler(async () => {
      count();
      if (fail) throw new Error('boom');
      return 'done';
    });

describe('business metrics at the edge', () => {
  afterEach(() => vi.restoreAllMocks());

  it('publishes one EMF document per invocation with the events counted, in the Bassin namespace', async () => {
    const handler = handlerCounting(() => {
      countEvent('matchMade', 3);
      countEvent('offerSent');
    });
    const [document, ...more] = await emitted(() => handler({}, localContext('matcher') as Context));
    expect(more).toEqual([]);
    expect(document._aws.CloudWatchMetrics[0].Namespace).toBe('Bassin');
    expect(document._aws.CloudWatchMetrics[0].Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'MatchMade', Unit: 'Count' },
        { Name: 'OfferSent', Unit: 'Count' },
      ]),
    );
    expect(document).toMatchObject({ MatchMade: 3, OfferSent: 1, service: 'bassin' });
  });

  it('publishes what was counted before an error too, and nothing (not even a warning) when nothing was', async () => {
    const failing = handlerCounting(() => countEvent('vacancyPosted'), true);
    const [document] = await emitted(() => failing({}, localContext('postVacancy') as Context));
    expect(document).toMatchObject({ VacancyPosted: 1 });

    const warn = vi.spyOn(console, 'warn');
    const quiet = handlerCounting(() => countEvent('matchMade', 0));
    expect(await emitted(() => quiet({}, localContext('matcher') as Context))).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });
});
