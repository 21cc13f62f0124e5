// CRS names as shown in import messages (the same in both languages).

import type { Crs } from '../crs';

export const CRS_LABEL: Record<Crs, string> = { WGS84: 'WGS-84', GCJ02: 'GCJ-02', BD09: 'BD-09' };
