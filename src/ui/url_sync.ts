// The view state ⇄ the URL hash: every change is in the link, the back button steps back through them.

import type { Store } from '../lib/store';
import { parseHash, toHash, type ViewState } from '../lib/url_state';

/**
 * Keep `location.hash` in step with the store and the store with the history. Call before the other
 * subscribers, so the URL is written before anything reacts. Changes from the URL itself carry source 'url'.
 */
export function syncUrl(store: Store<ViewState>): void {
  window.addEventListener('popstate', () => store.set(parseHash(location.hash, store.get()), 'url'));
  store.subscribe((s, _prev, source) => {
    if (source === 'url') return;
    const hash = toHash(s);
    if (hash === location.hash) return;
    // Camera moves replace the entry; everything else is a step the back button can undo.
    if (source === 'map') history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
  });
}
