/** The employer's vacancies as cards (they fit a phone), with true candidate counts and what can be done. */
import { api, data, type Schemas } from '../api/client';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Status } from '../ui/Status';
import type { Loaded } from '../ui/useLoad';

export type ListedVacancy = Schemas['VacancyPage']['items'][number];

export function VacancyList(props: {
  vacancies: Loaded<Schemas['VacancyPage']>;
  onCandidates: (vacancy: ListedVacancy) => void;
  onEdit: (vacancy: ListedVacancy) => void;
  onChanged: (message: string) => void;
}) {
  const items = props.vacancies.data?.items ?? [];
  const path = (vacancy: ListedVacancy) => ({ params: { path: { id: vacancy.id } } });
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">Mes offres</h2>
      <Status loading={props.vacancies.loading && !props.vacancies.data} error={props.vacancies.error} />
      {props.vacancies.data && items.length === 0 && <p>Vous n’avez pas encore publié d’offre.</p>}
      <ul class="cards">
        {items.map((vacancy) => (
          <li key={vacancy.id} class="card" aria-labelledby={`vacancy-${vacancy.id}`}>
            <h3 id={`vacancy-${vacancy.id}`}>{vacancy.title}</h3>
            <p>
              {vacancy.labels.commune} · {vacancy.labels.contract} · {vacancy.labels.shifts.join(', ')} ·{' '}
              {vacancy.openings} poste{vacancy.openings > 1 ? 's' : ''}
            </p>
            <p>
              <span class={vacancy.status === 'open' ? 'badge open' : 'badge closed'}>
                {vacancy.status === 'open' ? 'Ouverte' : 'Clôturée'}
              </span>{' '}
              {vacancy.counts.candidates} candidat{vacancy.counts.candidates > 1 ? 's' : ''},{' '}
              {vacancy.counts.accepted} accepté{vacancy.counts.accepted > 1 ? 's' : ''}
            </p>
            <div class="actions">
              <button type="button" class="secondary" onClick={() => props.onCandidates(vacancy)}>
                Voir les candidats
              </button>
              {vacancy.status === 'open' ? (
                <>
                  <button type="button" class="secondary" onClick={() => props.onEdit(vacancy)}>
                    Modifier
                  </button>
                  <ConfirmButton
                    label="Clôturer"
                    question={`Clôturer l’offre « ${vacancy.title} » ?`}
                    explanation="Elle ne sera plus proposée aux candidats ; ceux qui ont accepté gardent leur réponse. Vous pourrez la rouvrir."
                    confirm="Clôturer l’offre"
                    onConfirm={async () => {
                      await data(api.POST('/v1/vacancies/{id}/close', path(vacancy)));
                      props.onChanged(`Offre « ${vacancy.title} » clôturée.`);
                    }}
                  />
                </>
              ) : (
                <button
                  type="button"
                  class="secondary"
                  onClick={async () => {
                    await data(api.POST('/v1/vacancies/{id}/reopen', path(vacancy)));
                    props.onChanged(`Offre « ${vacancy.title} » rouverte.`);
                  }}
                >
                  Rouvrir
                </button>
              )}
              <button
                type="button"
                class="secondary"
                onClick={async () => {
                  await data(
                    api.POST('/v1/vacancies/{id}/duplicate', {
                      params: {
                        path: { id: vacancy.id },
                        header: { 'idempotency-key': crypto.randomUUID() },
                      },
                    }),
                  );
                  props.onChanged(`Copie de « ${vacancy.title} » publiée.`);
                }}
              >
                Dupliquer
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
