/** A wide table that scrolls inside the page on a phone instead of widening it. */
import type { ComponentChildren } from 'preact';

export function ScrollArea(props: { label: string; children: ComponentChildren }) {
  return (
    // Keyboard users must reach a scrolling region (WCAG 2.1.1; axe's scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region has to take focus to scroll by keyboard
    <section class="scroll" tabIndex={0} aria-label={props.label}>
      {props.children}
    </section>
  );
}
