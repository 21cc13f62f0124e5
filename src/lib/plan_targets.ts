// The plan's map-related targets (data/plan_targets.json) and how far the mapped features meet them.

import {
  CATEGORY_IDS,
  type CategoryId,
  LANZHOU_DISTRICTS,
  type MapFeature,
  type SourceRef,
  type Status,
} from './feature';

/** How a target is counted: number of features, sum of `units`, a named place, or computed coverage. */
export type Measure = 'features' | 'units' | 'named' | 'coverage';

export interface PlanTarget {
  id: string;
  /** null when the map has no layer for it yet (listed, never counted). */
  category: CategoryId | null;
  measure: Measure;
  /** null when the plan gives no number. */
  target: number | null;
  comparator: 'at_least' | null;
  quote_zh: string;
  summary_zh: string;
  summary_en: string;
  source: SourceRef;
  districts?: string[];
  named_places_zh?: string[];
  /**
   * For features/units targets: `category` counts every feature of the layer (the layer is exactly what the
   * plan promises, e.g. 青年友好型社区); `tagged` counts only features whose `plan_target` names this target
   * (the layer is broader: not every park is a youth theme park, not every home a 保障性租赁住房).
   */
  match?: 'category' | 'tagged';
  note_zh?: string;
  note_en?: string;
}

export interface TargetProgress {
  target: PlanTarget;
  /** Mapped amount per status (features, units or named places found). */
  mapped: Record<Status, number>;
  /** Features that count towards the target. */
  featureIds: string[];
  /** mapped existing+under_construction+planned ÷ target, or null when there is no number or layer. */
  share: number | null;
}

const MEASURES: readonly Measure[] = ['features', 'units', 'named', 'coverage'];

/** Feature `plan_target` values that name no target (English problems, for the build). */
export function unknownTargetRefs(targets: readonly PlanTarget[], features: readonly MapFeature[]): string[] {
  const ids = new Set(targets.map((t) => t.id));
  return features
    .filter((f) => f.properties.plan_target !== undefined && !ids.has(f.properties.plan_target))
    .map(
      (f) =>
        `${f.properties.id}: plan_target "${f.properties.plan_target}" is not an id in plan_targets.json`,
    );
}

/** Check the shape of plan_targets.json; returns the targets or a list of problems (English, for the build). */
export function parsePlanTargets(raw: unknown): { targets: PlanTarget[]; problems: string[] } {
  const problems: string[] = [];
  const list = (raw as { targets?: unknown })?.targets;
  if (!Array.isArray(list))
    return { targets: [], problems: ['plan_targets.json: "targets" must be an array'] };
  const ids = new Set<string>();
  list.forEach((t: Record<string, unknown>, i) => {
    const at = `plan_targets.json target ${i + 1}`;
    if (typeof t.id !== 'string' || !t.id) problems.push(`${at}: missing id`);
    else if (ids.has(t.id)) problems.push(`${at}: duplicate id ${t.id}`);
    else ids.add(t.id);
    if (t.category !== null && !CATEGORY_IDS.includes(t.category as CategoryId))
      problems.push(`${at}: unknown category ${String(t.category)}`);
    if (!MEASURES.includes(t.measure as Measure))
      problems.push(`${at}: unknown measure ${String(t.measure)}`);
    if (t.target !== null && !(typeof t.target === 'number' && t.target > 0))
      problems.push(`${at}: target must be a positive number or null`);
    for (const k of ['quote_zh', 'summary_zh', 'summary_en']) {
      if (typeof t[k] !== 'string' || !(t[k] as string).trim()) problems.push(`${at}: missing ${k}`);
    }
    if (typeof (t.source as SourceRef | undefined)?.title !== 'string')
      problems.push(`${at}: missing source.title`);
    for (const d of (t.districts as string[] | undefined) ?? []) {
      if (!(d in LANZHOU_DISTRICTS)) problems.push(`${at}: unknown district ${d}`);
    }
  });
  return { targets: problems.length ? [] : (list as PlanTarget[]), problems };
}

/**
 * Progress of each target against the mapped features. Tagged targets count only features that name the target
 * in `plan_target`; category targets count the whole layer. Named targets count features whose name_zh contains
 * one of the named places; district-limited targets count one per listed district at most (a sports park in
 * each of 皋兰 and 西固), so two parks in one district do not meet a two-district target.
 */
export function planProgress(
  targets: readonly PlanTarget[],
  features: readonly MapFeature[],
): TargetProgress[] {
  return targets.map((target) => {
    const mapped: Record<Status, number> = { existing: 0, planned: 0, under_construction: 0 };
    const featureIds: string[] = [];
    if (target.category === null || target.measure === 'coverage')
      return { target, mapped, featureIds, share: null };
    let pool = features.filter(
      (f) =>
        f.properties.category === target.category &&
        (target.measure === 'named' || target.match === 'category' || f.properties.plan_target === target.id),
    );
    if (target.districts) pool = pool.filter((f) => target.districts?.includes(f.properties.district));
    if (target.measure === 'named') {
      for (const name of target.named_places_zh ?? []) {
        const hit = pool.find((f) => f.properties.name_zh.includes(name));
        if (hit) {
          mapped[hit.properties.status] += 1;
          featureIds.push(hit.properties.id);
        }
      }
    } else if (target.districts) {
      for (const d of target.districts) {
        const inD = pool.filter((f) => f.properties.district === d);
        const best =
          inD.find((f) => f.properties.status === 'existing') ??
          inD.find((f) => f.properties.status === 'under_construction') ??
          inD[0];
        if (best) {
          mapped[best.properties.status] += 1;
          featureIds.push(best.properties.id);
        }
      }
    } else {
      for (const f of pool) {
        mapped[f.properties.status] += target.measure === 'units' ? (f.properties.units ?? 0) : 1;
        featureIds.push(f.properties.id);
      }
    }
    const total = mapped.existing + mapped.planned + mapped.under_construction;
    return { target, mapped, featureIds, share: target.target ? total / target.target : null };
  });
}
