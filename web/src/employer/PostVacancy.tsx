/** Post a vacancy: checked here for what can be fixed at once, then by the API (its French errors by field). */
import { useState } from 'preact/hooks';
import { api, data, fieldErrors, messageOf } from '../api/client';
import { VacancyForm } from './VacancyForm';
import { emptyVacancy, vacancyBody, vacancyFormErrors } from './vacancy-form-state';

export function PostVacancy(props: { onPosted: () => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [round, setRound] = useState(0);
  return (
    <section aria-labelledby="post-heading">
      <h2 id="post-heading">Publier une offre</h2>
      <VacancyForm
        key={round}
        id="post"
        initial={emptyVacancy()}
        errors={errors}
        busy={busy}
        submitLabel="Publier l’offre"
        onSubmit={async (form) => {
          const found = vacancyFormErrors(form);
          setErrors(found);
          setMessage(Object.keys(found).length ? 'Vérifiez les champs signalés.' : undefined);
          if (Object.keys(found).length) return;
          setBusy(true);
          try {
            await data(
              api.POST('/v1/vacancies', {
                body: vacancyBody(form),
                params: { header: { 'idempotency-key': crypto.randomUUID() } },
              }),
            );
            setMessage('Offre publiée : les candidats compatibles arrivent dans un instant.');
            setRound(round + 1);
            props.onPosted();
          } catch (error) {
            setErrors(fieldErrors(error));
            setMessage(messageOf(error));
          } finally {
            setBusy(false);
          }
        }}
      />
      {message && (
        <p class="status" aria-live="polite">
          {message}
        </p>
      )}
    </section>
  );
}
