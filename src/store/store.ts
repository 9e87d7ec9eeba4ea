import type { Kysely } from 'kysely';
import type { Database, DialectName } from './db.js';
import { MetaRepo } from './meta-repo.js';
import { PlacesRepo } from './places-repo.js';
import type { DB } from './schema.js';
import { SectionsRepo } from './sections-repo.js';
import { StatsRepo } from './stats-repo.js';
import { TwinningsRepo } from './twinnings-repo.js';
import { UsersRepo } from './users-repo.js';

/** The repositories over one connection or one transaction. */
export class Store {
  readonly places: PlacesRepo;
  readonly twinnings: TwinningsRepo;
  readonly meta: MetaRepo;
  readonly stats: StatsRepo;
  readonly sections: SectionsRepo;
  readonly users: UsersRepo;

  constructor(
    readonly db: Kysely<DB>,
    readonly dialect: DialectName,
  ) {
    this.places = new PlacesRepo(db);
    this.twinnings = new TwinningsRepo(db);
    this.meta = new MetaRepo(db);
    this.stats = new StatsRepo(db);
    this.sections = new SectionsRepo(db);
    this.users = new UsersRepo(db);
  }

  static of(database: Database): Store {
    return new Store(database.db, database.dialect);
  }

  /** Runs `fn` in one transaction: everything it writes lands, or nothing does. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect)));
  }
}
