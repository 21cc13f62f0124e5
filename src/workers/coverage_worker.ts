// The coverage worker: grid, walking times, what-if, figures and exports off the main thread (src/lib/coverage/session.ts).

import type { CoverageReply } from '../lib/coverage/protocol';
import { CoverageSession } from '../lib/coverage/session';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// GeoTIFF population needs `npm i geotiff`; then pass geotiff: geotiffReader(await import('geotiff')).
const session = new CoverageSession({ geotiff: null });

scope.onmessage = (event: MessageEvent) => {
  void session.handle(event.data, (reply: CoverageReply, transfer?: Transferable[]) =>
    scope.postMessage(reply, transfer ?? []),
  );
};
