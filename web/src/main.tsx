/**
 * Bassin's web app: one page per person's job (employer, seeker, planner), the offer page
 * SMS links open (`/m/<id>`, after signing in when needed, then straight to it), and the
 * one-click stop of SMS links (`/u/<token>`, no sign-in).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { signOutUrl } from './auth/cognito';
import { loadRuntimeConfig } from './auth/config';
import { currentSession, onSessionChange, type Role, type Session, saveSession } from './auth/session';
import { EmployerHome } from './employer/EmployerHome';
import { SignIn } from './pages/SignIn';
import { Unsubscribe } from './pages/Unsubscribe';
import { PlannerHome } from './planner/PlannerHome';
import { OfferPage } from './seeker/OfferPage';
import { SeekerHome } from './seeker/SeekerHome';
import './style.css';

const roleNames: Record<Role, string> = {
  employer: 'Employeur',
  seeker: 'Candidat',
  planner: 'Planification',
};

function useSession() {
  const [session, setSession] = useState<Session | undefined>(currentSession());
  useEffect(() => onSessionChange(setSession), []);
  return session;
}

async function signOut() {
  saveSession(undefined);
  const config = (await loadRuntimeConfig())?.signIn;
  // In AWS, Cognito's own session ends too, or the next sign-in would skip the password.
  if (config) location.assign(signOutUrl(config, `${location.origin}/`));
}

function Header(props: { session: Session }) {
  return (
    <header>
      <a href="#main" class="skip">
        Aller au contenu
      </a>
      <a href="/" class="brand">
        Bassin
      </a>
      <span class="who">
        {props.session.name} — {roleNames[props.session.role]}
      </span>
      <button type="button" class="secondary" onClick={signOut}>
        Se déconnecter
      </button>
    </header>
  );
}

/** A page for signed-in people: the sign-in first when needed, then the same page. */
function SignedIn(props: { reason?: string; render: (session: Session) => preact.ComponentChildren }) {
  const session = useSession();
  const { route } = useLocation();
  if (!session) return <SignIn reason={props.reason} onSignedIn={(_, back) => back && route(back)} />;
  return (
    <>
      <Header session={session} />
      {props.render(session)}
    </>
  );
}

function Home() {
  return (
    <SignedIn
      render={(session) =>
        session.role === 'planner' ? (
          <PlannerHome />
        ) : session.role === 'employer' ? (
          <EmployerHome />
        ) : (
          <SeekerHome onErased={() => saveSession(undefined)} />
        )
      }
    />
  );
}

function Offer(props: { id?: string }) {
  return (
    <SignedIn
      reason="Connectez-vous pour voir cette offre : vous y reviendrez aussitôt."
      render={(session) =>
        session.role === 'seeker' ? (
          <OfferPage id={props.id ?? ''} />
        ) : (
          <main id="main">
            <h1>Offre</h1>
            <p>
              Cette page est celle d’un candidat : connectez-vous en tant que candidat pour voir cette offre.
            </p>
          </main>
        )
      }
    />
  );
}

function Stop(props: { token?: string }) {
  return <Unsubscribe token={props.token ?? ''} />;
}

function App() {
  return (
    <LocationProvider>
      <Router>
        <Route path="/m/:id" component={Offer} />
        <Route path="/u/:token" component={Stop} />
        <Route default component={Home} />
      </Router>
    </LocationProvider>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
