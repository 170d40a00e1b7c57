import type { Area } from '../../domain/planning/areas';
import type { AreaStore } from '../../ports/statistics';
import type { TableClient } from './client';
import { areaKeys } from './keys/area-keys';
import { teamCollection } from './team-collection';

export const dynamoAreaStore = (table: TableClient): AreaStore =>
  teamCollection<Area & { id: string }>(table, areaKeys);
