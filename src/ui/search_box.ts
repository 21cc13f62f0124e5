// The search box: an accessible combobox (WAI-ARIA 1.2, list autocomplete) over the search index.

import { layerName } from '../catalog';
import { COMBO_CLOSED, type ComboEvent, type ComboState, comboReduce } from '../lib/combobox';
import { districtName, type MapFeature } from '../lib/feature';
import { type Lang, translate } from '../lib/i18n';
import type { PlanTarget } from '../lib/plan_targets';
import {
  buildSearchIndex,
  type Highlight,
  highlightedText,
  highlightSegments,
  type SearchEntry,
  type SearchResult,
} from '../lib/search';
import { buildTypeIndex, searchWithTypes } from '../lib/search_by_type';
import { PinyinCache } from '../lib/search_index';
import { searchOutcome } from '../lib/search_outcome';
import { appSearchEntries } from '../lib/search_targets';
import { h } from './dom';

export interface SearchBoxOptions {
  lang: Lang;
  /** What is searched: the features' names and types, plus the eight districts. */
  features: readonly MapFeature[];
  /** The plan's targets, found by their summary, quote and named places (default none). */
  targets?: readonly PlanTarget[];
  /** The map centre [lon, lat], WGS-84 degrees: facilities found by their type are listed nearest it first. */
  centre?: () => readonly [number, number];
  /** Placeholder text used as is in both languages; the translated default when absent. */
  placeholder?: string;
  /** Maximum results shown (default 8). */
  limit?: number;
  /** Called when the user picks a result (Enter or click). */
  onPick(result: SearchResult): void;
}

export interface SearchBox {
  element: HTMLElement;
  setLang(lang: Lang): void;
  /**
   * Search these features from now on (live OSM features arrived, an import): the index is rebuilt,
   * reusing the pinyin of names seen in the last build.
   */
  setFeatures(features: readonly MapFeature[]): void;
  focus(): void;
}

// Hidden from sight, not from screen readers; set through the CSSOM so a strict CSP allows it.
const VISUALLY_HIDDEN =
  'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';

let instances = 0;

/** Name in the display language, falling back to the other. */
function displayField(entry: SearchEntry, lang: Lang): 'name_zh' | 'name_en' {
  if (lang === 'zh') return entry.name_zh ? 'name_zh' : 'name_en';
  return entry.name_en ? 'name_en' : 'name_zh';
}

/** Text with the highlighted ranges wrapped in <mark>. */
function marked(text: string, hl: Highlight | null): Array<string | HTMLElement> {
  if (!hl) return [text];
  return highlightSegments(text, hl.ranges).map((s) => (s.mark ? h('mark', {}, s.text) : s.text));
}

/** "Category · District", "District or county" for a district, "Plan target · Category" for a target. */
function metaLine(entry: SearchEntry, lang: Lang): string {
  if (entry.kind === 'district') return translate(lang, 'search.district');
  const parts: string[] = entry.kind === 'target' ? [translate(lang, 'search.target')] : [];
  if (entry.category) parts.push(layerName(entry.category, lang));
  if (entry.district) parts.push(districtName(entry.district, lang));
  return parts.join(' · ');
}

/**
 * Create a search box. Mount `element` anywhere; searching runs on every input event (a query over
 * 50k entries takes a few ms, so no debounce). Keystrokes that belong to an IME composition are left alone.
 */
export function createSearchBox(opts: SearchBoxOptions): SearchBox {
  const uid = `search-${++instances}`;
  const limit = opts.limit ?? 8;
  let lang = opts.lang;
  const pinyin = new PinyinCache();
  const targets = opts.targets ?? [];
  const indexOf = (features: readonly MapFeature[]) => {
    const index = buildSearchIndex(appSearchEntries(features, targets), pinyin);
    return { index, types: buildTypeIndex(index) };
  };
  let built = indexOf(opts.features);
  let results: SearchResult[] = [];
  let state: ComboState = COMBO_CLOSED;

  const input = h('input', {
    id: `${uid}-input`,
    class: 'search-input',
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${uid}-list`,
    'aria-describedby': `${uid}-hint`,
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    maxlength: 200,
  });
  const label = h('label', { for: input.id, style: VISUALLY_HIDDEN });
  const hint = h('span', { id: `${uid}-hint`, style: VISUALLY_HIDDEN });
  const list = h('ul', { id: `${uid}-list`, class: 'search-results', role: 'listbox' });
  // Above the options when no place matched but targets or districts did (the live region says it too).
  const note = h('p', { class: 'search-note', 'aria-hidden': 'true', hidden: true });
  const drop = h('div', { class: 'search-drop', hidden: true }, note, list);
  const status = h('div', {
    class: 'search-status',
    role: 'status',
    'aria-live': 'polite',
    style: VISUALLY_HIDDEN,
  });
  // Seen, not read: the live region already announces "no matches" to screen readers.
  const empty = h('p', { class: 'search-empty', 'aria-hidden': 'true', hidden: true });
  const element = h('div', { class: 'search-box', role: 'search' }, label, input, hint, drop, empty, status);

  const optionId = (i: number) => `${uid}-opt-${i}`;

  function renderLabels(): void {
    label.textContent = translate(lang, 'search.label');
    hint.textContent = translate(lang, 'search.hint');
    input.placeholder = opts.placeholder ?? translate(lang, 'search.placeholder');
    list.setAttribute('aria-label', translate(lang, 'search.listbox'));
  }

  function renderOptions(): void {
    const items = results.map((r, i) => {
      const field = displayField(r.entry, lang);
      const own = r.highlight.field === field;
      // A match in the other language, an alias or the type is shown on its own line, so the user sees why
      // it matched.
      const via = r.via;
      const why = via
        ? h(
            'span',
            { class: 'search-why' },
            ...marked(highlightedText(via.entry, via.highlight), via.highlight),
          )
        : own
          ? null
          : h('span', { class: 'search-why' }, ...marked(highlightedText(r.entry, r.highlight), r.highlight));
      const meta = metaLine(r.entry, lang);
      return h(
        'li',
        {
          id: optionId(i),
          class: 'search-option',
          role: 'option',
          'aria-selected': 'false',
          'data-index': i,
          'data-kind': r.kind,
        },
        h('span', { class: 'search-name' }, ...marked(r.entry[field], own ? r.highlight : null)),
        why,
        meta ? h('span', { class: 'search-meta' }, meta) : null,
      );
    });
    list.replaceChildren(...items);
  }

  function applyState(): void {
    input.setAttribute('aria-expanded', String(state.open));
    drop.hidden = !state.open;
    const options = list.children;
    for (let i = 0; i < options.length; i++) {
      options[i]?.setAttribute('aria-selected', String(i === state.active));
    }
    const active = state.open && state.active >= 0 ? options[state.active] : undefined;
    if (active) {
      input.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView?.({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function announce(): void {
    const outcome = searchOutcome(input.value, results);
    const said = outcome ? translate(lang, outcome.key, outcome.params) : '';
    const text = !input.value.trim()
      ? ''
      : outcome
        ? said
        : results.length === 1
          ? translate(lang, 'search.results.one')
          : translate(lang, 'search.results', { n: results.length });
    if (status.textContent !== text) status.textContent = text;
    const nothing = results.length === 0 && outcome !== null;
    empty.textContent = nothing ? said : '';
    empty.hidden = !(nothing && document.activeElement === input);
    note.textContent = nothing ? '' : said;
    note.hidden = nothing || !outcome;
  }

  function dispatch(ev: ComboEvent): ReturnType<typeof comboReduce> {
    const step = comboReduce(state, ev);
    state = step.state;
    applyState();
    return step;
  }

  function runSearch(): void {
    results = searchWithTypes(built.index, built.types, input.value, {
      limit,
      lang,
      centre: opts.centre?.(),
    });
    renderOptions();
    // Only the person typing opens the list: a language switch or new data while the box is not
    // focused refreshes the results behind a closed list instead of popping it open over the map.
    dispatch(
      document.activeElement === input ? { type: 'results', count: results.length } : { type: 'close' },
    );
    announce();
  }

  function pick(i: number): void {
    const r = results[i];
    if (!r) return;
    input.value = r.entry[displayField(r.entry, lang)];
    dispatch({ type: 'close' });
    opts.onPick(r);
  }

  input.addEventListener('input', runSearch);
  input.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229) return; // the IME owns these keys
    const step = dispatch({ type: 'key', key: e.key, hasText: input.value !== '' });
    if (step.handled) e.preventDefault();
    if (step.effect.type === 'pick') pick(step.effect.index);
    else if (step.effect.type === 'clear') {
      input.value = '';
      runSearch();
    }
  });
  input.addEventListener('blur', () => dispatch({ type: 'close' }));
  // Keep focus in the input while clicking an option, so the click lands before the blur closes the list.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('mousemove', (e) => {
    const li = (e.target as Element | null)?.closest?.('[role="option"]');
    const i = Number(li?.getAttribute('data-index'));
    if (li && Number.isInteger(i) && i !== state.active) dispatch({ type: 'hover', index: i });
  });
  list.addEventListener('click', (e) => {
    const li = (e.target as Element | null)?.closest?.('[role="option"]');
    const i = Number(li?.getAttribute('data-index'));
    if (li && Number.isInteger(i)) pick(i);
  });

  renderLabels();
  return {
    element,
    setLang(next: Lang): void {
      if (next === lang) return;
      lang = next;
      renderLabels();
      if (input.value) runSearch();
    },
    setFeatures(features: readonly MapFeature[]): void {
      built = indexOf(features);
      if (input.value) runSearch();
      else results = [];
    },
    focus(): void {
      input.focus();
    },
  };
}
