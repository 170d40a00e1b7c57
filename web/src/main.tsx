import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { currentSession, type Session, saveSession } from './api';
import { loadRuntimeConfig } from './auth';
import { Employer } from './pages/Employer';
import { Planner } from './pages/Planner';
import { Seeker } from './pages/Seeker';
import { SignIn } from './pages/SignIn';
import './style.css';

const roleNames: Record<Session['role'], string> = {
  employer: 'Employeur',
  seeker: 'Candidat',
  planner: 'Planification',
};

function App() {
  const [session, setSession] = useState<Session | undefined>(currentSession());
  const [tileUrl, setTileUrl] = useState<string>();
  useEffect(() => void loadRuntimeConfig().then((config) => setTileUrl(config?.tileUrl)), []);
  if (!session) return <SignIn onSignedIn={setSession} />;
  return (
    <>
      <header>
        <a href="#main" class="skip">
          Aller au contenu
        </a>
        <strong>Bassin</strong>
        <span>
          {session.name} — {roleNames[session.role]}
        </span>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            saveSession(undefined);
            setSession(undefined);
          }}
        >
          Se déconnecter
        </button>
      </header>
      <div id="main">
        {session.role === 'planner' && <Planner tileUrl={tileUrl} />}
        {session.role === 'employer' && <Employer />}
        {session.role === 'seeker' && (
          <Seeker
            onErased={() => {
              saveSession(undefined);
              setSession(undefined);
            }}
          />
        )}
      </div>
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
