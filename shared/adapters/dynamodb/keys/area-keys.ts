/** Planners' custom areas: one shared partition (a territory has tens of them, not millions). */
export const areaKeys = {
  entity: 'PlanningArea',
  primary: (id: string) => ({ PK: 'AREAS', SK: `AREA#${id}` }),
  partition: 'AREAS',
  sortPrefix: 'AREA#',
} as const;
