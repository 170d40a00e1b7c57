/** Loading, an error from the API, or nothing: the state line of a section. */
export function Status(props: { loading?: boolean; error?: string | undefined; loadingText?: string }) {
  if (props.loading)
    return (
      <p class="status" aria-live="polite">
        {props.loadingText ?? 'Chargement…'}
      </p>
    );
  if (props.error)
    return (
      <p role="alert" class="error">
        {props.error}
      </p>
    );
  return null;
}
