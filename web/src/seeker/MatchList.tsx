/** Offers for the seeker, best first, a page at a time; each opens its offer page. */
import { useEffect, useState } from 'preact/hooks';
import { api, data, messageOf, type Schemas } from '../api/client';
import { Status } from '../ui/Status';
import { commuteInWords } from './commute';

type Match = Schemas['SeekerMatch'];
const answers = { pending: 'À répondre', accepted: 'Acceptée', declined: 'Déclinée' } as const;

export function MatchList(props: { refresh: number }) {
  const [items, setItems] = useState<Match[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [state, setState] = useState<{ loading: boolean; error?: string }>({ loading: true });
  const load = async (from?: string) => {
    setState({ loading: true });
    try {
      const page = await data(
        api.GET('/v1/seekers/me/matches', {
          params: { query: { limit: 10, ...(from ? { cursor: from } : {}) } },
        }),
      );
      setItems((previous) => (from ? [...previous, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState({ loading: false });
    } catch (error) {
      setState({ loading: false, error: messageOf(error) });
    }
  };
  useEffect(() => void load(), [props.refresh]);
  return (
    <section aria-labelledby="matches-title">
      <h2 id="matches-title">Offres pour moi</h2>
      {!state.loading && items.length === 0 && !state.error && (
        <p>Aucune offre ne correspond encore à votre profil : vous serez prévenu dès qu’une arrive.</p>
      )}
      <ul class="cards">
        {items.map((match) => (
          <li key={match.id} class="card">
            <h3>
              <a href={`/m/${match.id}`}>{match.vacancy.title}</a>
            </h3>
            <p>
              {match.vacancy.labels.commune} · {match.vacancy.labels.contract} ·{' '}
              {match.vacancy.labels.shifts.join(', ')}
            </p>
            <p>
              Trajet : {commuteInWords(match.commute)} ·{' '}
              <span class={`badge ${match.response}`}>
                {match.status === 'active' ? answers[match.response] : 'Retirée'}
              </span>
            </p>
          </li>
        ))}
      </ul>
      <Status loading={state.loading} error={state.error} />
      {cursor && !state.loading && (
        <button type="button" class="secondary" onClick={() => load(cursor)}>
          Voir plus d’offres
        </button>
      )}
    </section>
  );
}
