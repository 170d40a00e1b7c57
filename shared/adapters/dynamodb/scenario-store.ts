import type { Scenario } from '../../domain/transit/scenario';
import type { ScenarioStore } from '../../ports/timetable';
import type { TableClient } from './client';
import { scenarioKeys } from './keys/scenario-keys';
import { teamCollection } from './team-collection';

export const dynamoScenarioStore = (table: TableClient): ScenarioStore =>
  teamCollection<Scenario>(table, scenarioKeys);
