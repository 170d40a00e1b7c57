/** Devices registered for push, in the seeker's partition (erasure takes them). */
export const deviceKeys = {
  entity: 'Device',
  primary: (seekerId: string, deviceId: string) => ({ PK: `SEEKER#${seekerId}`, SK: `DEVICE#${deviceId}` }),
  sortPrefix: 'DEVICE#',
} as const;
