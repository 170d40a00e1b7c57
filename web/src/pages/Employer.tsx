import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import { Field, firstError, splitList, zodErrors } from '../form';
import { changedFields, fieldErrors } from '../format';
import { CodeSearch, SkillsAndCommune } from '../search';

interface Vacancy {
  id: string;
  title: string;
  status: 'open' | 'closed';
  site: { commune: string };
  occupation: string;
  openings: number;
  createdAt: string;
}
interface Candidate {
  id: string;
  score: number;
  response: string;
  candidate: { area: string; commuteBand: string; skillsMatched: string[]; skillsMissing: string[] };
  explanation: { criterion: string; met: boolean; text: string }[];
  contact?: { channel: string; phone?: string };
}

const empty = {
  title: '',
  sector: 'aeronautics',
  occupation: '',
  skills: '',
  commune: '',
  contract: 'CDI',
  openings: '1',
};

/** Post, list and close vacancies; see anonymised candidates, and their contact once they accept. */
export function Employer() {
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [mine, setMine] = useState<Vacancy[]>([]);
  const [sectors, setSectors] = useState<{ slug: string; label: string }[]>([]);
  const [candidates, setCandidates] = useState<{ vacancy: string; items: Candidate[] }>();
  const [editing, setEditing] = useState<string>();
  const [counts, setCounts] = useState<Record<string, { candidates: number; accepted: number }>>({});
  const refresh = async () => {
    const { items } = await api<{ items: Vacancy[] }>('GET', '/v1/employers/me/vacancies?limit=50');
    setMine(items);
    // Candidates per vacancy (their first page: up to 100).
    const entries = await Promise.all(
      items.map(async (v) => {
        const found = await api<{ items: Candidate[] }>('GET', `/v1/vacancies/${v.id}/matches?limit=100`);
        const accepted = found.items.filter((c) => c.response === 'accepted').length;
        return [v.id, { candidates: found.items.length, accepted }] as const;
      }),
    );
    setCounts(Object.fromEntries(entries));
  };
  useEffect(() => {
    void refresh();
    void api<{ items: { slug: string; label: string }[] }>('GET', '/v1/ref/sectors').then((r) =>
      setSectors(r.items),
    );
  }, []);
  const set = (name: keyof typeof empty) => (event: Event) =>
    setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = {
      title: form.title,
      sector: form.sector,
      // A ROME code typed, or a job title picked from the suggestions (its code OGR).
      ...(/^[a-n]\d{4}$/i.test(form.occupation.trim())
        ? { occupation: form.occupation.trim().toUpperCase() }
        : { jobTitle: form.occupation.trim() }),
      skills: splitList(form.skills),
      site: { commune: form.commune.trim() },
      contract: form.contract,
      openings: Number(form.openings),
    };
    // The API's own schema, checked before sending (loaded only on this page: it carries the commune list).
    const [{ vacancyDraft }, { zodErrorMap }] = await Promise.all([
      import('../../../shared/domain/vacancy'),
      import('../../../shared/messages/validation'),
    ]);
    const checked = vacancyDraft.safeParse(body, { error: zodErrorMap('fr') });
    if (!checked.success) {
      setErrors(zodErrors(checked.error.issues));
      return;
    }
    setBusy(true);
    setErrors({});
    setMessage(undefined);
    try {
      await api('POST', '/v1/vacancies', body, { 'idempotency-key': crypto.randomUUID() });
      setForm(empty);
      setMessage('Offre publiée.');
      await refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(fieldErrors(error.problem));
        setMessage(error.problem.detail);
      }
    } finally {
      setBusy(false);
    }
  };

  const showCandidates = async (vacancy: string) =>
    setCandidates({
      vacancy,
      items: (await api<{ items: Candidate[] }>('GET', `/v1/vacancies/${vacancy}/matches`)).items,
    });

  return (
    <main>
      <h1>Mes offres</h1>
      <section aria-labelledby="post-title">
        <h2 id="post-title">Publier une offre</h2>
        <form onSubmit={submit} noValidate>
          <Field id="title" label="Intitulé du poste" error={errors.title}>
            <input id="title" value={form.title} onInput={set('title')} maxLength={120} />
          </Field>
          <Field id="sector" label="Secteur" error={errors.sector}>
            <select id="sector" value={form.sector} onChange={set('sector')}>
              {sectors.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="occupation"
            label="Métier (code ROME)"
            hint="Tapez un mot ou un code, par exemple soudage ou H2913"
            error={errors.occupation}
          >
            <CodeSearch
              id="occupation"
              kind="occupations"
              value={form.occupation}
              onChange={(value) => setForm({ ...form, occupation: value })}
              describedBy="occupation-hint"
            />
          </Field>
          <SkillsAndCommune
            skills={form.skills}
            onSkills={(skills) => setForm({ ...form, skills })}
            commune={form.commune}
            onCommune={(commune) => setForm({ ...form, commune })}
            communeLabel="Commune du site (code INSEE)"
            communeHint="Tapez un nom ou un code postal, par exemple Lescar ou 64230 ; le code INSEE est gardé"
            errors={{ skills: firstError(errors, 'skills'), commune: errors['site.commune'] }}
          />
          <Field id="contract" label="Contrat" error={errors.contract}>
            <select id="contract" value={form.contract} onChange={set('contract')}>
              <option value="CDI">CDI</option>
              <option value="CDD">CDD</option>
              <option value="interim">Intérim</option>
              <option value="apprenticeship">Apprentissage</option>
            </select>
          </Field>
          <Field id="openings" label="Nombre de postes" error={errors.openings}>
            <input
              id="openings"
              type="number"
              min={1}
              max={500}
              value={form.openings}
              onInput={set('openings')}
            />
          </Field>
          {message && <p aria-live="polite">{message}</p>}
          <button type="submit" disabled={busy}>
            {busy ? 'Publication…' : 'Publier'}
          </button>
        </form>
      </section>

      <section aria-labelledby="list-title">
        <h2 id="list-title">Offres publiées</h2>
        <table>
          <caption>Mes offres, les plus récentes d’abord</caption>
          <thead>
            <tr>
              <th scope="col">Intitulé</th>
              <th scope="col">Commune</th>
              <th scope="col">Postes</th>
              <th scope="col">Candidats (acceptés)</th>
              <th scope="col">État</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((v) => (
              <tr key={v.id}>
                <th scope="row">{v.title}</th>
                <td>{v.site.commune}</td>
                <td>{v.openings}</td>
                <td>{counts[v.id] ? `${counts[v.id]?.candidates} (${counts[v.id]?.accepted})` : '…'}</td>
                <td>{v.status === 'open' ? 'Ouverte' : 'Clôturée'}</td>
                <td>
                  <button type="button" class="secondary" onClick={() => showCandidates(v.id)}>
                    Candidats
                  </button>{' '}
                  {v.status === 'open' && (
                    <button type="button" class="secondary" onClick={() => setEditing(v.id)}>
                      Modifier
                    </button>
                  )}{' '}
                  {v.status === 'open' && (
                    <button
                      type="button"
                      class="secondary"
                      onClick={async () => {
                        await api('POST', `/v1/vacancies/${v.id}/close`);
                        await refresh();
                      }}
                    >
                      Clôturer
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {editing && (
        <EditVacancy
          key={editing}
          id={editing}
          onDone={async () => {
            setEditing(undefined);
            await refresh();
          }}
        />
      )}

      {candidates && (
        <section aria-labelledby="candidates-title">
          <h2 id="candidates-title">Candidats proposés</h2>
          {candidates.items.length === 0 && <p>Aucun candidat pour l’instant.</p>}
          <ul class="cards">
            {candidates.items.map((c) => (
              <li key={c.id} class="card">
                <p>
                  <strong>Score {c.score}/100</strong> — {c.candidate.area}, {c.candidate.commuteBand}
                </p>
                <ul>
                  {c.explanation.map((e) => (
                    <li key={e.criterion}>
                      {e.met ? '✓' : '✗'} {e.text}
                    </li>
                  ))}
                </ul>
                <p>
                  {c.contact
                    ? `Contact : ${c.contact.phone ?? c.contact.channel}`
                    : c.response === 'declined'
                      ? 'Le candidat a décliné.'
                      : 'Le contact apparaît quand le candidat accepte.'}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}

interface Editable {
  title: string;
  openings: number;
  skills: { label: string }[];
  version: number;
}
const editableLabels = { title: 'Intitulé', openings: 'Nombre de postes', skills: 'Compétences' };

/**
 * Edits a vacancy with If-Match. When someone changed it meanwhile (412), shows what they
 * changed, keeps what this user typed, and lets them send again on the new version.
 */
function EditVacancy(props: { id: string; onDone: () => void }) {
  const [base, setBase] = useState<Editable>();
  const [draft, setDraft] = useState({ title: '', openings: '1', skills: '' });
  const [conflict, setConflict] = useState<ReturnType<typeof changedFields>>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    void api<Editable>('GET', `/v1/vacancies/${props.id}`).then((v) => {
      setBase(v);
      setDraft({
        title: v.title,
        openings: String(v.openings),
        skills: v.skills.map((s) => s.label).join(', '),
      });
    });
  }, [props.id]);
  if (!base) return <p aria-live="polite">Chargement…</p>;
  const save = async (event: Event) => {
    event.preventDefault();
    const patch = { title: draft.title, openings: Number(draft.openings), skills: splitList(draft.skills) };
    try {
      await api('PATCH', `/v1/vacancies/${props.id}`, patch, { 'if-match': `"${base.version}"` });
      props.onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.problem.status === 412) {
        const current = await api<Editable>('GET', `/v1/vacancies/${props.id}`);
        setConflict(
          changedFields(
            base as unknown as Record<string, unknown>,
            current as unknown as Record<string, unknown>,
            editableLabels,
          ),
        );
        setBase(current);
      } else setErrors(fieldErrors(error.problem));
    }
  };
  const text = (name: keyof typeof draft) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">Modifier l’offre</h2>
      {conflict && (
        <div role="alert" class="conflict">
          <p>Quelqu’un a modifié cette offre pendant que vous l’éditiez :</p>
          <ul>
            {conflict.map((c) => (
              <li key={c.field}>
                {c.label} : {c.from} → {c.to}
              </li>
            ))}
          </ul>
          <p>
            Vos changements sont gardés ; enregistrez à nouveau pour les appliquer sur la nouvelle version.
          </p>
        </div>
      )}
      <form onSubmit={save} noValidate>
        <Field id="edit-title-input" label="Intitulé" error={errors.title}>
          <input id="edit-title-input" value={draft.title} onInput={text('title')} />
        </Field>
        <Field id="edit-openings" label="Nombre de postes" error={errors.openings}>
          <input
            id="edit-openings"
            type="number"
            min={1}
            max={500}
            value={draft.openings}
            onInput={text('openings')}
          />
        </Field>
        <Field id="edit-skills" label="Compétences de l’offre" error={firstError(errors, 'skills')}>
          <input id="edit-skills" value={draft.skills} onInput={text('skills')} />
        </Field>
        <button type="submit">Enregistrer</button>{' '}
        <button type="button" class="secondary" onClick={props.onDone}>
          Annuler
        </button>
      </form>
    </section>
  );
}
