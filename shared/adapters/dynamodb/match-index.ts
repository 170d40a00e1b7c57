import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  cellHeightKm,
  cellLevels,
  cellOf,
  coverLevel,
  minDistanceToCellKm,
  neighbourhood,
  type Point,
  ringsFor,
} from '../../domain/geo';
import { type MatchableSeeker, type SeekerProfile, upgradeSeekerProfile } from '../../domain/seeker';
import { upgradeVacancy } from '../../domain/vacancy';
import type { MatchIndex } from '../../ports/matching';
import type { TableClient } from './client';
import { takeBackIfErased } from './erasure-guard';
import { deleteKeys, domainOf, type QueryMeter, queryAll } from './items';
import { seekerReachKeys } from './keys/seeker-reach-keys';
import { openVacancyLevel, vacancyKeys } from './keys/vacancy-keys';

/**
 * Candidate retrieval with no Scan. A seeker is indexed, per sector, in the cell of their
 * home at the finest level whose 3×3 neighbourhood covers their reach disc. So the
 * seekers who might reach a site are all in the 3×3 cells around the site, at each level:
 * at most 5 levels × 9 cells, all queried in parallel, each skipping the seekers whose
 * reach is shorter than the distance from the site to their cell.
 */
export function dynamoMatchIndex(table: TableClient, options: { meter?: QueryMeter } = {}): MatchIndex {
  const { tableName } = table;
  return {
    async seekersInReach(sector, site) {
      const queries = cellLevels.flatMap((level) =>
        neighbourhood(site, level)
          .map((cell) => ({ cell, nearest: minDistanceToCellKm(site, cell) }))
          // Seekers indexed at this level reach no farther than one cell height.
          .filter(({ nearest }) => nearest <= cellHeightKm(level))
          .map(({ cell, nearest }) =>
            queryAll(
              table,
              {
                TableName: tableName,
                IndexName: 'GSI2',
                KeyConditionExpression: 'GSI2PK = :cell AND GSI2SK >= :reach',
                ExpressionAttributeValues: {
                  ':cell': seekerReachKeys.cellPartition(sector, cell),
                  ':reach': seekerReachKeys.reachAtLeast(nearest),
                },
              },
              options.meter,
            ),
          ),
      );
      const pages = await Promise.all(queries);
      return pages
        .flat()
        .map((item) => upgradeSeekerProfile(item.profile as Record<string, unknown>) as MatchableSeeker);
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
      const keep = new Set(
        profile && home ? profile.sectors.map((s) => seekerReachKeys.primary(seekerId, s).SK) : [],
      );
      const stale = existing.filter((item) => !keep.has(item.SK as string));
      await deleteKeys(
        table,
        stale.map((item) => ({ PK: item.PK, SK: item.SK })),
      );
      if (!profile || !home) return;
      const items = reachIndexItems(seekerId, profile, home, reachKm);
      await Promise.all(items.map((Item) => table.doc.send(new PutCommand({ TableName: tableName, Item }))));
      await takeBackIfErased(
        table,
        seekerId,
        items.map(({ PK, SK }) => ({ PK, SK })),
      );
    },
  };
}

/** The reach-index items of a seeker: one per sector, in the cell that covers their reach. */
export function reachIndexItems(seekerId: string, profile: SeekerProfile, home: Point, reachKm: number) {
  const cell = cellOf(home, coverLevel(home, reachKm));
  // Matching needs the profile, never the contact details.
  const { contact: _contact, ...snapshot } = profile;
  return profile.sectors.map((sector) => ({
    ...seekerReachKeys.primary(seekerId, sector),
    ...seekerReachKeys.byCell(sector, cell, reachKm, seekerId),
    entity: seekerReachKeys.entity,
    reachKm: Math.round(reachKm * 10) / 10,
    profile: snapshot,
  }));
}
