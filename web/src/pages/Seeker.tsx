import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import { Field, firstError, splitList, zodErrors } from '../form';
import { fieldErrors } from '../format';
import { SkillsAndCommune } from '../search';

interface Match {
  id: string;
  score: number;
  status: string;
  response: 'pending' | 'accepted' | 'declined';
  vacancy: { title: string; commune: { name: string }; contract: string };
  commute: { mode: string; minutes: number };
  explanation: { criterion: string; met: boolean; text: string }[];
}

const modes = [
  ['car', 'Voiture'],
  ['transit', 'Transports en commun'],
  ['bike', 'Vélo'],
  ['walk', 'À pied'],
] as const;

const empty = {
  sectors: 'aeronautics',
  occupations: '',
  skills: '',
  commune: '',
  maxMinutes: '30',
  modes: ['car'] as string[],
  channel: 'none',
  phone: '',
  matching: true,
  statistics: true,
  quietStart: '20:00',
  quietEnd: '08:00',
  dailyCap: '3',
  paused: false,
};

/** Profile, matches with their reasons, inbox, and the person's own data controls. */
export function Seeker(props: { onErased: () => void }) {
  const [form, setForm] = useState(empty);
  const [version, setVersion] = useState<number>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [matches, setMatches] = useState<Match[]>([]);
  const [inbox, setInbox] = useState<{ id: string; text?: string; status: string; createdAt: string }[]>([]);
  const loadMatches = () =>
    api<{ items: Match[] }>('GET', '/v1/seekers/me/matches').then((r) => setMatches(r.items));
  useEffect(() => {
    api<{
      version: number;
      sectors: string[];
      occupations: string[];
      skills: { label: string }[];
      home: { commune: string };
      commute: { maxMinutes: number; modes: string[] };
      contact: { channel: string; phone?: string };
      consent: { matching: boolean; statistics: boolean };
      notifications?: { quietHours?: { start: string; end: string }; dailyCap?: number; paused?: boolean };
    }>('GET', '/v1/seekers/me')
      .then((p) => {
        setVersion(p.version);
        setForm({
          sectors: p.sectors.join(', '),
          occupations: p.occupations.join(', '),
          skills: p.skills.map((s) => s.label).join(', '),
          commune: p.home.commune,
          maxMinutes: String(p.commute.maxMinutes),
          modes: p.commute.modes,
          channel: p.contact.channel,
          phone: p.contact.phone ?? '',
          matching: p.consent.matching,
          statistics: p.consent.statistics,
          quietStart: p.notifications?.quietHours?.start ?? '20:00',
          quietEnd: p.notifications?.quietHours?.end ?? '08:00',
          dailyCap: String(p.notifications?.dailyCap ?? 3),
          paused: p.notifications?.paused ?? false,
        });
      })
      .catch(() => undefined);
    void loadMatches();
    void api<{ items: typeof inbox }>('GET', '/v1/seekers/me/notifications')
      .then((r) => setInbox(r.items))
      .catch(() => undefined);
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = {
      sectors: splitList(form.sectors),
      occupations: splitList(form.occupations).map((o) => o.toUpperCase()),
      skills: splitList(form.skills),
      home: { commune: form.commune.trim() },
      commute: { maxMinutes: Number(form.maxMinutes), modes: form.modes },
      contact: { channel: form.channel, ...(form.phone ? { phone: form.phone.trim() } : {}) },
      consent: { matching: form.matching, statistics: form.statistics },
      notifications: {
        quietHours: { start: form.quietStart, end: form.quietEnd },
        dailyCap: Number(form.dailyCap),
        paused: form.paused,
      },
    };
    const [{ seekerProfileInput }, { zodErrorMap }] = await Promise.all([
      import('../../../shared/domain/seeker'),
      import('../../../shared/messages/validation'),
    ]);
    const checked = seekerProfileInput.safeParse(body, { error: zodErrorMap('fr') });
    if (!checked.success) {
      setErrors(zodErrors(checked.error.issues));
      return;
    }
    setErrors({});
    try {
      const saved = await api<{ version: number }>(
        'PUT',
        '/v1/seekers/me',
        body,
        version ? { 'if-match': `"${version}"` } : {},
      );
      setVersion(saved.version);
      setMessage('Profil enregistré. Les offres compatibles arrivent dans quelques instants.');
      setTimeout(() => void loadMatches(), 1500);
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(fieldErrors(error.problem));
        setMessage(
          error.problem.status === 412
            ? 'Votre profil a changé ailleurs : rechargez la page.'
            : error.problem.detail,
        );
      }
    }
  };

  const respond = async (id: string, answer: 'accept' | 'decline') => {
    await api('POST', `/v1/matches/${id}/${answer}`);
    await loadMatches();
  };

  const text = (name: keyof typeof empty) => (event: Event) =>
    setForm({ ...form, [name]: (event.currentTarget as HTMLInputElement).value });

  return (
    <main>
      <h1>Mon espace</h1>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">Mon profil</h2>
        <form onSubmit={submit} noValidate>
          <Field
            id="sectors"
            label="Secteurs (séparés par des virgules)"
            hint="Par exemple aeronautics, agrifood"
            error={firstError(errors, 'sectors')}
          >
            <input
              id="sectors"
              value={form.sectors}
              onInput={text('sectors')}
              aria-describedby="sectors-hint"
            />
          </Field>
          <Field
            id="occupations"
            label="Métiers (codes ROME)"
            hint="Par exemple H2913"
            error={firstError(errors, 'occupations')}
          >
            <input
              id="occupations"
              value={form.occupations}
              onInput={text('occupations')}
              aria-describedby="occupations-hint"
            />
          </Field>
          <SkillsAndCommune
            skills={form.skills}
            onSkills={(skills) => setForm({ ...form, skills })}
            commune={form.commune}
            onCommune={(commune) => setForm({ ...form, commune })}
            communeLabel="Commune où j’habite (code INSEE)"
            communeHint="Seule la commune est gardée, jamais l’adresse"
            errors={{ skills: firstError(errors, 'skills'), commune: errors['home.commune'] }}
          />
          <Field id="maxMinutes" label="Trajet maximum (minutes)" error={errors['commute.maxMinutes']}>
            <input
              id="maxMinutes"
              type="number"
              min={5}
              max={120}
              value={form.maxMinutes}
              onInput={text('maxMinutes')}
            />
          </Field>
          <fieldset>
            <legend>Comment je me déplace</legend>
            {modes.map(([value, label]) => (
              <label key={value} class="choice">
                <input
                  type="checkbox"
                  checked={form.modes.includes(value)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      modes: e.currentTarget.checked
                        ? [...form.modes, value]
                        : form.modes.filter((m) => m !== value),
                    })
                  }
                />
                {label}
              </label>
            ))}
            {firstError(errors, 'commute.modes') && (
              <p class="error">{firstError(errors, 'commute.modes')}</p>
            )}
          </fieldset>
          <Field id="channel" label="Recevoir les offres par" error={errors['contact.channel']}>
            <select id="channel" value={form.channel} onChange={text('channel')}>
              <option value="none">Ne pas m’envoyer d’offres</option>
              <option value="sms">SMS</option>
              <option value="push">Notification</option>
            </select>
          </Field>
          <Field id="phone" label="Téléphone (format +33…)" error={errors['contact.phone']}>
            <input id="phone" type="tel" value={form.phone} onInput={text('phone')} />
          </Field>
          <fieldset>
            <legend>Quand recevoir les offres</legend>
            <Field
              id="quietStart"
              label="Pas de message à partir de"
              error={errors['notifications.quietHours.start']}
            >
              <input id="quietStart" type="time" value={form.quietStart} onInput={text('quietStart')} />
            </Field>
            <Field id="quietEnd" label="jusqu’à" error={errors['notifications.quietHours.end']}>
              <input id="quietEnd" type="time" value={form.quietEnd} onInput={text('quietEnd')} />
            </Field>
            <Field
              id="dailyCap"
              label="Offres par jour au plus (les suivantes arrivent en résumé le lendemain)"
              error={errors['notifications.dailyCap']}
            >
              <input
                id="dailyCap"
                type="number"
                min={1}
                max={20}
                value={form.dailyCap}
                onInput={text('dailyCap')}
              />
            </Field>
            <label class="choice">
              <input
                type="checkbox"
                checked={form.paused}
                onChange={(e) => setForm({ ...form, paused: e.currentTarget.checked })}
              />
              Ne plus recevoir d’offres pour le moment (désinscription)
            </label>
          </fieldset>
          <label class="choice">
            <input
              type="checkbox"
              checked={form.matching}
              onChange={(e) => setForm({ ...form, matching: e.currentTarget.checked })}
            />
            Les employeurs peuvent voir mon profil, sans mon nom ni mon contact, tant que je n’ai pas accepté.
          </label>
          <label class="choice">
            <input
              type="checkbox"
              checked={form.statistics}
              onChange={(e) => setForm({ ...form, statistics: e.currentTarget.checked })}
            />
            Mon profil peut être compté, de façon anonyme, dans les statistiques du territoire.
          </label>
          {message && <p aria-live="polite">{message}</p>}
          <button type="submit">Enregistrer mon profil</button>
        </form>
      </section>

      <section aria-labelledby="matches-title">
        <h2 id="matches-title">Offres pour moi</h2>
        {matches.length === 0 && <p>Aucune offre compatible pour l’instant.</p>}
        <ul class="cards">
          {matches.map((m) => (
            <li key={m.id} class="card">
              <h3>
                {m.vacancy.title} — {m.vacancy.commune.name}
              </h3>
              <p>
                Score {m.score}/100 · {m.commute.minutes} min ({m.commute.mode}) · {m.vacancy.contract}
              </p>
              <ul aria-label="Pourquoi cette offre">
                {m.explanation.map((e) => (
                  <li key={e.criterion}>
                    {e.met ? '✓' : '✗'} {e.text}
                  </li>
                ))}
              </ul>
              {m.response === 'pending' ? (
                <>
                  <button type="button" onClick={() => respond(m.id, 'accept')}>
                    Accepter
                  </button>{' '}
                  <button type="button" class="secondary" onClick={() => respond(m.id, 'decline')}>
                    Décliner
                  </button>
                </>
              ) : (
                <p>
                  {m.response === 'accepted' ? 'Acceptée : l’employeur voit votre contact.' : 'Déclinée.'}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="inbox-title">
        <h2 id="inbox-title">Messages reçus</h2>
        {inbox.length === 0 ? (
          <p>Aucun message.</p>
        ) : (
          <ul>
            {inbox.map((n) => (
              <li key={n.id}>
                {n.createdAt.slice(0, 10)} — {n.status}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">Mes données</h2>
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            const data = await api('GET', '/v1/seekers/me/export');
            const link = document.createElement('a');
            link.href = URL.createObjectURL(
              new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
            );
            link.download = 'mes-donnees-bassin.json';
            link.click();
          }}
        >
          Télécharger mes données
        </button>{' '}
        <button
          type="button"
          class="danger"
          onClick={async () => {
            if (!window.confirm('Supprimer définitivement votre compte et toutes vos données ?')) return;
            await api('DELETE', '/v1/seekers/me');
            props.onErased();
          }}
        >
          Supprimer mon compte
        </button>
      </section>
    </main>
  );
}
