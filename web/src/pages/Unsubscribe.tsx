/** `/u/<token>`, the "Stop" link of an SMS: stops every offer at once, without signing in, and says so. */
import { useEffect, useState } from 'preact/hooks';
import { api, data, messageOf } from '../api/client';

export function Unsubscribe(props: { token: string }) {
  const [state, setState] = useState<'working' | 'done' | string>('working');
  useEffect(() => {
    data(
      api.POST('/v1/notifications/unsubscribe', {
        params: { header: { 'x-unsubscribe-token': props.token } },
      }),
    )
      .then(() => setState('done'))
      .catch((error) => setState(messageOf(error)));
  }, [props.token]);
  return (
    <main id="main">
      <h1>Désabonnement</h1>
      {state === 'working' && <p aria-live="polite">Désabonnement en cours…</p>}
      {state === 'done' && (
        <div role="status">
          <p>
            <strong>C’est fait : vous ne recevrez plus d’offres de Bassin.</strong>
          </p>
          <p>
            Votre profil est gardé. Pour recevoir de nouveau des offres, connectez-vous et décochez « Ne plus
            recevoir d’offres » dans votre profil.
          </p>
        </div>
      )}
      {state !== 'working' && state !== 'done' && (
        <p role="alert" class="error">
          {state}
        </p>
      )}
      <p>
        <a href="/">Aller sur Bassin</a>
      </p>
    </main>
  );
}
