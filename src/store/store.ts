import type { Kysely } from 'kysely';
import type { Database, DialectName } from './db.js';
import { MetaRepo } from './meta-repo.js';
import { PlacesRepo } from './places-repo.js';
import type { DB } from './schema.js';
import { SectionsRepo } from './sections-repo.js';
import { StatsRepo } from './stats-repo.js';
import { TwinningsRepo } from './twinnings-repo.js';
import { UsersRepo } from './users-repo.js';
import { OutboxRepo } from './outbox-repo.js';
import { OrgsRepo } from './orgs-repo.js';
import { RevisionsRepo } from './revisions-repo.js';
import { EntriesRepo } from './entries-repo.js';
import { CommentsRepo } from './comments-repo.js';
import { NotifyRepo } from './notify-repo.js';
import { PhotosRepo } from './photos-repo.js';
import { RedirectsRepo } from './redirects-repo.js';
import { DisagreementsRepo } from './disagreements-repo.js';
import { MergeRepo } from './merge-repo.js';
import { ProposalsRepo } from './proposals-repo.js';
import { KeywordsRepo } from './keywords-repo.js';
import { SeekingRepo } from './seeking-repo.js';
import { ApiKeysRepo } from './api-keys-repo.js';

/** The repositories over one connection or one transaction. */
export class Store {
  readonly places: PlacesRepo;
  readonly twinnings: TwinningsRepo;
  readonly meta: MetaRepo;
  readonly stats: StatsRepo;
  readonly sections: SectionsRepo;
  readonly users: UsersRepo;
  readonly outbox: OutboxRepo;
  readonly orgs: OrgsRepo;
  readonly revisions: RevisionsRepo;
  readonly entries: EntriesRepo;
  readonly comments: CommentsRepo;
  readonly notify: NotifyRepo;
  readonly photos: PhotosRepo;
  readonly redirects: RedirectsRepo;
  readonly disagreements: DisagreementsRepo;
  readonly merges: MergeRepo;
  readonly proposals: ProposalsRepo;
  readonly keywords: KeywordsRepo;
  readonly seeking: SeekingRepo;
  readonly apiKeys: ApiKeysRepo;

  constructor(
    readonly db: Kysely<DB>,
    readonly dialect: DialectName,
    /** the database's address, for work that opens a connection of its own (another thread); not in transactions */
    readonly url?: string,
  ) {
    this.places = new PlacesRepo(db, dialect);
    this.twinnings = new TwinningsRepo(db, dialect);
    this.meta = new MetaRepo(db);
    this.stats = new StatsRepo(db);
    this.sections = new SectionsRepo(db);
    this.users = new UsersRepo(db, dialect);
    this.outbox = new OutboxRepo(db);
    this.orgs = new OrgsRepo(db);
    this.revisions = new RevisionsRepo(db);
    this.entries = new EntriesRepo(db);
    this.comments = new CommentsRepo(db);
    this.notify = new NotifyRepo(db);
    this.photos = new PhotosRepo(db);
    this.redirects = new RedirectsRepo(db);
    this.disagreements = new DisagreementsRepo(db);
    this.merges = new MergeRepo(db);
    this.proposals = new ProposalsRepo(db);
    this.keywords = new KeywordsRepo(db);
    this.seeking = new SeekingRepo(db);
    this.apiKeys = new ApiKeysRepo(db);
  }

  static of(database: Database): Store {
    return new Store(database.db, database.dialect, database.url);
  }

  /** Runs `fn` in one transaction: everything it writes lands, or nothing does. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect)));
  }
}
