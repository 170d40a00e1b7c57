/** Chosen items shown as chips, each with a button that removes it. */
export function Chips(props: {
  label: string;
  items: { key: string; text: string }[];
  onRemove: (key: string) => void;
}) {
  if (props.items.length === 0) return null;
  return (
    <ul class="chips" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.key}>
          {item.text}
          <button
            type="button"
            class="chip-remove"
            aria-label={`Retirer ${item.text}`}
            onClick={() => props.onRemove(item.key)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
