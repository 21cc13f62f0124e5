// The About dialog in the app: opened from the header, its figures kept current while it is open.

import type { Lang } from '../lib/i18n';
import { type AboutStats, renderAbout } from './about';

export interface AboutDialogDeps {
  lang(): Lang;
  stats(): AboutStats;
  /** The "kept on this device" section (storage used, clear, keep offline), built for `lang`. */
  deviceSection(lang: Lang): HTMLElement;
}

/**
 * Owns the dialog's content. The device section is built once per opening (and language): a re-render while
 * the dialog is open (new places arrived, the live cache was cleared) keeps it, with its running action and
 * status line, instead of replacing it by a blank one.
 */
export class AboutDialog {
  private section: { lang: Lang; el: HTMLElement } | null = null;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly deps: AboutDialogDeps,
  ) {}

  /** Open the dialog with a fresh device section. */
  open(): void {
    this.section = null;
    this.render();
    this.dialog.showModal();
  }

  /** Re-render the figures if the dialog is open. */
  refresh(): void {
    if (this.dialog.open) this.render();
  }

  private render(): void {
    const lang = this.deps.lang();
    if (this.section?.lang !== lang) this.section = { lang, el: this.deps.deviceSection(lang) };
    this.dialog.replaceChildren(
      renderAbout(lang, this.deps.stats(), () => this.dialog.close(), this.section.el),
    );
  }
}
