// Where this page asks Overpass, from the build's settings and a same-origin `?overpass=` parameter.

import { resolveOverpassEndpoints } from '../lib/live_osm/endpoints';
import { resolveOverpassEndpoint } from '../lib/walk/online/endpoint';

/** The endpoints this page uses. */
export interface PageOverpass {
  /** Street networks when no city graph is loaded (the nearby view, the planner). */
  walk: string;
  /** Live facilities, tried in order. */
  live: string[];
}

/** The Overpass endpoints for this page (rules in resolveOverpassEndpoint / resolveOverpassEndpoints). */
export function pageOverpass(params: URLSearchParams): PageOverpass {
  return {
    walk: resolveOverpassEndpoint({
      env: import.meta.env.VITE_OVERPASS_ENDPOINT,
      param: params.get('overpass'),
      pageOrigin: location.origin,
    }),
    live: resolveOverpassEndpoints({
      envList: import.meta.env.VITE_OVERPASS_ENDPOINTS,
      env: import.meta.env.VITE_OVERPASS_ENDPOINT,
      param: params.get('overpass'),
      pageOrigin: location.origin,
    }),
  };
}
