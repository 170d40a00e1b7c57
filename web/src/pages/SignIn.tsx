import { useEffect, useState } from 'preact/hooks';
import { ApiError, devSignIn, type Session, saveSession } from '../api';
import { finishSignIn, groupsOf, loadSignInConfig, type SignInConfig, startSignIn } from '../auth';

/** Locally, a name and a role are enough: the dev identity signs a real JWT for them. */
export function SignIn(props: { onSignedIn: (session: Session) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Session['role']>('planner');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [cognito, setCognito] = useState<SignInConfig>();
  useEffect(() => {
    void loadSignInConfig().then(async (config) => {
      if (!config) return;
      setCognito(config);
      try {
        const token = await finishSignIn(config);
        if (!token) return;
        const role =
          (['planner', 'employer', 'seeker'] as const).find((r) => groupsOf(token).includes(r)) ?? 'seeker';
        const session = { token, name: role, role };
        saveSession(session);
        props.onSignedIn(session);
      } catch (caught) {
        setError(String((caught as Error).message));
      }
    });
  }, []);
  if (cognito)
    return (
      <main>
        <h1>Se connecter à Bassin</h1>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button type="button" onClick={() => startSignIn(cognito)}>
          Se connecter
        </button>
      </main>
    );
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      props.onSignedIn(await devSignIn(name, role));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.problem.detail : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main>
      <h1>Se connecter à Bassin</h1>
      <p>Version locale : choisissez un nom et un rôle. En ligne, la connexion passe par Cognito.</p>
      <form onSubmit={submit}>
        <label for="name">Votre nom</label>
        <input
          id="name"
          required
          maxLength={64}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <fieldset>
          <legend>Vous êtes</legend>
          {(
            [
              ['employer', 'Employeur'],
              ['seeker', 'En recherche d’emploi'],
              ['planner', 'Chargé·e de planification'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} class="choice">
              <input
                type="radio"
                name="role"
                value={value}
                checked={role === value}
                onChange={() => setRole(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Connexion…' : 'Se connecter'}
        </button>
      </form>
    </main>
  );
}
