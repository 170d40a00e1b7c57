/** Planners' mobility scenarios: one shared partition per territory, like areas. */
export const scenarioKeys = {
  entity: 'MobilityScenario',
  partition: 'SCENARIOS',
  sortPrefix: 'SCENARIO#',
} as const;
