import type { Config } from './config.js';
import { AccountsService } from './services/accounts.js';
import { AdditionsService } from './services/additions.js';
import { AdminService } from './services/admin.js';
import { ApiKeysService } from './services/api-keys.js';
import { CommentsService } from './services/comments.js';
import { ContentIndex } from './services/content-index.js';
import { ContentService } from './services/content.js';
import { DataVersion } from './services/data-version.js';
import { EditorService } from './services/editor.js';
import { EntriesService } from './services/entries.js';
import { EntryViews } from './services/entry-views.js';
import { ExportService } from './services/export.js';
import { FactsService } from './services/facts.js';
import { Gazetteer } from './services/gazetteer.js';
import { HomeProgramService } from './services/home-program.js';
import { HomeViews } from './services/home-views.js';
import { MailService } from './services/mail.js';
import { MatchingService, type CandidateListing } from './services/matching.js';
import { SeekingService } from './services/seeking.js';
import { NetworkService } from './services/network.js';
import { NotifyService } from './services/notify.js';
import { OrgsService } from './services/orgs.js';
import { PhotosService } from './services/photos.js';
import { ProvenanceService } from './services/provenance.js';
import { DataInfoService } from './services/data-info.js';
import { MergeService } from './services/merge.js';
import { NetworkViews } from './services/network-views.js';
import { PlaceViews } from './services/place-views.js';
import { PlacesService } from './services/places.js';
import { ProgramService } from './services/program.js';
import { RankingsService } from './services/rankings.js';
import { StatsService } from './services/stats.js';
import { TieViews } from './services/tie-views.js';
import { SearchIndex } from './services/search-index.js';
import { SyncService, syncSettings } from './services/wikidata/sync.js';
import type { Store } from './store/store.js';

/**
 * Everything a running Twinning holds, made once from the configuration: the store, the data version every
 * cache follows, and every service. The web app and the command line take what they need from here; nothing
 * else builds a service for a request.
 */
export interface AppContext {
  readonly config: Config;
  readonly store: Store;
  /** the versions of the registry and of editorial content, re-read at most once a second */
  readonly version: DataVersion;
  /** every place's essentials and every tie in memory, per data version */
  readonly gazetteer: Gazetteer;
  /** which places, ties and countries have entries or photos, per content version */
  readonly contentIndex: ContentIndex;
  readonly places: PlacesService;
  readonly stats: StatsService;
  readonly network: NetworkService;
  readonly content: ContentService;
  readonly facts: FactsService;
  readonly accounts: AccountsService;
  readonly orgs: OrgsService;
  readonly entries: EntriesService;
  readonly comments: CommentsService;
  readonly notify: NotifyService;
  readonly photos: PhotosService;
  readonly mail: MailService;
  /** the admin area's pages */
  readonly admin: AdminService;
  /** the editors of sections and facts, and their histories */
  readonly editor: EditorService;
  /** what organizations' entries show on the pages of places, ties and countries */
  readonly program: ProgramService;
  /** read models of the pages about places and countries */
  readonly placeViews: PlaceViews;
  /** what the data is, its date and sources, and where its sources disagree */
  readonly dataInfo: DataInfoService;
  /** merging duplicate places */
  readonly merge: MergeService;
  /** read models of the network pages (chains, groups, surroundings, quality) */
  readonly networkViews: NetworkViews;
  /** read models of the ties explorer and of a tie's page */
  readonly tieViews: TieViews;
  /** the read model of the rankings page */
  readonly rankings: RankingsService;
  /** read models of the home page, in atlas and in home mode */
  readonly homeViews: HomeViews;
  /** in home mode: the organizations that run the home's program, their committees and public contacts */
  readonly homeProgram: HomeProgramService;
  /** read models of organizations' pages, their entries' pages and feeds, and the entry editor */
  readonly entryViews: EntryViews;
  /** ties and places added on the web, and the admin's merge of duplicates */
  readonly additions: AdditionsService;
  /** the Wikidata sync: its proposals, their review and the daily run */
  readonly sync: SyncService;
  /** exports of any selection of the registry in the open data formats, with licence and sources */
  readonly exports: ExportService;
  /** partner matching: ranked candidates for a place, each with its reasons */
  readonly matching: MatchingService;
  /** "seeking partners" listings: published by organizations, read by /seeking, profiles and matching */
  readonly seeking: SeekingService;
  /** organizations' API keys: made, listed, revoked, and who a request with one acts as */
  readonly apiKeys: ApiKeysService;
}

/**
 * Builds the context over an open store. `version` may be shared with writers in the same process (tests,
 * the command line) so that their writes show at once.
 */
export function createContext(config: Config, store: Store, version = new DataVersion(store)): AppContext {
  const gazetteer = new Gazetteer(store, version);
  const { continents, publicUrl } = config;
  const contentIndex = new ContentIndex(store, version);
  const places = new PlacesService(store, continents, gazetteer, new SearchIndex(store, version));
  const network = new NetworkService(store, version, continents, gazetteer);
  const content = new ContentService(store, version);
  const program = new ProgramService(store, contentIndex);
  const dataInfo = new DataInfoService(store, version);
  const provenance = new ProvenanceService(store, version);
  const facts = new FactsService(store, version);
  const mail = new MailService(store, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  const orgs = new OrgsService(store, publicUrl, { version, photoQuotaBytes: config.photoQuotaBytes });
  const entries = new EntriesService(store, publicUrl, version);
  const comments = new CommentsService(store, publicUrl, version);
  const notify = new NotifyService(store, publicUrl);
  const merge = new MergeService(store, version);
  const seeking = new SeekingService(store, gazetteer, version, continents);
  const listings = async () => {
    const out = new Map<string, CandidateListing>();
    for (const [id, r] of await seeking.byPlace())
      out.set(id, {
        id: r.id,
        countries: r.countries,
        continents: r.continents,
        fields: r.fields,
        org: { slug: r.orgSlug, name: r.orgName },
      });
    return out;
  };
  const homeProgram = new HomeProgramService(store, version);
  return {
    config,
    store,
    version,
    gazetteer,
    contentIndex,
    places,
    stats: new StatsService(store, continents, gazetteer, dataInfo),
    network,
    content,
    program,
    placeViews: new PlaceViews(
      places,
      network,
      content,
      program,
      provenance,
      homeProgram,
      continents,
      gazetteer,
      seeking,
    ),
    dataInfo,
    merge,
    networkViews: new NetworkViews(network, places, dataInfo),
    tieViews: new TieViews(store, gazetteer, content, program, provenance),
    rankings: new RankingsService(network),
    homeViews: new HomeViews(store, gazetteer, places, network, program, homeProgram),
    homeProgram,
    facts,
    accounts: new AccountsService(store, version),
    orgs,
    entries,
    comments,
    notify,
    entryViews: new EntryViews(store, program, orgs, entries, comments, notify, seeking),
    photos: new PhotosService(store, version, config.photoQuotaBytes),
    mail,
    admin: new AdminService(store, mail),
    editor: new EditorService(store, content, facts),
    additions: new AdditionsService(store, gazetteer, merge, version),
    sync: new SyncService(store, syncSettings(config), version),
    exports: new ExportService(store, gazetteer, places, dataInfo, version, publicUrl),
    matching: new MatchingService(gazetteer, network, continents, listings),
    seeking,
    apiKeys: new ApiKeysService(store, version),
  };
}
