import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, SETTINGS, loadConfig, settingsHelp } from '../src/config.js';

// The settings are written once (src/config.ts); --help prints them and the README's table must say the same.
describe('configuration', () => {
  it('is documented in the README exactly as the settings define it', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5),
    );
    const rows = section
      .split('\n')
      .filter((l) => /^\| `[A-Z_]+`/.test(l))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    expect(rows.map((r) => r[0])).toEqual(SETTINGS.map((s) => `\`${s.env}\``));
    for (const s of SETTINGS) {
      const row = rows.find((r) => r[0] === `\`${s.env}\``)!;
      expect(row[1], s.env).toBe(/^\(/.test(s.default) ? s.default : `\`${s.default}\``);
      expect(row[2], s.env).toBe(s.doc);
    }
  });

  it('prints every setting in --help', () => {
    const help = settingsHelp();
    for (const s of SETTINGS) expect(help).toContain(s.env);
  });

  it('reports every wrong setting at once, without repeating secrets', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', TWINNING_SECRET: 'short-secret', TWINNING_SMTP_URL: 'mail://pw@x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT="eighty" is not a port number/);
    expect(message).toMatch(/TWINNING_SECRET must be at least 32 characters long/);
    expect(message).toMatch(/TWINNING_SMTP_URL must look like smtp:/);
    expect(message).not.toContain('short-secret');
    expect(message).not.toContain('pw@x');
  });

  it('takes a database address only in a form it reads, and says which forms those are', () => {
    for (const url of [
      'var/x.db',
      './var/x.db',
      '/tmp/x.db',
      'file:var/x.db',
      'file:///tmp/x.db',
      ':memory:',
      'C:\\x.db',
    ])
      expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:pw@h:5432/db' }).databaseUrl).toBe(
      'postgresql://u:pw@h:5432/db',
    );
    // taken for a file path, these made a directory named 'sqlite:' beside the server
    expect(() => loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' })).toThrow(
      /DATABASE_URL starts with "sqlite:", which is not an address Twinning reads: write postgres:\/\/.* or a file path or file: URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:secret@h/db' })).toThrow(/starts with "mysql:"/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres:u:secret@h/db' })).toThrow(
      /DATABASE_URL is not a PostgreSQL address: write postgres:\/\//,
    );
    try {
      loadConfig({ DATABASE_URL: 'postgres:u:secret@h/db' });
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
  });

  it('has defaults for everything', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      seed: true,
      logLevel: 'info',
      home: null,
      heapGrowth: 0,
    });
    expect(loadConfig({ TWINNING_HEAP_GROWTH: '20' }).heapGrowth).toBe(20);
    expect(() => loadConfig({ TWINNING_HEAP_GROWTH: '20%' })).toThrow(
      /TWINNING_HEAP_GROWTH="20%" must be a whole percentage \(0-1000; 0: as V8 decides\)/,
    );
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.mailFrom).toBe('Twinning <no-reply@localhost>');
  });
});
