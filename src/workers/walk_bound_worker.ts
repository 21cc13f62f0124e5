// The point-to-point worker: prepares the A* landmark tables, then the contraction hierarchy, of the city walking graph off the main thread.

import { type BoundRequest, handleBoundRequest } from '../lib/walk/bound_worker.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent) => {
  handleBoundRequest(event.data as BoundRequest, (reply, transfer) =>
    scope.postMessage(reply, transfer ?? []),
  );
};
