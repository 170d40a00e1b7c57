/** Every key a vacancy item carries. Access patterns: by id; by owner, newest first (GSI1). */
export const vacancyKeys = {
  entity: 'Vacancy',
  primary: (id: string) => ({ PK: `VACANCY#${id}`, SK: 'VACANCY' }),
  byOwnerPartition: (owner: string) => `EMPLOYER#${owner}`,
  byOwner: (owner: string, createdAt: string, id: string) => ({
    GSI1PK: vacancyKeys.byOwnerPartition(owner),
    GSI1SK: `VACANCY#${createdAt}#${id}`,
  }),
} as const;
