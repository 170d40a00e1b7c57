import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import { Field, splitList, zodErrors } from '../form';
import { fieldErrors } from '../format';
import { CodeSearch } from '../search';

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
  explanation: { criterion: string; met: boolean; detail: string }[];
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
  const refresh = () =>
    api<{ items: Vacancy[] }>('GET', '/v1/employers/me/vacancies?limit=50').then((r) => setMine(r.items));
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
      occupation: form.occupation.trim().toUpperCase(),
      skills: splitList(form.skills),
      site: { commune: form.commune.trim() },
      contract: form.contract,
      openings: Number(form.openings),
    };
    // The API's own schema, checked before sending (loaded only on this page: it carries the commune list).
    const { vacancyDraft } = await import('../../../shared/domain/vacancy');
    const checked = vacancyDraft.safeParse(body);
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
          <Field id="skills" label="Compétences (séparées par des virgules)" error={errors.skills}>
            <input id="skills" value={form.skills} onInput={set('skills')} />
          </Field>
          <Field
            id="commune"
            label="Commune du site (code INSEE)"
            hint="Tapez un nom ou un code postal, par exemple Lescar ou 64230 ; le code INSEE est gardé"
            error={errors['site.commune']}
          >
            <CodeSearch
              id="commune"
              kind="communes"
              value={form.commune}
              onChange={(value) => setForm({ ...form, commune: value })}
              describedBy="commune-hint"
            />
          </Field>
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
                <td>{v.status === 'open' ? 'Ouverte' : 'Clôturée'}</td>
                <td>
                  <button type="button" class="secondary" onClick={() => showCandidates(v.id)}>
                    Candidats
                  </button>{' '}
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
                      {e.met ? '✓' : '✗'} {e.detail}
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
