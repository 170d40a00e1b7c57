/** The two consents, unticked until the person ticks them, each explained in one sentence. */
export function Consents(props: {
  matching: boolean;
  statistics: boolean;
  onChange: (consent: { matching: boolean; statistics: boolean }) => void;
}) {
  return (
    <fieldset>
      <legend>Votre accord</legend>
      <label class="choice">
        <input
          type="checkbox"
          checked={props.matching}
          onChange={(event) =>
            props.onChange({ matching: event.currentTarget.checked, statistics: props.statistics })
          }
        />
        <span>
          <strong>Me proposer aux employeurs.</strong> Les employeurs voient mon profil sans mon nom ni mon
          contact, qu’ils ne reçoivent que si j’accepte une de leurs offres ; sans cet accord, aucune offre ne
          peut m’être proposée.
        </span>
      </label>
      <label class="choice">
        <input
          type="checkbox"
          checked={props.statistics}
          onChange={(event) =>
            props.onChange({ matching: props.matching, statistics: event.currentTarget.checked })
          }
        />
        <span>
          <strong>Compter mon profil dans les statistiques du territoire (facultatif).</strong> Il est alors
          compté de façon anonyme dans les chiffres des chargés de planification, jamais publiés pour moins de
          11 personnes.
        </span>
      </label>
    </fieldset>
  );
}
