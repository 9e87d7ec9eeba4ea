import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.js';
import { loadConfig } from '../../src/config.js';
import { importFiles } from '../../src/services/import.js';
import { buildApp } from '../../src/web/app.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';

describe("the server's log", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('sqlite');
    await importFiles(t.store, fixtureFiles());
  });
  afterAll(async () => t?.drop());

  /** the log's lines while the site answers `urls` with LOG_LEVEL=level */
  async function linesWhile(level: string, urls: string[]) {
    const lines: { msg?: string; level: number; url?: string; status?: number; ms?: number }[] = [];
    const app = await buildApp(createContext(loadConfig({ LOG_LEVEL: level }), t.store), {
      logger: true,
      logStream: { write: (line) => void lines.push(JSON.parse(line) as (typeof lines)[number]) },
    });
    try {
      await app.ready();
      lines.length = 0;
      for (const url of urls) await app.inject({ url });
    } finally {
      await app.close();
    }
    return lines;
  }

  const urls = ['/api/places/Q74957', '/api/places/Q74957/twinnings', '/no/such/page', '/api/places/nope'];

  it('does not write a line for every answer at the default level', async () => {
    const lines = await linesWhile('info', urls);
    expect(lines.filter((l) => l.level <= 30 && /request|answered/.test(l.msg ?? ''))).toEqual([]);
  });

  it('writes one line for each answer at debug, with its address, status and time', async () => {
    const answered = (await linesWhile('debug', urls)).filter((l) => l.msg === 'answered');
    expect(answered.map((l) => [l.url, l.status])).toEqual([
      ['/api/places/Q74957', 200],
      ['/api/places/Q74957/twinnings', 200],
      ['/no/such/page', 404],
      ['/api/places/nope', 404],
    ]);
    for (const l of answered) expect(l.ms).toBeGreaterThanOrEqual(0);
  });
});
