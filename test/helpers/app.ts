import type { FastifyInstance } from 'fastify';
import { createContext } from '../../src/context.js';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { importFiles, type InputFile } from '../../src/services/import.js';
import { buildApp } from '../../src/web/app.js';
import { createTestDb, type TestDb } from './db.js';

export interface TestApp {
  t: TestDb;
  app: FastifyInstance;
}

/**
 * The site over a fresh SQLite database holding `files`, for the tests of one describe block: set up before
 * them, closed and dropped after. Read `ctx.app` and `ctx.t` inside the tests.
 */
export function useTestApp(files: () => InputFile[], env: NodeJS.ProcessEnv = {}): TestApp {
  const ctx = {} as TestApp;
  beforeAll(async () => {
    ctx.t = await createTestDb('sqlite');
    await importFiles(ctx.t.store, files());
    ctx.app = await buildApp(createContext(loadConfig(env), ctx.t.store));
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.t?.drop();
  });
  return ctx;
}
