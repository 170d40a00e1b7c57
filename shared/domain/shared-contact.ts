/**
 * What accepting shares with the employer: the channel chosen, the phone only for SMS, the
 * first name if given. Read from the profile each time it is shown, never copied into the
 * match: a changed or removed number or name changes or disappears for the employer too.
 */
import type { Match } from './match';
import type { SeekerProfile } from './seeker';

export function sharedContact(profile: SeekerProfile | undefined): NonNullable<Match['contact']> {
  if (!profile) return { channel: 'none' };
  const { channel, phone } = profile.contact;
  return {
    channel,
    ...(channel === 'sms' && phone ? { phone } : {}),
    ...(profile.firstName ? { firstName: profile.firstName } : {}),
  };
}
