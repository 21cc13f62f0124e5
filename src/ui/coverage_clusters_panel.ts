// The coverage panel's largest uncovered areas: one button per area, which shows it on the map.

import { clusterCentre, clusterDistricts } from '../lib/coverage/cluster_text';
import type { AnalyseResult } from '../lib/coverage/protocol';
import { type CoveragePanelProps, panelText } from './coverage_panel_props';
import { h } from './dom';

/** The uncovered-areas section of result `r`, ranked as the worker ranked them. */
export function clustersSection(p: CoveragePanelProps, r: AnalyseResult): HTMLElement {
  const L = p.lang;
  const { t, nf, km2 } = panelText(L);
  const last = r.bands[r.bands.length - 1] as number;
  const basis = t(r.basis === 'population' ? 'plan.cov.basis.population' : 'plan.cov.basis.area');
  const sec = h('section', { class: 'cov-clusters', 'aria-labelledby': 'cov-clusters-h' });
  sec.append(h('h3', { id: 'cov-clusters-h' }, `${t('plan.cov.clusters.title', { min: last })} · ${basis}`));
  if (r.clusters.length === 0) sec.append(h('p', {}, t('plan.cov.clusters.none')));
  else {
    const list = h('ol', { class: 'cov-cluster-list' });
    for (const c of r.clusters) {
      const where = {
        district: clusterDistricts(c, L),
        area: km2(c.areaM2),
        cells: nf(c.cells),
        centre: clusterCentre(c),
      };
      const label =
        c.pop === null
          ? t('plan.cov.clusters.item', where)
          : p.youthShare !== null
            ? t('plan.cov.clusters.item_youth', {
                ...where,
                pop: nf(c.pop * p.youthShare),
                share: nf(p.youthShare * 100, 1),
              })
            : t('plan.cov.clusters.item_pop', { ...where, pop: nf(c.pop) });
      const b = h('button', { type: 'button', class: 'cov-cluster' }, label);
      b.addEventListener('click', () => p.on.cluster(c));
      list.append(h('li', {}, b));
    }
    sec.append(list);
  }
  return sec;
}
