import { phoneForPeople } from '../format';
import { channelChoices } from '../words';

/** "Inès — SMS : 06 12 34 56 78": the contact a candidate chose, in words. */
export function contactInWords(contact: {
  firstName?: string;
  channel: 'sms' | 'push' | 'none';
  phone?: string;
}) {
  const channel = channelChoices.find(([key]) => key === contact.channel)?.[1] ?? '';
  const how =
    contact.channel === 'sms' && contact.phone
      ? `SMS au ${phoneForPeople(contact.phone)}`
      : contact.channel === 'push'
        ? `${channel} (par Bassin)`
        : 'pas de moyen de contact choisi';
  return `${contact.firstName ?? 'Le candidat'} — ${how}`;
}
