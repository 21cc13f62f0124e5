// The import worker: parses and validates a user file off the main thread (protocol: src/lib/import/protocol.ts).

import OpeningHours from 'opening_hours';
import { handleImportRequest } from '../lib/import/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// The parser is 160 KiB gzip; here it costs the main bundle nothing.
const checkOpeningHours = (value: string): boolean => {
  try {
    new OpeningHours(value);
    return true;
  } catch {
    return false;
  }
};

scope.onmessage = (event: MessageEvent) => {
  void handleImportRequest(event.data, (reply) => scope.postMessage(reply), { checkOpeningHours });
};
