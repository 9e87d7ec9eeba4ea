import { CONTINENTS, type Continent } from '../domain/countries.js';
import { ValidationError } from '../domain/errors.js';
import { periodOptions, type NetworkService, type PlaceRef } from './network.js';

/** The rankings page's filters as its address gives them, '' meaning "any". */
export interface RankingsQuery {
  continent?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The places and countries with the most ties in force, with the filters that were applied. */
export interface RankingsView {
  filter: { continent: Continent | undefined; from: string | undefined; to: string | undefined };
  /** whether only ties signed in a period count */
  period: boolean;
  places: (PlaceRef & { count: number })[];
  /** ISO codes of the countries, most ties first */
  countries: { code: string; count: number }[];
}

/** how many places and countries the page ranks */
export const RANKED = 50;

/** The read model of the rankings page. */
export class RankingsService {
  constructor(private readonly network: NetworkService) {}

  async page(q: RankingsQuery): Promise<RankingsView> {
    const continent = q.continent || undefined;
    if (continent && !(CONTINENTS as readonly string[]).includes(continent))
      throw new ValidationError(`continent "${continent}" is not one of ${CONTINENTS.join(', ')}`, [
        { column: 'continent', message: `not one of ${CONTINENTS.join(', ')}` },
      ]);
    const period = periodOptions(q.from || undefined, q.to || undefined);
    const r = await this.network.rankings({
      continent: continent as Continent | undefined,
      ...period,
      limit: RANKED,
    });
    return {
      filter: {
        continent: continent as Continent | undefined,
        from: q.from || undefined,
        to: q.to || undefined,
      },
      period: !!(period.from || period.to),
      places: r.places,
      countries: r.countries.map(({ code, count }) => ({ code, count })),
    };
  }
}
