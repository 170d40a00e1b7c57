/**
 * Edit a vacancy with If-Match. When someone changed it meanwhile (412), says what they
 * changed, keeps what this person typed, and sends again on the new version.
 */
import { useState } from 'preact/hooks';
import { ApiError, api, data, fieldErrors, messageOf, type Schemas } from '../api/client';
import { changedFields } from '../format';
import { Status } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { VacancyForm } from './VacancyForm';
import { formOfVacancy, vacancyBody, vacancyFormErrors } from './vacancy-form-state';

const labels = {
  title: 'Intitulé',
  openings: 'Nombre de postes',
  skills: 'Compétences',
  description: 'Description',
};

export function EditVacancy(props: { id: string; onDone: () => void }) {
  const loaded = useLoad(
    () => data(api.GET('/v1/vacancies/{id}', { params: { path: { id: props.id } } })),
    [props.id],
  );
  const [current, setCurrent] = useState<Schemas['Vacancy']>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<ReturnType<typeof changedFields>>();
  const [busy, setBusy] = useState(false);
  const base = current ?? loaded.data;
  if (!base) return <Status loading={loaded.loading} error={loaded.error} />;
  return (
    <section aria-labelledby="edit-heading" class="panel">
      <h2 id="edit-heading">Modifier « {base.title} »</h2>
      {conflict && (
        <div role="alert" class="conflict">
          <p>Quelqu’un a modifié cette offre pendant que vous l’éditiez :</p>
          <ul>
            {conflict.map((change) => (
              <li key={change.field}>
                {change.label} : {change.from} → {change.to}
              </li>
            ))}
          </ul>
          <p>Vos changements sont gardés ; enregistrez à nouveau pour les appliquer à la nouvelle version.</p>
        </div>
      )}
      <VacancyForm
        id="edit"
        initial={formOfVacancy(loaded.data ?? base)}
        errors={errors}
        busy={busy}
        submitLabel="Enregistrer les modifications"
        onCancel={props.onDone}
        onSubmit={async (form) => {
          const found = vacancyFormErrors(form);
          setErrors(found);
          if (Object.keys(found).length) return;
          const body = vacancyBody(form);
          setBusy(true);
          try {
            await data(
              api.PATCH('/v1/vacancies/{id}', {
                params: { path: { id: props.id }, header: { 'if-match': `"${base.version}"` } },
                // Merge patch: what was emptied is removed.
                body: {
                  ...body,
                  employerName: body.employerName ?? null,
                  description: body.description ?? null,
                  salary: body.salary ?? null,
                  startDate: body.startDate ?? null,
                  ...('jobTitle' in body ? { occupation: null } : { jobTitle: null }),
                },
              }),
            );
            props.onDone();
          } catch (error) {
            if (error instanceof ApiError && error.problem.status === 412) {
              const fresh = await data(api.GET('/v1/vacancies/{id}', { params: { path: { id: props.id } } }));
              setConflict(
                changedFields(
                  base as unknown as Record<string, unknown>,
                  fresh as unknown as Record<string, unknown>,
                  labels,
                ),
              );
              setCurrent(fresh);
            } else {
              setErrors({ ...fieldErrors(error), form: messageOf(error) });
            }
          } finally {
            setBusy(false);
          }
        }}
      />
      {errors.form && (
        <p role="alert" class="error">
          {errors.form}
        </p>
      )}
    </section>
  );
}
