// The coverage worker: grid, walking times, what-if, figures and exports off the main thread (src/lib/coverage/session.ts).

import { appGeotiffReader } from '../lib/coverage/population_geotiff';
import type { CoverageReply } from '../lib/coverage/protocol';
import { CoverageSession } from '../lib/coverage/session';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const session = new CoverageSession({ geotiff: appGeotiffReader() });

scope.onmessage = (event: MessageEvent) => {
  void session.handle(event.data, (reply: CoverageReply, transfer?: Transferable[]) =>
    scope.postMessage(reply, transfer ?? []),
  );
};
