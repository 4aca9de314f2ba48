// Writes the demo export as .xlsx in its own process, so that the reading
// step's memory figure starts from a clean Node process.
// Usage: tsx bench/writeExport.ts <participants> <seed> <path>

import { writeSheet } from '../node/xlsx/writeSheet';
import { demoExport } from '../shared/demo/demoExport';

const [participants, seed, path] = process.argv.slice(2);
if (!participants || !seed || !path) {
  throw new Error('usage: writeExport.ts <participants> <seed> <path>');
}

const table = demoExport({
  participants: Number(participants),
  seed: Number(seed),
});
await writeSheet(table, path);
console.log(`${table.rows.length} rows`);
