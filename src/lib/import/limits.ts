// Import limits, kept apart so that the main-thread client can read them without loading the importer.

/** Files larger than this are refused before they are read (bytes). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** Without a worker, files up to this size are imported on the main thread (bytes; ~50 ms of work). */
export const MAIN_THREAD_MAX_BYTES = 2 * 1024 * 1024;
