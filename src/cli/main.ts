import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import cliProgress from 'cli-progress';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, loadConfig, settingsHelp, type Config } from '../config.js';
import { DomainError, NotFoundError, ValidationError, formatProblem } from '../domain/errors.js';
import { PLACE_KINDS, type PlaceKind } from '../domain/places.js';
import { STATS_LANGS, type StatsLang } from '../domain/stats-text/index.js';
import { TWINNING_KINDS, TWINNING_STATUSES, type TwinningKind } from '../domain/twinnings.js';
import { describeCounts, makeBackup, restoreBackup } from '../services/backup.js';
import { DataInfoService } from '../services/data-info.js';
import { DataVersion } from '../services/data-version.js';
import {
  EXPORT_FORMATS,
  ExportService,
  exportAll,
  type DownloadFormat,
  type Selection,
} from '../services/export.js';
import { Gazetteer } from '../services/gazetteer.js';
import { importFiles, type ImportSummary, type Progress } from '../services/import.js';
import { fileFromPath, type InputFile } from '../services/interchange.js';
import { MergeService } from '../services/merge.js';
import { PlacesService } from '../services/places.js';
import { ContentService } from '../services/content.js';
import { COUNTRY_SECTIONS, PLACE_SECTIONS, TIE_SECTIONS, type SubjectType } from '../domain/sections.js';
import { StatsService, statsOptions } from '../services/stats.js';
import { seedIfEmpty } from '../services/seed.js';
import { openDatabase, type Database } from '../store/db.js';
import { migrateToLatest } from '../store/migrate.js';
import { Store } from '../store/store.js';
import { servePrimary } from './cluster.js';
import { collectWhenIdle, keepHeapNearLive } from './idle-collect.js';
import { drainable } from './shutdown.js';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/**
 * Opens the configured database, brings its schema up to date and hands a store to `fn`: for the commands that
 * run once (the file is not mapped into memory, see OpenOptions; `serve` maps it).
 */
async function withStore<T>(config: Config, fn: (store: Store, db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase(config.databaseUrl, { mapFile: false });
  try {
    await migrateToLatest(db);
    return await fn(Store.of(db), db);
  } finally {
    await db.close();
  }
}

function progressBar(io: Io): { progress: Progress | undefined; stop: () => void } {
  if (!io.stderr.isTTY) return { progress: undefined, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: io.stderr, format: '{phase} [{bar}] {percentage}%', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  return {
    progress: (p, done, total) => {
      if (p !== phase) {
        if (phase) bar.stop();
        phase = p;
        bar.start(total, done, { phase: p.padEnd(16) });
      } else bar.update(done, { phase: p.padEnd(16) });
    },
    stop: () => phase && bar.stop(),
  };
}

/** What an import did, in one or two sentences. */
export function importReport(s: ImportSummary): string {
  const part = (what: string, created: number, updated: number, unchanged: number) =>
    created + updated + unchanged
      ? `${created} new, ${updated} updated and ${unchanged} unchanged ${what}`
      : '';
  const parts = [
    part('places', s.placesCreated, s.placesUpdated, s.placesUnchanged),
    part('twinnings', s.twinningsCreated, s.twinningsUpdated, s.twinningsUnchanged),
    part('redirects', s.redirectsCreated, s.redirectsUpdated, s.redirectsUnchanged),
    s.disagreementsChanged ? `the disagreements of ${s.disagreementsChanged} places` : '',
    s.manifest === 'saved' ? 'the manifest' : '',
  ].filter(Boolean);
  if (!s.changed)
    return `Nothing changed: the files hold what is stored (${parts.join(', ') || 'no records'}).`;
  return `Imported ${parts.join(', ')}.`;
}

export function program(io: Io): Command {
  const out = (s: string) => io.stdout.write(s + '\n');
  const err = (s: string) => io.stderr.write(s + '\n');
  const config = () => loadConfig(io.env);

  const cli = new Command('twinning')
    .description("Twinning: an open registry and website of the world's sister cities.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText(
      'after',
      `
Settings come from the environment (see the README):
${settingsHelp()}

Back up with \`twinning backup FILE\` (also while serving), restore with \`twinning restore FILE\`.`,
    );

  cli
    .command('serve')
    .description('Serve the website and API; migrates, and loads the bundled data on first start')
    .action(async () => {
      const cfg = config();
      // several app processes on one port: this one migrates, seeds and watches; the workers serve
      if (cfg.workers > 1 && cluster.isPrimary) {
        await servePrimary(cfg.workers, err, () =>
          withStore(cfg, async (store, db) => {
            if (!cfg.seed) return;
            const started = Date.now();
            const seeded = await seedIfEmpty(store);
            if (seeded)
              err(
                `Loaded the bundled data into ${db.location}: ${seeded.placesCreated} places, ` +
                  `${seeded.twinningsCreated} twinnings (${((Date.now() - started) / 1000).toFixed(1)} s).`,
              );
          }),
        );
        return;
      }
      const worker = cluster.isWorker;
      // Stopped before the site is up: nothing is being answered yet, and what is half done (a migration, the
      // first load of the bundled data) is one transaction, which the database rolls back.
      let stop: (signal: NodeJS.Signals) => void = () => {
        err('Stopped during start-up.');
        process.exit(0);
      };
      const onSignal = (signal: NodeJS.Signals) => stop(signal);
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const db = openDatabase(cfg.databaseUrl);
      await migrateToLatest(db);
      const store = Store.of(db);
      if (cfg.seed) {
        const started = Date.now();
        const seeded = await seedIfEmpty(store);
        if (seeded) {
          err(
            `Loaded the bundled data into ${db.location}: ${seeded.placesCreated} places, ` +
              `${seeded.twinningsCreated} twinnings (${((Date.now() - started) / 1000).toFixed(1)} s).`,
          );
        }
      }
      // from here on the process is a server; TWINNING_HEAP_GROWTH may keep its heap near what is live
      // (idle-collect.ts)
      if (cfg.heapGrowth > 0) keepHeapNearLive(cfg.heapGrowth);
      // Loaded here, not at the top: the web stack (Fastify, image and chart libraries) costs the other commands
      // ~45 MB of memory and start-up time they have no use for.
      const [{ buildApp }, { createContext }] = await Promise.all([
        import('../web/app.js'),
        import('../context.js'),
      ]);
      const app = await buildApp(createContext(cfg, store), {
        logger: true,
        warm: true,
        mailIntervalMs: 5000,
      });
      const server = drainable(app.server);
      // the heap grown under a load is given back once the site falls quiet (see idle-collect.ts)
      const stopCollecting = collectWhenIdle(app.server, { idleMs: 10_000 });
      await app.listen({ port: cfg.port, host: cfg.host });
      let stopping = false;
      stop = (signal) => {
        // a worker hears a stop twice (from the primary and from the terminal or service manager, which signal
        // the whole group); the primary decides when to stop at once
        if (stopping && worker) return;
        if (stopping) {
          err(`${signal} again: stopping at once.`);
          process.exit(1);
        }
        stopping = true;
        if (!worker) err(`${signal}: stopping; answering the requests under way, taking no new connections.`);
        void (async () => {
          stopCollecting();
          await server.drain();
          // background work (mail, network figures) stops with the app
          await app.close();
          await db.close();
          if (!worker) err('Stopped.');
          // nothing should keep the process up now; if something does, it must not hold up a restart
          setTimeout(() => process.exit(0), 2000).unref();
        })().catch((e: unknown) => {
          err(`Stopping failed: ${(e as Error).stack ?? String(e)}`);
          process.exit(1);
        });
      };
      // (a worker's start is announced by the primary once every worker listens)
      if (!worker)
        err(`Twinning is serving at http://localhost:${(app.server.address() as { port: number }).port}`);
    });

  cli
    .command('migrate')
    .description('Create or update the database schema')
    .action(async () => {
      const cfg = config();
      const db = openDatabase(cfg.databaseUrl);
      try {
        const applied = await migrateToLatest(db);
        out(
          applied.length
            ? `Applied ${applied.join(', ')} to ${db.location}.`
            : `${db.location} is up to date.`,
        );
      } finally {
        await db.close();
      }
    });

  cli
    .command('backup')
    .description(
      'Write a consistent copy of the whole database to FILE (safe while the site is serving): places, ties, ' +
        'accounts, content, photos, history',
    )
    .argument(
      '<file>',
      'where to write the backup; an earlier backup there is replaced once this one is complete',
    )
    .action(async (file: string) => {
      const cfg = config();
      const done = await makeBackup(cfg.databaseUrl, file);
      const size = `${(done.bytes / 1024 / 1024).toFixed(1)} MB`;
      out(
        done.counts
          ? `Backed up ${done.from} to ${file} (${size}, SQLite): ${describeCounts(done.counts)}.`
          : `Backed up ${done.from} to ${file} (${size}, pg_dump custom format, ${done.tables} tables).`,
      );
    });

  cli
    .command('restore')
    .description(
      'Load a backup made by `twinning backup` into the database DATABASE_URL names, which must be empty ' +
        '(or --force); stop the servers first',
    )
    .argument('<file>', 'a backup file')
    .option('--force', 'replace everything the database holds')
    .action(async (file: string, opts: { force?: boolean }) => {
      const cfg = config();
      const done = await restoreBackup(cfg.databaseUrl, file, { force: opts.force });
      out(`Restored ${file} into ${done.into}: ${describeCounts(done.counts)}.`);
      if (done.migrated.length)
        out(`The backup came from an older version; then applied ${done.migrated.join(', ')}.`);
    });

  cli
    .command('import')
    .description('Import places and twinnings from CSV or JSON files (all or nothing)')
    .argument(
      '<files...>',
      'places.csv, twinnings.csv or *.json files in the interchange format (see README)',
    )
    .action(async (files: string[]) => {
      // Read as bytes, in pieces: the importer checks they are UTF-8 and never holds a file whole.
      const inputs: InputFile[] = [];
      for (const f of files) {
        try {
          inputs.push(await fileFromPath(f));
        } catch (e) {
          err(
            `Cannot read ${f}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
          );
          throw new ExitError(1);
        }
      }
      await withStore(config(), async (store) => {
        const bar = progressBar(io);
        try {
          const s = await importFiles(store, inputs, bar.progress);
          bar.stop();
          out(importReport(s));
        } finally {
          bar.stop();
        }
      });
    });

  cli
    .command('export')
    .description(
      'Export the registry, a place with everything under it, a country or what a search finds, with the ' +
        "data's licence and sources: csv (the interchange format, a zip), json, geojson, graphml or gexf",
    )
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('csv'))
    .option('--place <place>', 'a place (id or name) and everything under it')
    .option('--country <code>', 'a country and every place in it (ISO code, e.g. FR)')
    .option('--search <text>', 'the places a search finds')
    .option('-o, --output <file>', 'write to this file (default: the standard output; - is too)')
    .argument(
      '[dir]',
      'write the interchange files (places.csv, twinnings.csv, … or *.json) of the whole registry into DIR; ' +
        'with a selection or another format, the file goes into DIR under its own name',
    )
    .action(
      async (
        dir: string | undefined,
        opts: { format: DownloadFormat; place?: string; country?: string; search?: string; output?: string },
      ) => {
        const chosen = [opts.place, opts.country, opts.search].filter((x) => x !== undefined);
        if (chosen.length > 1) {
          err('Give one of --place, --country and --search.');
          throw new ExitError(2);
        }
        if (dir && opts.output) {
          err('Give either a directory or --output, not both.');
          throw new ExitError(2);
        }
        await withStore(config(), async (store) => {
          if (dir && !chosen.length && (opts.format === 'csv' || opts.format === 'json')) {
            const files = await exportAll(store, dir, opts.format);
            out(`Wrote ${files.join(', ')}`);
            return;
          }
          const cfg = config();
          const version = new DataVersion(store);
          const gazetteer = new Gazetteer(store, version);
          const places = new PlacesService(store, cfg.continents, gazetteer);
          const exports = new ExportService(
            store,
            gazetteer,
            places,
            new DataInfoService(store),
            version,
            cfg.publicUrl,
          );
          let selection: Selection = { kind: 'all' };
          if (opts.place !== undefined) {
            const picked = await places.pick(opts.place);
            if ('candidates' in picked) {
              err(`"${opts.place}" could mean several places; give one of these ids:`);
              for (const c of picked.candidates)
                err(
                  `  ${c.place.id}  ${c.place.name} (${[c.region?.name, c.place.country].filter(Boolean).join(', ')})`,
                );
              throw new ExitError(1);
            }
            selection = { kind: 'place', id: picked.place.id };
          } else if (opts.country !== undefined) selection = { kind: 'country', code: opts.country };
          else if (opts.search !== undefined) selection = { kind: 'search', q: opts.search };
          const download = await exports.download(selection, opts.format);
          const target = dir ? join(dir, download.filename) : opts.output;
          if (!target || target === '-') {
            if (opts.format === 'csv' && io.stdout.isTTY) {
              err('The csv export is a zip file; give --output FILE.zip or a directory.');
              throw new ExitError(2);
            }
            try {
              for await (const piece of download.body) await write(io.stdout, piece);
            } catch (e) {
              // the reader stopped reading (`| head`): that is the end of it, not a failure
              if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
            }
            return;
          }
          if (dir) await mkdir(dir, { recursive: true });
          await pipeline(Readable.from(download.body), createWriteStream(target));
          out(`Wrote ${target}`);
        });
      },
    );

  cli
    .command('stats')
    .description("Statistics of a place's twinnings, with everything under it, and a paragraph about them")
    .argument('<place>', 'a place id (Q74957, CN, cn-liaoning) or name')
    .option('--since <date>', 'also count the ties signed on or after this date')
    .option('--as-of <date>', 'the picture on this date: ties signed by then and not ended by then')
    .addOption(new Option('--kind <kind>', 'only ties of this kind').choices(TWINNING_KINDS))
    .option(
      '--status <list>',
      `statuses to count, comma-separated (default active): ${TWINNING_STATUSES.join(', ')}`,
    )
    .option('--international', 'only partners in other countries')
    .option('--domestic', 'only partners in the same country')
    .addOption(new Option('--lang <lang>', 'language of the paragraph').choices(STATS_LANGS).default('en'))
    .option('--json', 'print the figures as JSON (as the API gives them)')
    .action(
      async (
        placeArg: string,
        opts: {
          since?: string;
          asOf?: string;
          kind?: TwinningKind;
          status?: string;
          international?: boolean;
          domestic?: boolean;
          lang: StatsLang;
          json?: boolean;
        },
      ) => {
        if (opts.international && opts.domestic) {
          err('Give --international or --domestic, not both.');
          throw new ExitError(2);
        }
        const cfg = config();
        await withStore(cfg, async (store) => {
          const place = await new PlacesService(store).resolve(placeArg);
          const service = new StatsService(store, cfg.continents);
          const result = await service.report(
            place.id,
            statsOptions({
              ...opts,
              international: opts.international ? true : opts.domestic ? false : undefined,
            }),
            opts.lang,
          );
          const { text, dataDate } = result;
          if (opts.json) {
            const { place: p, stats } = result;
            return out(
              JSON.stringify(
                {
                  place: { id: p.id, name: p.name, kind: p.kind },
                  ...stats,
                  text,
                  lang: opts.lang,
                  dataDate,
                },
                null,
                2,
              ),
            );
          }
          out(`${place.name} (${place.id})`);
          out('');
          out(text);
          if (dataDate)
            out(
              `(Data as of ${dataDate.date}${dataDate.kind === 'sync' ? ', last synced with Wikidata' : ''}.)`,
            );
          const s = result.stats;
          const rows = (title: string, r: Record<string, number>) => {
            const entries = Object.entries(r);
            if (!entries.length) return;
            out('');
            out(title);
            for (const [k, n] of entries) out(`  ${k.padEnd(10)} ${String(n).padStart(6)}`);
          };
          rows('By level', s.byLevel as Record<string, number>);
          rows('By continent', s.byContinent as Record<string, number>);
          rows('By country', s.byCountry);
          if (s.byYear.length) {
            out('');
            out('By year       new  total');
            for (const y of s.byYear)
              if (y.new) out(`  ${y.year}  ${String(y.new).padStart(8)} ${String(y.cumulative).padStart(6)}`);
          }
          if (s.unknownYear) out(`  unknown ${String(s.unknownYear).padStart(8)}`);
        });
      },
    );

  const places = cli.command('places').description('Look up places');
  places
    .command('search')
    .description('Find places by name in any language or script')
    .argument('<text...>', 'the name or its beginning, e.g. Malmo or 鞍山')
    .option('--country <code>', 'ISO 3166-1 alpha-2 country code')
    .addOption(new Option('--kind <kind>', 'kind of place').choices(PLACE_KINDS))
    .option('--limit <n>', 'how many to show', '10')
    .action(async (words: string[], opts: { country?: string; kind?: PlaceKind; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        err('--limit must be a whole number from 1 to 1000');
        throw new ExitError(2);
      }
      await withStore(config(), async (store) => {
        const hits = await new PlacesService(store).search(
          words.join(' '),
          { country: opts.country?.toUpperCase(), kind: opts.kind },
          limit,
          0,
        );
        if (!hits.length) return out('No place found.');
        for (const { place, ties } of hits) {
          const extra = [
            place.kind,
            place.country,
            place.population ? `pop. ${place.population.toLocaleString('en')}` : '',
          ]
            .filter(Boolean)
            .join(', ');
          out(
            `${place.id.padEnd(12)} ${place.name}${place.names.zh ? ` (${place.names.zh})` : ''} — ${extra}; ${ties} ties`,
          );
        }
      });
    });

  places
    .command('merge')
    .description(
      `Merge a duplicate place into another: its ties, names, children, sections, entries, photos and follows
move to KEEP, DROP is deleted and its id leads to KEEP from then on (all in one transaction)`,
    )
    .argument('<keep>', 'id of the place that stays, e.g. Q74957')
    .argument('<drop>', 'id of the duplicate that goes')
    .option('--reason <text>', 'why, kept with the redirect and in the audit log')
    .action(async (keep: string, drop: string, opts: { reason?: string }) => {
      await withStore(config(), async (store) => {
        const r = await new MergeService(store).merge(keep, drop, { reason: opts.reason });
        const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
        out(`Merged ${r.drop} into ${r.keep}; ${r.drop} now leads to ${r.keep}.`);
        out(
          `  ties: ${r.tiesMoved} moved, ${r.tiesMerged} merged with one ${r.keep} had, ${r.tiesRemoved} between the two removed`,
        );
        if (r.namesAdded.length) out(`  names added: ${r.namesAdded.join(', ')}`);
        if (r.factsFilled.length) out(`  facts taken from ${r.drop}: ${r.factsFilled.join(', ')}`);
        const moved = [
          r.children && n(r.children, 'child place'),
          r.sections && n(r.sections, 'section'),
          r.entries && n(r.entries, 'entry link'),
          r.photos && n(r.photos, 'photo'),
          r.follows && n(r.follows, 'follow'),
          r.organizations && n(r.organizations, 'organization home', 'organization homes'),
          r.disagreements && n(r.disagreements, 'disagreement'),
        ].filter(Boolean);
        if (moved.length) out(`  moved: ${moved.join(', ')}`);
        if (r.sectionsDropped)
          out(
            `  ${n(r.sectionsDropped, 'section')} ${r.keep} already had in the same language dropped (kept in the history)`,
          );
      });
    });

  const section = cli
    .command('section')
    .description('Write the profile sections of places, countries and ties (Markdown, per language)');
  section
    .command('set')
    .description(
      `Write one section from a Markdown file (- for standard input); an empty file removes it.
Places: ${PLACE_SECTIONS.join(', ')}. Countries: ${COUNTRY_SECTIONS.join(', ')}.
Ties (with --partner): ${TIE_SECTIONS.join(', ')}.`,
    )
    .argument('<place>', 'place id or name (a country for culture sections)')
    .argument('<key>', 'which section, e.g. economy or story')
    .argument('<file>', 'Markdown file, or - for standard input')
    .option('--partner <place>', 'the tie between <place> and this partner (its story and programs)')
    .option('--lang <tag>', 'language the text is written in', 'en')
    .action(async (placeArg: string, key: string, file: string, opts: { partner?: string; lang: string }) => {
      const body = file === '-' ? await readStdin() : await readFile(file, 'utf8');
      await withStore(config(), async (store) => {
        const places = new PlacesService(store);
        const place = await places.resolve(placeArg);
        let subject: { type: SubjectType; id: string; label: string };
        if (opts.partner) {
          // a name may fit several places (Birmingham, Alabama and England): take the one tied to <place>
          const named = await store.places.get(opts.partner);
          const candidates = named
            ? [named]
            : (await places.search(opts.partner, {}, 50, 0)).map((h) => h.place);
          let partner = candidates[0];
          let tie;
          for (const c of candidates) {
            tie = await store.twinnings.between(place.id, c.id);
            if (tie) {
              partner = c;
              break;
            }
          }
          if (!partner) throw new NotFoundError(`No place has the id or name "${opts.partner}".`);
          if (!tie) {
            err(`${place.name} (${place.id}) and ${partner.name} (${partner.id}) have no tie.`);
            throw new ExitError(1);
          }
          subject = {
            type: 'twinning',
            id: String(tie.id),
            label: `the tie ${place.name} – ${partner.name}`,
          };
        } else {
          subject = {
            type: place.kind === 'country' ? 'country' : 'place',
            id: place.id,
            label: `${place.name} (${place.id})`,
          };
        }
        const outcome = await new ContentService(store).setSection({
          subjectType: subject.type,
          subjectId: subject.id,
          key,
          lang: opts.lang,
          body,
        });
        out(
          outcome === 'saved'
            ? `Saved the ${key} section of ${subject.label} in ${opts.lang}.`
            : outcome === 'removed'
              ? `Removed the ${key} section of ${subject.label} in ${opts.lang}.`
              : `${subject.label} has no ${key} section in ${opts.lang}; nothing to remove.`,
        );
      });
    });

  const sync = cli.command('sync').description('Compare the registry with an outside source');
  sync
    .command('wikidata')
    .description(
      `Ask Wikidata (TWINNING_WIKIDATA_URL) about the places with a Wikidata id: twinnings (P190) with their start
and end, country, coordinates, population, parent and labels. What differs becomes proposals that editors
accept or reject at /admin/proposals; nothing in the registry changes here.`,
    )
    .option('--area <place>', 'only this place (id or name) and everything under it')
    .option('--since <date>', 'only items changed on Wikidata on or after this day (YYYY-MM-DD)')
    .option('--dry-run', 'compare and report, but store no proposal')
    .option('--batch <n>', 'items asked about per query', '200')
    .action(async (opts: { area?: string; since?: string; dryRun?: boolean; batch: string }) => {
      const batchSize = Number(opts.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
        err('--batch must be a whole number from 1 to 1000');
        throw new ExitError(2);
      }
      const cfg = config();
      const { SyncService, syncSettings, PROPOSAL_KINDS } = await import('../services/wikidata/sync.js');
      await withStore(cfg, async (store) => {
        const area = opts.area ? (await new PlacesService(store).resolve(opts.area)).id : undefined;
        const service = new SyncService(
          store,
          syncSettings(cfg, {
            batchSize,
            onRetry: (n, ms, why) =>
              err(`Wikidata: ${why}; trying again (${n}) in ${(ms / 1000).toFixed(1)} s.`),
          }),
        );
        let r;
        try {
          r = await service.run({ area, since: opts.since, dryRun: opts.dryRun });
        } catch (e) {
          if ((e as Error).name !== 'SparqlError') throw e;
          err(`${(e as Error).message} Proposals made before it are kept; run again later.`);
          throw new ExitError(1);
        }
        const total = PROPOSAL_KINDS.reduce((n, k) => n + r.proposed[k], 0);
        out(
          `Asked ${cfg.wikidataUrl} about ${r.places} places${area ? ` in ${area}` : ''}` +
            `${opts.since ? ` (${r.items} changed since ${opts.since})` : ''} in ${r.requests} requests.`,
        );
        out(
          total
            ? `${opts.dryRun ? 'Would propose' : 'Proposed'} ${total} ${total === 1 ? 'change' : 'changes'}:`
            : `Nothing new to propose${r.known ? ` (${r.known} changes were proposed before)` : ''}.`,
        );
        for (const k of PROPOSAL_KINDS)
          if (r.proposed[k]) out(`  ${k.padEnd(12)} ${String(r.proposed[k]).padStart(6)}`);
        if (total && r.known) out(`  ${r.known} more were proposed before.`);
        if (r.editorSet)
          out(
            `${r.editorSet} of them would change a fact an editor set; they wait for a decision of their own.`,
          );
        if (r.unknownPartners)
          out(`${r.unknownPartners} twinnings name a partner the registry does not have.`);
        if (total && !opts.dryRun) out('Review them at /admin/proposals.');
      });
    });

  const user = cli.command('user').description('Accounts of people who run the site');
  user
    .command('add')
    .description('Create an account; without --password-stdin a strong password is generated and shown once')
    .argument('<email>', 'e-mail address, used to sign in')
    .option('--admin', 'make the account a site administrator')
    .option('--name <name>', 'name shown to others (default: the part of the address before @)')
    .option('--password-stdin', 'read the password from standard input (first line)')
    .action(async (email: string, opts: { admin?: boolean; name?: string; passwordStdin?: boolean }) => {
      const generated = !opts.passwordStdin;
      const password = generated
        ? randomBytes(15).toString('base64url')
        : ((await readStdin()).split(/\r?\n/)[0] ?? '');
      // loaded here: the mail library it brings costs every other command ~20 MB
      const { AccountsService } = await import('../services/accounts.js');
      await withStore(config(), async (store) => {
        const created = await new AccountsService(store).addUser({
          email,
          name: opts.name,
          password,
          admin: opts.admin,
        });
        out(
          `Created ${created.isAdmin ? 'the administrator account' : 'the account'} ${created.email} (id ${created.id}).`,
        );
        if (generated) out(`Password (shown once, change it after signing in): ${password}`);
      });
    });

  return cli;
}

/** Writes to a stream, waiting when it asks to (a pipe to a slow reader). */
function write(stream: NodeJS.WritableStream, piece: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (e: Error) => reject(e);
    stream.once('error', failed);
    const done = () => {
      stream.off('error', failed);
      resolve();
    };
    if (stream.write(piece, (e) => (e ? reject(e) : undefined))) done();
    else stream.once('drain', done);
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs the command line; resolves to the exit code (a running server keeps the process alive). */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    await program(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof ExitError) return e.code;
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof ValidationError) {
      io.stderr.write(`${e.message}\n`);
      for (const p of e.problems) io.stderr.write(`  ${formatProblem(p)}\n`);
      return 1;
    }
    if (e instanceof DomainError || e instanceof ConfigError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED' || code === '3D000' || code === '28P01') {
      io.stderr.write(`Cannot reach the database: ${(e as Error).message}. Check DATABASE_URL.\n`);
      return 1;
    }
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.stderr.write(
        `Cannot read ${(e as NodeJS.ErrnoException).path ?? 'the file'}: ${(e as Error).message}\n`,
      );
      return 1;
    }
    if (code === 'EADDRINUSE') {
      io.stderr.write(`${(e as Error).message}: another program uses that port; set PORT to a free one.\n`);
      return 1;
    }
    io.stderr.write(`Unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const code = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
  if (code !== 0) process.exit(code);
}
