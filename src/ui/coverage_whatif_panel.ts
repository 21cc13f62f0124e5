// The coverage panel's what-if sites: add on the map or at its centre, list, remove.

import { layerOf } from '../catalog';
import { formatCoord } from '../lib/coord_format';
import { MAX_SITES } from '../lib/coverage/scenario_state';
import { type CoveragePanelProps, catName, panelText } from './coverage_panel_props';
import { h } from './dom';

/** The what-if section: the add buttons and the numbered list of proposed sites. */
export function whatIfSection(p: CoveragePanelProps): HTMLElement {
  const L = p.lang;
  const { t } = panelText(L);
  const whatif = h('section', { class: 'cov-whatif', 'aria-labelledby': 'cov-whatif-h' });
  whatif.append(h('h3', { id: 'cov-whatif-h' }, t('plan.cov.whatif.title')));
  const add = h(
    'button',
    {
      type: 'button',
      id: 'cov-add-site',
      'aria-pressed': String(p.adding),
      disabled: p.state.covSites.length >= MAX_SITES && !p.adding,
    },
    p.adding
      ? t('plan.cov.whatif.adding')
      : t('plan.cov.whatif.add', { category: catName(p.state.covCat, L) }),
  );
  add.addEventListener('click', () => p.on.addMode(!p.adding));
  // The keyboard way to place a site: pan the map with the arrow keys, then add at its centre.
  const atCentre = h(
    'button',
    { type: 'button', id: 'cov-add-centre', disabled: p.state.covSites.length >= MAX_SITES },
    t('plan.cov.whatif.add_centre'),
  );
  atCentre.addEventListener('click', p.on.addAtCentre);
  whatif.append(h('div', { class: 'cov-whatif-buttons' }, add, atCentre));
  if (p.state.covSites.length >= MAX_SITES)
    whatif.append(h('p', {}, t('plan.cov.whatif.max', { n: MAX_SITES })));
  if (p.state.covSites.length === 0) whatif.append(h('p', { class: 'cov-muted' }, t('plan.cov.whatif.none')));
  else {
    const list = h('ol', { class: 'cov-sites' });
    p.state.covSites.forEach((s, i) => {
      const remove = h(
        'button',
        { type: 'button', class: 'cov-remove', 'aria-label': t('plan.cov.whatif.remove', { n: i + 1 }) },
        '×',
      );
      remove.addEventListener('click', () => p.on.removeSite(i));
      list.append(
        h(
          'li',
          {},
          h(
            'span',
            { class: 'swatch', style: `background:${layerOf(s.category).color}`, 'aria-hidden': 'true' },
            String(i + 1),
          ),
          h(
            'span',
            {},
            t('plan.cov.whatif.site', { n: i + 1, category: catName(s.category, L) }),
            h('span', { class: 'cov-muted' }, ` ${formatCoord(s.lon)}, ${formatCoord(s.lat)}`),
          ),
          remove,
        ),
      );
    });
    const clearAll = h('button', { type: 'button', id: 'cov-clear-sites' }, t('plan.cov.whatif.clear'));
    clearAll.addEventListener('click', p.on.clearSites);
    whatif.append(list, h('p', { class: 'cov-muted' }, t('plan.cov.whatif.drag')), clearAll);
  }
  return whatif;
}
