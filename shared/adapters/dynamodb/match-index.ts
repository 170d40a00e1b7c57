import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  cellHeightKm,
  cellLevels,
  cellOf,
  coverLevel,
  minDistanceToCellKm,
  neighbourhood,
  type Point,
  reachDirections,
  reachLevels,
  ringsFor,
  seekerProjectionKm,
  siteProjection,
} from '../../domain/geo';
import type { Shift } from '../../domain/schema-parts';
import { type MatchableSeeker, type SeekerProfile, upgradeSeekerProfile } from '../../domain/seeker';
import { upgradeVacancy } from '../../domain/vacancy';
import type { MatchIndex } from '../../ports/matching';
import type { TableClient } from './client';
import { takeBackIfErased } from './erasure-guard';
import { deleteKeys, domainOf, putItems, type QueryMeter, queryAll } from './items';
import { legacyReachKeys, seekerReachKeys, shiftClassesFor, shiftClassesOf } from './keys/seeker-reach-keys';
import { openVacancyLevel, vacancyKeys } from './keys/vacancy-keys';

/**
 * Candidate retrieval with no Scan. A seeker is indexed, per sector and per shift they work
 * (or `any`), in the cell of their home at the finest level whose 3×3 neighbourhood covers
 * their reach disc, once per direction with their reach projected on it. So the seekers who
 * might reach a site are in the 3×3 cells around it at each level (up to 4 levels), in the
 * partitions of the vacancy's shifts and `any`: one query per cell and shift class, each
 * reading only the seekers whose projection reaches the site along the direction it lies in.
 */
export function dynamoMatchIndex(table: TableClient, options: { meter?: QueryMeter } = {}): MatchIndex {
  const { tableName } = table;
  // Once the migration marker is seen it stays (nothing writes format 1 any more).
  let legacyGone = false;
  const query = (partition: string, from: string) =>
    queryAll(
      table,
      {
        TableName: tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :cell AND GSI2SK >= :from',
        ExpressionAttributeValues: { ':cell': partition, ':from': from },
      },
      options.meter,
    );

  async function legacyCandidates(sector: string, site: Point) {
    if (legacyGone) return [];
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: tableName, Key: seekerReachKeys.migrated }),
    );
    if (options.meter) {
      options.meter.requests++;
      options.meter.items += Item ? 1 : 0;
    }
    if (Item) {
      legacyGone = true;
      return [];
    }
    const pages = await Promise.all(
      cellLevels.flatMap((level) =>
        neighbourhood(site, level)
          .map((cell) => ({ cell, nearest: minDistanceToCellKm(site, cell) }))
          .filter(({ nearest }) => nearest <= cellHeightKm(level))
          .map(({ cell, nearest }) =>
            query(legacyReachKeys.cellPartition(sector, cell), legacyReachKeys.reachAtLeast(nearest)),
          ),
      ),
    );
    return pages.flat();
  }

  return {
    async seekersInReach(sector, site, shifts) {
      const classes = shiftClassesFor(shifts);
      const queries = reachLevels.flatMap((level) =>
        neighbourhood(site, level)
          // Seekers indexed at this level reach no farther than one cell height.
          .filter((cell) => minDistanceToCellKm(site, cell) <= cellHeightKm(level))
          .flatMap((cell) => {
            const { direction, km } = siteProjection(site, cell);
            return classes.map((shift) =>
              query(
                seekerReachKeys.partition(sector, shift, cell, direction),
                seekerReachKeys.projectionAtLeast(km),
              ),
            );
          }),
      );
      const [pages, legacy] = await Promise.all([Promise.all(queries), legacyCandidates(sector, site)]);
      // A seeker working two of the vacancy's shifts (or found in both formats mid-migration) is read twice.
      const seekers = new Map<string, MatchableSeeker>();
      for (const item of [...pages.flat(), ...legacy]) {
        const seeker = upgradeSeekerProfile(item.profile as Record<string, unknown>) as MatchableSeeker;
        seekers.set(seeker.id, seeker);
      }
      return [...seekers.values()];
    },

    async openVacanciesInReach(sector, home, reachKm) {
      const cells = neighbourhood(home, openVacancyLevel, ringsFor(home, openVacancyLevel, reachKm)).filter(
        (cell) => minDistanceToCellKm(home, cell) <= reachKm,
      );
      const pages = await Promise.all(
        cells.map((cell) =>
          queryAll(
            table,
            {
              TableName: tableName,
              IndexName: 'GSI3',
              KeyConditionExpression: 'GSI3PK = :cell',
              ExpressionAttributeValues: { ':cell': vacancyKeys.openPartition(sector, cell) },
            },
            options.meter,
          ),
        ),
      );
      return pages.flat().map((item) => upgradeVacancy(domainOf(item)));
    },

    async reindexSeeker(seekerId, profile, home, reachKm) {
      const existing = await queryAll(table, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :reach)',
        ExpressionAttributeValues: { ':pk': `SEEKER#${seekerId}`, ':reach': seekerReachKeys.sortPrefix },
        ProjectionExpression: 'PK, SK',
        ConsistentRead: true,
      });
      const items = profile && home ? reachIndexItems(seekerId, profile, home, reachKm) : [];
      // Format 1 items have other sort keys: they go here too.
      const keep = new Set(items.map((item) => item.SK));
      const stale = existing.filter((item) => !keep.has(item.SK as string));
      await deleteKeys(
        table,
        stale.map((item) => ({ PK: item.PK, SK: item.SK })),
      );
      if (items.length === 0) return;
      // Sectors × shift classes × 8 directions, often more than a dozen: 25 per BatchWrite, not a request each.
      await putItems(table, items);
      await takeBackIfErased(
        table,
        seekerId,
        items.map(({ PK, SK }) => ({ PK, SK })),
      );
    },

    async markReindexed() {
      await table.doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...seekerReachKeys.migrated, format: seekerReachKeys.format },
        }),
      );
      legacyGone = true;
    },
  };
}

/**
 * The reach-index items of a seeker: per sector, per shift class and per direction, in the
 * cell that covers their reach.
 */
export function reachIndexItems(seekerId: string, profile: SeekerProfile, home: Point, reachKm: number) {
  const cell = cellOf(home, coverLevel(home, reachKm, reachLevels));
  const projections = Array.from({ length: reachDirections }, (_, direction) =>
    seekerProjectionKm(home, cell, reachKm, direction),
  );
  // Matching needs the profile, never the contact details.
  const { contact: _contact, ...snapshot } = profile;
  return profile.sectors.flatMap((sector) =>
    shiftClassesOf(profile.shifts as Shift[] | undefined).flatMap((shift) =>
      projections.map((projection, direction) => ({
        ...seekerReachKeys.primary(seekerId, sector, shift, direction),
        ...seekerReachKeys.byCell(sector, shift, cell, direction, projection, seekerId),
        entity: seekerReachKeys.entity,
        reachKm: Math.round(reachKm * 10) / 10,
        profile: snapshot,
      })),
    ),
  );
}

/** A seeker's reach-index items as format 1 wrote them (to test the migration and the reads before it). */
export function legacyReachIndexItems(
  seekerId: string,
  profile: SeekerProfile,
  home: Point,
  reachKm: number,
) {
  const cell = cellOf(home, coverLevel(home, reachKm));
  const { contact: _contact, ...snapshot } = profile;
  return profile.sectors.map((sector) => ({
    ...legacyReachKeys.primary(seekerId, sector),
    ...legacyReachKeys.byCell(sector, cell, reachKm, seekerId),
    entity: seekerReachKeys.entity,
    reachKm: Math.round(reachKm * 10) / 10,
    profile: snapshot,
  }));
}
