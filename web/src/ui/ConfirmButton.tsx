/** A button that asks first, in a modal dialog (the platform's <dialog>: focus trapped, Escape cancels). */
import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';

export function ConfirmButton(props: {
  label: string;
  question: string;
  explanation?: string;
  confirm: string;
  onConfirm: () => void | Promise<void>;
  danger?: boolean;
  children?: ComponentChildren;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const questionId = useId();
  return (
    <>
      <button
        type="button"
        class={props.danger ? 'danger' : 'secondary'}
        onClick={() => dialog.current?.showModal()}
      >
        {props.label}
      </button>
      <dialog ref={dialog} aria-labelledby={questionId}>
        <p id={questionId}>
          <strong>{props.question}</strong>
        </p>
        {props.explanation && <p>{props.explanation}</p>}
        <div class="actions">
          <button
            type="button"
            class={props.danger ? 'danger' : undefined}
            onClick={async () => {
              dialog.current?.close();
              await props.onConfirm();
            }}
          >
            {props.confirm}
          </button>
          <button type="button" class="secondary" onClick={() => dialog.current?.close()}>
            Annuler
          </button>
        </div>
      </dialog>
    </>
  );
}
