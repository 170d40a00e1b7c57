/**
 * An employer's in-app notices live in the employer's partition, newest first by sort key;
 * one item per (answer time, match), so a redelivered stream record writes the same item.
 * They name the match, never the person: the first name and contact are read from the
 * match (in the seeker's partition), so erasing the seeker leaves nothing of them here.
 */
export const employerNoticeKeys = {
  entity: 'EmployerNotice',
  partition: (employerId: string) => `EMPLOYER#${employerId}`,
  sortPrefix: 'NOTICE#',
  primary: (employerId: string, at: string, matchId: string) => ({
    PK: employerNoticeKeys.partition(employerId),
    SK: `${employerNoticeKeys.sortPrefix}${at}#${matchId}`,
  }),
  seen: (employerId: string) => ({ PK: employerNoticeKeys.partition(employerId), SK: 'NOTICES#SEEN' }),
  seenEntity: 'EmployerNoticesSeen',
} as const;
