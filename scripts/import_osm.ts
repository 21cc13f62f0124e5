// CLI of the OSM import (npm run data:osm -- --pbf FILE | --osm FILE | --download); logic in scripts/lib/osm/.

import { importOsmCli } from './lib/osm/import_cli.ts';

process.exitCode = await importOsmCli(process.argv.slice(2));
