/** A vacancy's candidates, best first, a page at a time ("Voir plus"), with counts over all of them. */
import { useEffect, useState } from 'preact/hooks';
import { api, data, messageOf, type Schemas } from '../api/client';
import { Reasons } from '../ui/Reasons';
import { Status } from '../ui/Status';
import { contactInWords } from './contact';

type Candidate = Schemas['Candidate'];
const pageSize = 10;

export function Candidates(props: { vacancyId: string; title: string; refresh: number }) {
  const [items, setItems] = useState<Candidate[]>([]);
  const [counts, setCounts] = useState<Schemas['CandidateCounts']>();
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const load = async (from?: string) => {
    setLoading(true);
    try {
      const page = await data(
        api.GET('/v1/vacancies/{id}/matches', {
          params: {
            path: { id: props.vacancyId },
            query: { limit: pageSize, ...(from ? { cursor: from } : {}) },
          },
        }),
      );
      setItems((previous) => (from ? [...previous, ...page.items] : page.items));
      setCounts(page.counts);
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), [props.vacancyId, props.refresh]);
  return (
    <section aria-labelledby="candidates-title" class="panel">
      <h2 id="candidates-title">Candidats pour « {props.title} »</h2>
      {counts && (
        <p>
          {counts.candidates === 0
            ? 'Aucun candidat pour l’instant : ils arrivent dès qu’un profil correspond.'
            : `${counts.candidates} candidat${counts.candidates > 1 ? 's' : ''}, dont ${counts.accepted} ${counts.accepted > 1 ? 'ont' : 'a'} accepté et ${counts.declined} ${counts.declined > 1 ? 'ont' : 'a'} décliné. Leur nom et leur contact n’apparaissent que s’ils acceptent.`}
        </p>
      )}
      <ul class="cards">
        {items.map((candidate) => (
          <li key={candidate.id} class="card">
            <p>
              <strong>Adéquation {candidate.score} / 100</strong> — habite {candidate.candidate.area}, trajet{' '}
              {candidate.candidate.commuteBand}
            </p>
            <Reasons label="Pourquoi ce candidat" explanation={candidate.explanation} />
            <p class={candidate.response === 'accepted' ? 'accepted' : undefined}>
              {candidate.response === 'accepted' && candidate.contact
                ? `A accepté : ${contactInWords(candidate.contact)}`
                : candidate.response === 'declined'
                  ? 'A décliné l’offre.'
                  : 'N’a pas encore répondu.'}
            </p>
          </li>
        ))}
      </ul>
      <Status loading={loading} error={error} />
      {cursor && !loading && (
        <button type="button" class="secondary" onClick={() => load(cursor)}>
          Voir plus de candidats
        </button>
      )}
    </section>
  );
}
