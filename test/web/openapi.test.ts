import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from '../helpers/fixtures.js';
import { useTestApp } from '../helpers/app.js';

interface MediaType {
  schema?: Record<string, unknown>;
  example?: unknown;
  examples?: unknown;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; example?: unknown; schema?: { examples?: unknown[] } }[];
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  info: Record<string, unknown>;
  servers?: unknown[];
};

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op })),
  );

describe('the OpenAPI document', () => {
  const s = useTestApp(fixtureFiles, { TWINNING_URL: 'https://twinning.example.org' });
  const document = async () => (await s.app.inject('/api/openapi.json')).json() as Doc;

  it('passes a third-party validator (swagger-parser)', async () => {
    const doc = await document();
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('names its version, the licence of the data, a contact and the server', async () => {
    const doc = await document();
    expect(doc.info.version).toBe('0.1.0');
    expect(doc.info.license).toEqual({ name: 'Open Database License 1.0', identifier: 'ODbL-1.0' });
    expect(doc.info.contact).toMatchObject({ url: 'https://twinning.example.org/about' });
    expect(doc.servers).toEqual([{ url: 'https://twinning.example.org', description: 'This site' }]);
  });

  it('documents every operation: summary, description, tag, a 200 (or 201) example, its errors', async () => {
    const doc = await document();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThanOrEqual(14);
    const lacking: string[] = [];
    for (const { id, op } of ops) {
      if (!op.summary) lacking.push(`${id}: summary`);
      if (!op.description) lacking.push(`${id}: description`);
      if (!op.tags?.length) lacking.push(`${id}: tags`);
      // an operation that makes something answers 201
      const ok = op.responses['200'] ?? (id.startsWith('POST ') ? op.responses['201'] : undefined);
      const media = Object.values(ok?.content ?? {});
      if (!media.length || !media.every((m) => m.example !== undefined || m.examples !== undefined))
        lacking.push(`${id}: 200 example`);
      const errors = Object.keys(op.responses).filter((c) => /^[45]\d\d$/.test(c));
      if (!errors.includes('400') || !errors.includes('503')) lacking.push(`${id}: 400 and 503`);
      for (const code of errors) {
        const json = op.responses[code]!.content?.['application/json'];
        if (!op.responses[code]!.description) lacking.push(`${id}: ${code} description`);
        if (json?.example === undefined) lacking.push(`${id}: ${code} example`);
        const props = (json?.schema?.properties ?? {}) as Record<string, unknown>;
        if (!('error' in props && 'message' in props)) lacking.push(`${id}: ${code} error shape`);
      }
      for (const p of op.parameters ?? [])
        if (p.in === 'path' && p.example === undefined && !p.schema?.examples?.length)
          lacking.push(`${id}: example of ${p.name}`);
    }
    expect(lacking).toEqual([]);
  });

  it("gives JSON examples that the answers' own schemas accept", async () => {
    const doc = (await SwaggerParser.dereference((await document()) as never)) as unknown as Doc;
    const ajv = new Ajv2020({ strict: false });
    let checked = 0;
    for (const { id, op } of operations(doc)) {
      for (const [code, response] of Object.entries(op.responses)) {
        const json = response.content?.['application/json'];
        if (!json?.schema || json.example === undefined) continue;
        const validate = ajv.compile(json.schema);
        expect(validate(json.example), `${id} ${code}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('the example of an error is what an error answers', async () => {
    const res = await s.app.inject('/api/places?limit=1000');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'Bad Request',
      message: expect.stringMatching(/^Invalid request: /),
    });
    const missing = await s.app.inject('/api/places/Q0');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'Not Found', message: 'There is no place with id Q0.' });
  });
});

describe('the API reference page', () => {
  const s = useTestApp(fixtureFiles, { TWINNING_URL: 'https://twinning.example.org' });

  it('lists every operation of the document, with its example request and answer and its errors', async () => {
    const doc = (await s.app.inject('/api/openapi.json')).json() as Doc;
    const res = await s.app.inject('/api');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toContain('<h1>API reference</h1>');
    expect(html).toContain('href="/api/openapi.json"');
    const ops = operations(doc);
    const shown = [
      ...html.matchAll(
        /<h3 id="[^"]+"><span class="api-method">(\w+)<\/span> <code class="api-path">([^<]+)<\/code>/g,
      ),
    ].map((m) => `${m[1]} ${m[2]}`);
    expect(shown.sort()).toEqual(ops.map((o) => o.id).sort());
    for (const { op } of ops)
      expect(html).toContain(op.summary!.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    expect(html).toContain("curl 'https://twinning.example.org/api/places/Q1490'");
    expect(html).toContain('&quot;name&quot;: &quot;Tokyo&quot;');
    // no asset from elsewhere: scripts, styles and fonts all come from this site
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
  });

  it('speaks the reader’s language around the English descriptions, and the header links to it', async () => {
    const html = (await s.app.inject('/api?lang=zh')).body;
    expect(html).toContain('<h1>API 参考</h1>');
    expect(html).toContain('各接口的说明为英文。');
    expect(html).toMatch(/<a href="\/api\?lang=zh">API<\/a>/);
  });
});
