/**
 * Sign-in. In AWS: Cognito's pages (auth/cognito.ts), then the role among the person's
 * groups. Locally (`npm start`): a name and a role, asked with no default, or one of the
 * SYNTHETIC demo accounts; the dev identity signs a real JWT for them.
 */
import { useEffect, useState } from 'preact/hooks';
import { finishSignIn, type SignInConfig, SignInError, signInUrl } from '../auth/cognito';
import { loadRuntimeConfig } from '../auth/config';
import {
  groupsOf,
  type Role,
  rememberReturn,
  type Session,
  saveSession,
  subjectOf,
  takeReturn,
} from '../auth/session';

const roles: [Role, string, string][] = [
  ['employer', 'Employeur', 'Je publie des offres et je rencontre des candidats'],
  ['seeker', 'Je cherche un emploi', 'Je dis ce que je sais faire et je reçois des offres'],
  ['planner', 'Chargé·e de planification', 'Je suis les besoins du territoire'],
];

interface DemoAccount {
  sub: string;
  name: string;
  role: Role;
}

async function devSignIn(sub: string, name: string, role: Role): Promise<Session> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, groups: [role] }),
  });
  if (!response.ok) throw new Error('La connexion locale a échoué : Bassin tourne-t-il (npm start) ?');
  const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
  return { token, expiresAt: Date.now() + expiresIn * 1000, name, role };
}

function RoleChoice(props: { value: Role | undefined; onChange: (role: Role) => void; allowed?: string[] }) {
  return (
    <fieldset>
      <legend>Vous êtes</legend>
      {roles
        .filter(([role]) => !props.allowed || props.allowed.includes(role))
        .map(([role, label, hint]) => (
          <label key={role} class="choice">
            <input
              type="radio"
              name="role"
              value={role}
              required
              checked={props.value === role}
              onChange={() => props.onChange(role)}
            />
            <span>
              <strong>{label}</strong> — {hint}
            </span>
          </label>
        ))}
    </fieldset>
  );
}

export function SignIn(props: {
  reason?: string | undefined;
  onSignedIn: (session: Session, returnTo?: string) => void;
}) {
  const [config, setConfig] = useState<SignInConfig | null>();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoAccount[]>([]);
  const [pending, setPending] = useState<{
    token: string;
    refreshToken?: string;
    expiresAt: number;
    groups: string[];
  }>();
  useEffect(() => {
    void loadRuntimeConfig().then(async (runtime) => {
      setConfig(runtime?.signIn ?? null);
      if (!runtime?.signIn) {
        const accounts = await fetch('/dev/demo')
          .then((r) => (r.ok ? (r.json() as Promise<{ accounts: DemoAccount[] }>) : { accounts: [] }))
          .catch(() => ({ accounts: [] }));
        setDemo(accounts.accounts);
        return;
      }
      try {
        const tokens = await finishSignIn(
          runtime.signIn,
          new URL(location.href),
          `${location.origin}/`,
          sessionStorage,
        );
        if (!tokens) return;
        history.replaceState(null, '', location.pathname);
        const groups = groupsOf(tokens.accessToken).filter((g) => roles.some(([r]) => r === g));
        if (groups.length === 0)
          throw new SignInError('Votre compte n’a pas encore de rôle : demandez-le à l’équipe Bassin.');
        setPending({
          token: tokens.accessToken,
          ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
          expiresAt: tokens.expiresAt,
          groups,
        });
        if (groups.length === 1) finish(groups[0] as Role, tokens);
      } catch (caught) {
        history.replaceState(null, '', location.pathname);
        setError(
          caught instanceof SignInError ? caught.message : 'La connexion n’a pas abouti : recommencez.',
        );
      }
    });
  }, []);
  const finish = (
    chosen: Role,
    tokens: { accessToken?: string; token?: string; refreshToken?: string; expiresAt: number },
  ) => {
    const session: Session = {
      token: tokens.accessToken ?? tokens.token ?? '',
      expiresAt: tokens.expiresAt,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      name: roles.find(([r]) => r === chosen)?.[1] ?? chosen,
      role: chosen,
    };
    saveSession(session);
    props.onSignedIn(session, takeReturn());
  };
  const local = async (sub: string, shown: string, chosen: Role) => {
    setBusy(true);
    setError(undefined);
    try {
      const session = await devSignIn(sub, shown, chosen);
      saveSession(session);
      props.onSignedIn(session);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="narrow">
      <h1>Se connecter à Bassin</h1>
      {props.reason && <p class="lead">{props.reason}</p>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {config === undefined && <p aria-live="polite">Chargement…</p>}
      {config && !pending && (
        <button
          type="button"
          onClick={async () => {
            rememberReturn(location.pathname);
            location.assign(await signInUrl(config, `${location.origin}/`, sessionStorage));
          }}
        >
          Se connecter
        </button>
      )}
      {config && pending && pending.groups.length > 1 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (role) finish(role, pending);
          }}
        >
          <RoleChoice value={role} onChange={setRole} allowed={pending.groups} />
          <button type="submit" disabled={!role}>
            Continuer
          </button>
        </form>
      )}
      {config === null && (
        <>
          <p>
            Version locale : donnez un nom et dites qui vous êtes. En ligne, la connexion passe par un compte.
          </p>
          {/* The app says what is missing in French; the browser's bubbles speak its own language. */}
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!name.trim()) return setError('Donnez un nom.');
              if (!role)
                return setError(
                  'Dites qui vous êtes : employeur, en recherche d’emploi ou chargé·e de planification.',
                );
              void local(subjectOf(name), name.trim(), role);
            }}
          >
            <label for="name">Votre nom</label>
            <input
              id="name"
              required
              maxLength={64}
              autoComplete="name"
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <RoleChoice value={role} onChange={setRole} />
            <button type="submit" disabled={busy}>
              {busy ? 'Connexion…' : 'Se connecter'}
            </button>
          </form>
          {demo.length > 0 && (
            <section aria-labelledby="demo-title">
              <h2 id="demo-title">Ou essayez un compte de démonstration</h2>
              <p class="hint">
                Données fictives (SYNTHETIC) créées au premier démarrage : aucune personne ni entreprise
                réelle.
              </p>
              <ul class="demo">
                {demo.map((account) => (
                  <li key={account.sub}>
                    <button
                      type="button"
                      class="secondary"
                      disabled={busy}
                      onClick={() => local(account.sub, account.name, account.role)}
                    >
                      {account.name} — {roles.find(([r]) => r === account.role)?.[1]}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
}
