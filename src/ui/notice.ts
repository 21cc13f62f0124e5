// The transient status line over the map: data errors, basemap fallbacks (one message at a time).

import { h } from './dom';

/** How long a notice stays, ms: long enough to read twice. */
const NOTICE_MS = 12_000;

/** One polite live region with a close button; a new message replaces the one shown. */
export class Notice {
  readonly element: HTMLElement;
  private readonly text = h('span', { class: 'notice-text' });
  private readonly close = h('button', { type: 'button', class: 'notice-close' }, '×');
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the message on screen is about the basemap (a later good basemap clears it). */
  private aboutBasemap = false;

  constructor() {
    this.element = h(
      'div',
      { class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true },
      this.text,
      this.close,
    );
    this.close.addEventListener('click', () => {
      this.element.hidden = true;
    });
  }

  /** Show `text` for 12 s or until dismissed. */
  show(text: string, aboutBasemap = false): void {
    this.aboutBasemap = aboutBasemap;
    this.text.textContent = text;
    this.element.hidden = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.element.hidden = true;
    }, NOTICE_MS);
  }

  /** The basemap asked for now draws: an old "could not be loaded" no longer applies. */
  clearBasemap(): void {
    if (this.aboutBasemap) this.element.hidden = true;
  }

  /** The close button's accessible name in the display language. */
  setCloseLabel(label: string): void {
    this.close.setAttribute('aria-label', label);
  }
}
