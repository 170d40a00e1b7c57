/** The person's own data: download everything, or erase the account (after confirming). */
import { api, data } from '../api/client';
import { ConfirmButton } from '../ui/ConfirmButton';

export function MyData(props: { onErased: () => void }) {
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">Mes données</h2>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            const everything = await data(api.GET('/v1/seekers/me/export', {}));
            const link = document.createElement('a');
            link.href = URL.createObjectURL(
              new Blob([JSON.stringify(everything, null, 2)], { type: 'application/json' }),
            );
            link.download = 'mes-donnees-bassin.json';
            link.click();
          }}
        >
          Télécharger mes données
        </button>
        <ConfirmButton
          danger
          label="Supprimer mon compte"
          question="Supprimer définitivement votre compte et toutes vos données ?"
          explanation="Votre profil, vos offres et vos réponses sont effacés ; les employeurs ne voient plus votre contact."
          confirm="Supprimer"
          onConfirm={async () => {
            await data(api.DELETE('/v1/seekers/me', {}));
            props.onErased();
          }}
        />
      </div>
    </section>
  );
}
