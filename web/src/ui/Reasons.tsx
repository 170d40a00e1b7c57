/** Why a match was made, criterion by criterion, in the API's own sentences. */
export function Reasons(props: {
  label: string;
  explanation: { criterion: string; met: boolean; text: string }[];
}) {
  return (
    <ul class="reasons" aria-label={props.label}>
      {props.explanation.map((reason) => (
        <li key={reason.criterion} class={reason.met ? 'met' : 'missed'}>
          <span aria-hidden="true">{reason.met ? '✓' : '✗'}</span>
          <span class="visually-hidden">{reason.met ? 'Oui : ' : 'Non : '}</span>
          {reason.text}
        </li>
      ))}
    </ul>
  );
}
