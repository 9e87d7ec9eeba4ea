// Run as its own process (node --import tsx): takes attempts in one bucket as fast as it can, from the moment
// given, and prints how many it was given. Several at once show whether the count holds across processes.
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';

const [url, bucket, max, tries, startAt] = process.argv.slice(2);
const database = openDatabase(url!);
const store = Store.of(database);
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
let taken = 0;
for (let i = 0; i < Number(tries); i++) {
  const now = new Date().toISOString();
  if ((await store.users.takeAttempt(bucket!, '2000-01-01', now, Number(max))) !== undefined) taken++;
}
await database.close();
process.stdout.write(`${taken}\n`);
