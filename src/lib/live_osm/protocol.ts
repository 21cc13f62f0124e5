// Messages between the main thread and the Overpass worker for live facilities, and the worker's handler.

import { createDistrictLookup, type DistrictCollectionLike, type DistrictLookup } from '../districts.ts';
import { OverpassError, type OverpassErrorKind } from '../walk/online/fetcher.ts';
import { gridDistrictLookup } from './district_grid.ts';
import { type LiveTileData, parseLiveTile } from './parse.ts';

/** Main thread → worker: parse one tile's answer. The district polygons come with the first request. */
export interface LiveParseRequest {
  type: 'live_osm';
  id: number;
  tile: string;
  /** The raw answer (UTF-8 JSON). */
  body: Uint8Array;
  districts?: DistrictCollectionLike;
}

/** Worker → main thread: exactly one reply per request. */
export type LiveParseReply =
  | { type: 'live_osm'; id: number; data: LiveTileData }
  | { type: 'live_osm_error'; id: number; kind: OverpassErrorKind; message: string; remark?: string };

export function isLiveParseRequest(value: unknown): value is LiveParseRequest {
  const v = value as Partial<LiveParseRequest> | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    v.type === 'live_osm' &&
    typeof v.id === 'number' &&
    typeof v.tile === 'string' &&
    v.body instanceof Uint8Array
  );
}

/** The worker's state: the district lookup (grid-accelerated), built once from the first request's polygons. */
export class LiveParseHandler {
  private lookup: DistrictLookup | null = null;

  /** Runs one request and posts its reply (non-requests are ignored; returns whether it was one). */
  handle(message: unknown, post: (reply: LiveParseReply) => void): boolean {
    if (!isLiveParseRequest(message)) return false;
    const { id } = message;
    try {
      if (message.districts)
        this.lookup = gridDistrictLookup(message.districts, createDistrictLookup(message.districts));
      if (!this.lookup) throw new Error('no district polygons were sent');
      post({ type: 'live_osm', id, data: parseLiveTile(message.body, message.tile, this.lookup) });
    } catch (e) {
      post(
        e instanceof OverpassError
          ? {
              type: 'live_osm_error',
              id,
              kind: e.kind,
              message: e.message,
              ...(e.detail.remark ? { remark: e.detail.remark } : {}),
            }
          : {
              type: 'live_osm_error',
              id,
              kind: 'bad_json',
              message: `the answer could not be read (${(e as Error)?.message ?? e})`,
            },
      );
    }
    return true;
  }
}
