// The Overpass worker: parses an Overpass answer and builds its walking graph off the main thread.

import { handleOverpassRequest } from '../lib/walk/online/protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent) => {
  handleOverpassRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer));
};
