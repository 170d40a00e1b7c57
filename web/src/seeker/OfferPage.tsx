/**
 * One offer, everything needed to decide: title, employer, commune, contract, shifts,
 * salary, description, the commute and how it was obtained, the reasons; accept or decline.
 * SMS links (`/m/<id>`) open it.
 */
import { useState } from 'preact/hooks';
import { api, data, messageOf } from '../api/client';
import { dateInWords, salaryInWords } from '../format';
import { Reasons } from '../ui/Reasons';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { commuteInWords } from './commute';

export function OfferPage(props: { id: string }) {
  const offer = useLoad(
    () => data(api.GET('/v1/seekers/me/matches/{id}', { params: { path: { id: props.id } } })),
    [props.id],
  );
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const answer = async (to: 'accept' | 'decline') => {
    setBusy(true);
    try {
      const params = { params: { path: { id: props.id } } };
      await data(
        to === 'accept'
          ? api.POST('/v1/matches/{id}/accept', params)
          : api.POST('/v1/matches/{id}/decline', params),
      );
      offer.reload();
      setError(undefined);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  const match = offer.data;
  return (
    <main id="main">
      <p>
        <a href="/">← Toutes mes offres</a>
      </p>
      <Status loading={offer.loading && !match} error={offer.error} />
      {match && (
        <article aria-labelledby="offer-title">
          <h1 id="offer-title">{match.vacancy.title}</h1>
          <p class="lead">
            {match.offer?.employerName ?? 'Employeur non précisé'} — {match.vacancy.labels.commune}
          </p>
          <dl class="facts">
            <dt>Métier</dt>
            <dd>{match.vacancy.labels.occupation}</dd>
            <dt>Contrat</dt>
            <dd>{match.vacancy.labels.contract}</dd>
            <dt>Horaires</dt>
            <dd>{match.vacancy.labels.shifts.join(', ')}</dd>
            {match.offer?.salary && (
              <>
                <dt>Salaire</dt>
                <dd>{salaryInWords(match.offer.salary)}</dd>
              </>
            )}
            {match.offer?.startDate && (
              <>
                <dt>Début</dt>
                <dd>{dateInWords(match.offer.startDate)}</dd>
              </>
            )}
            <dt>Postes</dt>
            <dd>{match.offer?.openings ?? match.vacancy.openings}</dd>
            <dt>Trajet</dt>
            <dd>
              {commuteInWords(match.commute)}
              {match.commute.warnings.length > 0 && (
                <ul class="warnings">
                  {match.commute.warnings.map((warning) => (
                    <li key={warning.text}>{warning.text}</li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          {match.offer?.description && (
            <section aria-labelledby="description-title">
              <h2 id="description-title">Le poste</h2>
              <p class="description">{match.offer.description}</p>
            </section>
          )}
          <section aria-labelledby="reasons-title">
            <h2 id="reasons-title">Pourquoi cette offre vous est proposée</h2>
            <Reasons label="Pourquoi cette offre" explanation={match.explanation} />
          </section>
          {match.status !== 'active' ? (
            <p class="status">
              Cette offre n’est plus proposée{match.withdrawnReason ? ` : ${match.withdrawnReason}` : '.'}
            </p>
          ) : match.response === 'pending' ? (
            <div class="actions">
              <button type="button" disabled={busy} onClick={() => answer('accept')}>
                J’accepte : l’employeur peut me contacter
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={() => answer('decline')}>
                Non merci
              </button>
            </div>
          ) : (
            <div class="status" role="status">
              <p>
                {match.response === 'accepted'
                  ? 'Vous avez accepté : l’employeur voit votre prénom et le contact que vous avez choisi.'
                  : 'Vous avez décliné cette offre.'}
              </p>
              <button
                type="button"
                class="secondary"
                disabled={busy}
                onClick={() => answer(match.response === 'accepted' ? 'decline' : 'accept')}
              >
                {match.response === 'accepted' ? 'Retirer mon accord' : 'Finalement, j’accepte'}
              </button>
            </div>
          )}
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
        </article>
      )}
    </main>
  );
}
