import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../../context.js';
import { parsePartialDate } from '../../../domain/dates.js';
import { ValidationError } from '../../../domain/errors.js';
import { TWINNING_KINDS, TWINNING_STATUSES } from '../../../domain/twinnings.js';
import { CountryCode, Cursor, Limit, Page, Twinning, enumOf } from '../../schemas.js';
import { country, errors, paged, twinningJson, withExample } from './common.js';
import { EXAMPLES } from './examples.js';

/** Ties: every twinning, filtered by country, partner country, kind, status and date. */
export function twinningsApi(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/twinnings',
      {
        config: { cache: true },
        schema: {
          tags: ['twinnings'],
          summary: 'List twinnings',
          description: 'Newest signing first; ties without a known date come last.',
          querystring: Type.Object({
            country: Type.Optional({ ...CountryCode, examples: ['JP'] }),
            partner_country: Type.Optional(CountryCode),
            since: Type.Optional(
              Type.String({ description: 'Signed on or after: YYYY, YYYY-MM or YYYY-MM-DD' }),
            ),
            kind: Type.Optional(enumOf(TWINNING_KINDS)),
            status: Type.Optional(enumOf(TWINNING_STATUSES)),
            limit: Type.Optional(Limit),
            cursor: Type.Optional(Cursor),
          }),
          response: { 200: withExample(Page(Twinning), EXAMPLES.twinnings), ...errors },
        },
      },
      async (req) => {
        const { kind, status, limit = 20, cursor } = req.query;
        let since: string | undefined;
        if (req.query.since) {
          const d = parsePartialDate(req.query.since);
          if (typeof d === 'string') throw new ValidationError(`since: ${d}`);
          since = d.date;
        }
        if (req.query.partner_country && !req.query.country) {
          throw new ValidationError(
            'partner_country needs country: the ties between country and partner_country',
          );
        }
        const filters = {
          country: country(req.query.country),
          partnerCountry: country(req.query.partner_country),
          kind,
          status,
          since,
        };
        const page = await paged(limit, cursor, (l, o) => ctx.places.listTwinnings(filters, l, o));
        return { items: page.items.map((t) => ({ a: t.a, b: t.b, ...twinningJson(t) })), next: page.next };
      },
    );
  };
}
