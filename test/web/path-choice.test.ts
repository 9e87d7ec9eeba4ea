import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { mainText } from '../helpers/client.js';
import { fixtureFiles } from '../helpers/fixtures.js';

// A name several places have is asked about, not taken silently: "which Birmingham?"
describe('a chain between places given by an ambiguous name', () => {
  const ctx = useTestApp(() => [
    ...fixtureFiles(),
    {
      name: 'more.csv',
      content:
        'id,name,kind,country,parent,lat,lon,population\n' +
        'GB,United Kingdom,country,GB,,,,\n' +
        'gb-england,England,region,GB,GB,,,\n' +
        'Q2256,Birmingham,city,GB,gb-england,52.48,-1.9,1144919\n',
    },
    { name: 'more-ties.csv', content: 'a,b\nQ2256,Q1715\n' },
  ]);
  const get = (url: string) => ctx.app.inject({ url });

  it('asks which Birmingham, with country, region and ties, and finds the chain from the one chosen', async () => {
    const ask = await get('/path?from=Birmingham&to=Anshan');
    expect(ask.statusCode).toBe(200);
    const text = mainText(ask.body);
    expect(text).toContain('Which “Birmingham”?');
    expect(text).toMatch(/Birmingham England · United Kingdom · 1 tie/);
    expect(text).toMatch(/Birmingham Alabama · United States · 2 ties/);
    expect(ask.body).toMatch(/<input type="radio" name="from" value="Q2256"/);
    expect(ask.body).toMatch(/<input type="radio" name="from" value="Q79867"/);
    // the other end is kept as the reader gave it
    expect(ask.body).toMatch(/<input type="hidden" name="to" value="Q74957"\/>/);
    expect(text).not.toContain('ties apart');
    const chosen = await get('/path?from=Q79867&to=Anshan');
    expect(mainText(chosen.body)).toContain('Birmingham → Anshan 1 tie apart');
    // the Chinese page asks too
    expect(mainText((await get('/path?from=Birmingham&to=Anshan&lang=zh')).body)).toContain(
      '哪一个“Birmingham”？',
    );
  });

  it('takes a name that fits one place, and says what to do when none does', async () => {
    expect(mainText((await get('/path?from=Malmo&to=Anshan')).body)).toContain('Malmö → Anshan');
    expect((await get('/path?from=Nowhereville&to=Anshan')).statusCode).toBe(404);
  });
});
