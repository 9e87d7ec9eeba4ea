import { renderToString } from 'preact-render-to-string';

// A plain landing page until the public portal is built: what is here and how to reach it.
export function homePage(p: { placeCount: number; tieCount: number }): string {
  const n = new Intl.NumberFormat('en');
  return (
    '<!doctype html>' +
    renderToString(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Twinning — the world's sister cities</title>
          <style>{`body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d2733}
code{background:#eef2f6;padding:0 .25em;border-radius:3px}a{color:#0b5cad}`}</style>
        </head>
        <body>
          <header>
            <h1>Twinning</h1>
            <p>An open registry of sister cities and town twinnings.</p>
          </header>
          <main>
            <p>
              This registry holds <strong>{n.format(p.placeCount)}</strong> places and{' '}
              <strong>{n.format(p.tieCount)}</strong> twinnings.
            </p>
            <form action="/api/places" method="get" role="search">
              <label for="q">Search a place (JSON) </label>
              <input id="q" name="q" type="search" placeholder="Anshan, 鞍山, Malmö…" required />
              <button type="submit">Search</button>
            </form>
            <h2>API</h2>
            <ul>
              <li>
                <a href="/api/openapi.json">OpenAPI document</a>
              </li>
              <li>
                <a href="/api/places?q=malmo">
                  <code>GET /api/places?q=malmo</code>
                </a>
              </li>
              <li>
                <a href="/api/places/Q74957/twinnings">
                  <code>GET /api/places/Q74957/twinnings</code>
                </a>
              </li>
              <li>
                <a href="/api/twinnings?country=CN&amp;limit=10">
                  <code>GET /api/twinnings?country=CN</code>
                </a>
              </li>
            </ul>
          </main>
          <footer>
            <p>
              Data: Wikidata (CC0), Natural Earth, GeoNames (CC BY 4.0), countries-states-cities-database by
              dr5hn (ODbL). See the project README for licences.
            </p>
          </footer>
        </body>
      </html>,
    )
  );
}
