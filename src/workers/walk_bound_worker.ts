// The A* bound worker: prepares the landmark tables of the city walking graph off the main thread.

import { type BoundRequest, handleBoundRequest } from '../lib/walk/bound_worker.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent) => {
  handleBoundRequest(event.data as BoundRequest, (reply, transfer) =>
    scope.postMessage(reply, transfer ?? []),
  );
};
