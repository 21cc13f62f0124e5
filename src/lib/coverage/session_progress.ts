// The coverage session's pacing: progress messages thinned out in time, and the cancellation a checkpoint throws.

import type { CoveragePhase, CoverageReply } from './protocol';

/** Progress messages closer together than this are dropped (a phase change always gets through). */
const PROGRESS_INTERVAL_MS = 50;

/** Thrown at a checkpoint when the request was cancelled or superseded. */
export class Cancelled extends Error {}

/** Milliseconds on a monotonic clock where there is one. */
export const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Reports `done` of `total` steps of a phase. */
export type Progress = (phase: CoveragePhase, done: number, total: number) => void;

/**
 * Progress for one request: a message per phase change or per finished phase, else at most one
 * every 50 ms.
 */
export function throttledProgress(post: (reply: CoverageReply) => void, id: number): Progress {
  let lastPhase = '';
  let lastAt = Number.NEGATIVE_INFINITY;
  return (phase, done, total) => {
    const t = now();
    if (phase === lastPhase && t - lastAt < PROGRESS_INTERVAL_MS && done < total) return;
    lastPhase = phase;
    lastAt = t;
    post({ type: 'progress', id, progress: { phase, done, total } });
  };
}
