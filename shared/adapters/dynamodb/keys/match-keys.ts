/**
 * Match items live in the seeker's partition (erasure takes them). GSI1 lists a seeker's
 * active matches best first, GSI3 a vacancy's; both are sparse: withdrawing removes the
 * keys. GSI2 finds a match by its opaque id.
 */
const scoreKey = (score: number) => `S${String(100 - score).padStart(3, '0')}`;

export const matchKeys = {
  entity: 'Match',
  primary: (seekerId: string, vacancyId: string) => ({ PK: `SEEKER#${seekerId}`, SK: `MATCH#${vacancyId}` }),
  byIdPartition: (matchId: string) => `MATCH#${matchId}`,
  byId: (matchId: string) => ({ GSI2PK: matchKeys.byIdPartition(matchId), GSI2SK: 'MATCH' }),
  bySeekerPartition: (seekerId: string) => `SEEKER#${seekerId}#MATCHES`,
  bySeeker: (seekerId: string, score: number, vacancyId: string) => ({
    GSI1PK: matchKeys.bySeekerPartition(seekerId),
    GSI1SK: `${scoreKey(score)}#${vacancyId}`,
  }),
  byVacancyPartition: (vacancyId: string) => `VACANCY#${vacancyId}#MATCHES`,
  byVacancy: (vacancyId: string, score: number, matchId: string) => ({
    GSI3PK: matchKeys.byVacancyPartition(vacancyId),
    GSI3SK: `${scoreKey(score)}#${matchId}`,
  }),
  listedAttributes: ['GSI1PK', 'GSI1SK', 'GSI3PK', 'GSI3SK'],
} as const;
