// The Overpass worker: parses Overpass answers off the main thread — walking graphs, and live facilities (loaded on first use).

import type { LiveParseHandler } from '../lib/live_osm/protocol.ts';
import { handleOverpassRequest } from '../lib/walk/online/protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The facilities handler (rules, validator, opening-hours parser) is its own chunk: graphs never load it. */
let live: Promise<LiveParseHandler> | null = null;

scope.onmessage = (event: MessageEvent) => {
  const message = event.data as { type?: unknown } | null;
  if (message?.type === 'live_osm') {
    live ??= import('../lib/live_osm/protocol.ts').then((m) => new m.LiveParseHandler());
    void live.then((h) => h.handle(message, (reply) => scope.postMessage(reply)));
    return;
  }
  handleOverpassRequest(event.data, (reply, transfer) => scope.postMessage(reply, transfer));
};
