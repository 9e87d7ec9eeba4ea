import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataVersion } from '../../src/services/data-version.js';
import { importFiles } from '../../src/services/import.js';
import { NetworkService, type OverviewState } from '../../src/services/network.js';
import { Store } from '../../src/store/store.js';
import { createTestDb, DIALECTS, type TestDb } from '../helpers/db.js';
import { fixtureFiles } from '../helpers/fixtures.js';
import { waitFor } from '../helpers/wait.js';

// The worker thread reads the database itself over its own connection; a store without an address (SQLite in
// memory) sends it the ties instead. Both give the same figures.
describe.each(DIALECTS)('whole-network figures computed in a worker on %s', (dialect) => {
  let t: TestDb;
  const services: NetworkService[] = [];
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await importFiles(t.store, fixtureFiles());
  });
  afterAll(async () => {
    for (const s of services) await s.close();
    await t?.drop();
  });

  const figuresOf = async (store: Store) => {
    const network = new NetworkService(store, new DataVersion(store), {}, undefined, {
      onError: (e) => {
        throw e;
      },
    });
    services.push(network);
    const first = await network.overview(5);
    expect(first).toMatchObject({ status: 'computing', computedAt: null, figures: null });
    return waitFor<OverviewState>('the figures', async () => {
      const o = await network.overview(5);
      return o.status === 'ready' ? o : undefined;
    });
  };

  it('reads the ties in force and names the places', async () => {
    expect(t.store.url).toBe(t.url);
    const o = await figuresOf(t.store);
    expect(o.figures).toMatchObject({ places: 5, ties: 3, components: 2 });
    expect(o.figures!.largestComponents).toEqual([
      { size: 3, hub: expect.objectContaining({ id: 'Q74957', name: 'Anshan', nameZh: '鞍山', ties: 2 }) },
      { size: 2, hub: expect.objectContaining({ id: 'Q1490', name: 'Tokyo', country: 'JP', ties: 1 }) },
    ]);
    expect(o.figures!.mostCentral[0]).toMatchObject({ id: 'Q74957', ties: 2 });
    // the same figures from ties sent by this thread
    const sent = await figuresOf(new Store(t.store.db, dialect));
    expect(sent.figures).toEqual(o.figures);
  });

  it('ends the idle worker, giving its memory back, and starts a new one for the next version', async () => {
    const version = new DataVersion(t.store);
    const network = new NetworkService(t.store, version, {}, undefined, {
      onError: (e) => {
        throw e;
      },
      workerIdleMs: 50,
    });
    services.push(network);
    const ready = async () =>
      waitFor<OverviewState>('the figures', async () => {
        const o = await network.overview(5);
        return o.status === 'ready' ? o : undefined;
      });
    await network.overview(5);
    expect(network.working).toBe(true);
    const first = await ready();
    await waitFor('the idle worker to end', async () => (network.working ? undefined : true));
    await importFiles(t.store, [
      {
        name: 'places.csv',
        content: 'id,name,kind,country\nQ1000001,Newtown,city,\nQ1000002,Oldtown,city,\n',
      },
      {
        name: 'twinnings.csv',
        content:
          'a,b,kind,signed,ended,status,source,notes,listed_by\nQ1000001,Q1000002,sister,2024,,active,,,both\n',
      },
    ]);
    version.invalidate();
    expect((await network.overview(5)).status).toBe('computing');
    expect(network.working).toBe(true);
    await waitFor('the new figures', async () => {
      const o = await network.overview(5);
      return o.status === 'ready' && o.figures!.ties === first.figures!.ties + 1 ? o : undefined;
    });
    await waitFor('the idle worker to end again', async () => (network.working ? undefined : true));
  });
});
