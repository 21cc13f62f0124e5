// The per-file time budget and progress of validation, in work units (records plus positions).

/** Default time one file may take to validate (ms); past it the import stops with a message. */
export const IMPORT_TIME_BUDGET_MS = 30_000;

/** Thrown by WorkMeter.tick when the budget is spent; importFile turns it into `import.err.time_budget`. */
export class BudgetExceeded extends Error {
  constructor(readonly record: number) {
    super('import time budget exceeded');
  }
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Counts work done, reports it at most every `everyUnits` units, and throws BudgetExceeded once the
 * deadline has passed (checked at every report and every 256 units, so a single huge feature is
 * stopped inside it).
 */
export class WorkMeter {
  private done = 0;
  private nextReport = 0;
  private nextCheck = 0;
  private readonly deadline: number;
  private readonly every: number;
  /** The 1-based record being validated (for the progress line and the budget message). */
  record = 0;

  constructor(
    readonly total: number,
    readonly records: number,
    budgetMs: number,
    private readonly report: (done: number, total: number, record: number, records: number) => void,
  ) {
    this.deadline = now() + budgetMs;
    this.every = Math.max(1, Math.ceil(total / 100));
  }

  /** Adds `units` of work. */
  tick = (units: number): void => {
    this.done += units;
    if (this.done >= this.nextCheck) {
      this.nextCheck = this.done + 256;
      if (now() > this.deadline) throw new BudgetExceeded(this.record);
    }
    if (this.done >= this.nextReport) {
      this.nextReport = this.done + this.every;
      this.report(Math.min(this.done, this.total), this.total, this.record, this.records);
    }
  };
}
