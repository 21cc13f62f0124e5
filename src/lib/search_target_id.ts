// Search entry ids of plan targets: kept apart from the search index so the page can read a chosen
// result's id without loading the index (and its pinyin tables) up front.

const PREFIX = 'target:';

/** The search entry id of plan target `id` (prefixed so it never collides with a feature id). */
export function targetEntryId(id: string): string {
  return `${PREFIX}${id}`;
}

/** The plan target id behind a search entry id, or null when the entry is not a target. */
export function targetIdOf(entryId: string): string | null {
  return entryId.startsWith(PREFIX) ? entryId.slice(PREFIX.length) : null;
}
