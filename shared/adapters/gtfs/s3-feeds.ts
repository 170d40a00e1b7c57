/**
 * GTFS zips under an S3 prefix, for the scheduled import: listed with their ETags (the
 * fingerprint that tells an unchanged set apart) and copied to /tmp, where the zip
 * reader can seek in them.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { openGtfsZip } from './zip-feed';

export interface S3Feed {
  key: string;
  fingerprint: string;
}

export async function listFeeds(s3: S3Client, bucket: string, prefix: string): Promise<S3Feed[]> {
  const feeds: S3Feed[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? [])
      if (object.Key?.toLowerCase().endsWith('.zip'))
        feeds.push({ key: object.Key, fingerprint: `${object.Key}@${object.ETag ?? ''}` });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return feeds.sort((a, b) => a.key.localeCompare(b.key));
}

/** Downloads the feeds into a fresh folder; `remove()` deletes it. */
export async function downloadFeeds(s3: S3Client, bucket: string, feeds: S3Feed[]) {
  const folder = await mkdtemp(join(tmpdir(), 'gtfs-'));
  const files: string[] = [];
  for (const feed of feeds) {
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: feed.key }));
    const file = join(folder, `${files.length}-${basename(feed.key)}`);
    await pipeline(Body as Readable, createWriteStream(file));
    files.push(file);
  }
  return { files, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** The feeds downloaded and opened for the importer; `close()` releases and deletes them. */
export async function openS3Feeds(s3: S3Client, bucket: string, listed: S3Feed[]) {
  const downloaded = await downloadFeeds(s3, bucket, listed);
  const feeds: Awaited<ReturnType<typeof openGtfsZip>>[] = [];
  const close = async () => {
    for (const feed of feeds) feed.close();
    await downloaded.remove();
  };
  try {
    for (const file of downloaded.files) feeds.push(await openGtfsZip(file));
  } catch (error) {
    await close();
    throw error;
  }
  return { feeds, close };
}
