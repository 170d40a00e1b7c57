/** Messages sent to the seeker (or waiting), newest first, with why they wait, in the API's words. */
import { api, data } from '../api/client';
import { dateInWords } from '../format';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';

const statuses = {
  pending: 'En préparation',
  held: 'En attente',
  digest: 'Dans le récapitulatif',
  sending: 'Envoi en cours',
  sent: 'Envoyée',
  withdrawn: 'Retirée',
  skipped: 'Non envoyée',
} as const;

export function Inbox(props: { refresh: number }) {
  const inbox = useLoad(
    () => data(api.GET('/v1/seekers/me/notifications', { params: { query: { limit: 20 } } })),
    [props.refresh],
  );
  return (
    <section aria-labelledby="inbox-title">
      <h2 id="inbox-title">Messages reçus</h2>
      <Status loading={inbox.loading && !inbox.data} error={inbox.error} />
      {inbox.data && inbox.data.items.length === 0 && <p>Aucun message pour l’instant.</p>}
      <ul class="inbox">
        {(inbox.data?.items ?? []).map((entry) => (
          <li key={entry.id}>
            <a href={`/m/${entry.id}`}>{entry.vacancy.title}</a> — {entry.vacancy.commune.name},{' '}
            {dateInWords(entry.sentAt ?? entry.createdAt)} : {statuses[entry.status]}
            {entry.reasonText ? ` (${entry.reasonText})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
