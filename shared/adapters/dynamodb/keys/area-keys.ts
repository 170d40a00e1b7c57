/** Planners' custom areas: one shared partition (a territory has tens of them, not millions). */
export const areaKeys = {
  entity: 'PlanningArea',
  partition: 'AREAS',
  sortPrefix: 'AREA#',
} as const;
