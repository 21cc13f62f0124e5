// The basemap chooser shown in the layer panel: a select of basemaps and, for "custom", a URL field.

import { type Lang, type MessageKey, translate } from '../lib/i18n';
import { BASEMAP_IDS, type BasemapId } from '../lib/url_state';
import { h } from './dom';

export interface BasemapPickerProps {
  lang: Lang;
  basemap: BasemapId;
  customUrl: string | null;
  /** The basemap actually drawn (the offline one after a fallback); a note says so when it differs. */
  shown?: BasemapId;
  /** Choices that cannot work here (天地图 without a key): listed but disabled, with the reason. */
  unavailable?: readonly BasemapId[];
  onChange(basemap: BasemapId, customUrl: string | null): void;
  /** The custom URL is not http(s). */
  onInvalid(): void;
}

/** Render the picker. Choosing "custom" reveals a URL field; the choice applies on submit. */
export function renderBasemapPicker(p: BasemapPickerProps): HTMLElement {
  const t = (k: MessageKey) => translate(p.lang, k);
  const select = h(
    'select',
    { id: 'basemap-select' },
    ...BASEMAP_IDS.map((id) => {
      const off = p.unavailable?.includes(id) ?? false;
      const name = t(`basemap.${id}` as MessageKey);
      return h(
        'option',
        { value: id, selected: id === p.basemap, disabled: off && id !== p.basemap },
        off ? translate(p.lang, 'basemap.unavailable', { name }) : name,
      );
    }),
  );
  const shown =
    p.shown && p.shown !== p.basemap && p.basemap !== 'auto'
      ? h(
          'p',
          { class: 'basemap-shown', role: 'status' },
          translate(p.lang, 'basemap.shown', { name: t(`basemap.${p.shown}` as MessageKey) }),
        )
      : null;
  const url = h('input', {
    type: 'url',
    id: 'basemap-url',
    placeholder: 'https://…/style.json',
    value: p.customUrl ?? '',
    'aria-label': t('basemap.custom.prompt'),
  });
  const apply = h('button', { type: 'submit' }, t('basemap.apply'));
  const custom = h('div', { class: 'basemap-custom', hidden: p.basemap !== 'custom' }, url, apply);
  const form = h(
    'form',
    { class: 'basemap-picker' },
    h('label', { for: 'basemap-select' }, t('basemap.label')),
    select,
    shown,
    custom,
  );
  select.addEventListener('change', () => {
    const id = select.value as BasemapId;
    if (id === 'custom') {
      custom.hidden = false;
      url.focus();
    } else p.onChange(id, null);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = url.value.trim();
    if (!/^https?:\/\/\S+$/i.test(value)) p.onInvalid();
    else p.onChange('custom', value);
  });
  return form;
}
