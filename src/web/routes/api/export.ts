import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../../context.js';
import { ValidationError } from '../../../domain/errors.js';
import { DATA_LICENCE } from '../../../domain/licence.js';
import { PLACE_KINDS } from '../../../domain/places.js';
import { EXPORT_FORMATS, type Download, type Selection } from '../../../services/export.js';
import { PlaceId, enumOf } from '../../schemas.js';
import { country, placeErrors } from './common.js';

/** How each format answers, for the OpenAPI document. */
const binary = (description: string, example: string) => ({ schema: Type.String({ description }), example });
const FILE_RESPONSE = {
  description:
    'The export as a file (Content-Disposition names it). Each carries the licence and sources: the zip a ' +
    '`datapackage.json`, JSON and GeoJSON a `format`/`metadata` member, GraphML graph data, GEXF its `<meta>`.',
  content: {
    'application/zip': binary(
      'csv: places.csv, twinnings.csv, redirects.csv, disagreements.csv, datapackage.json',
      '(a zip archive)',
    ),
    'application/json': binary(
      'json: one document in the interchange format',
      '{"format":{"name":"twinning","version":1},"metadata":{"licence":"ODbL-1.0"},"places":[…],"twinnings":[…]}',
    ),
    'application/geo+json': binary(
      'geojson: RFC 7946, places as Points, ties as LineStrings',
      '{"type":"FeatureCollection","metadata":{"licence":"ODbL-1.0"},"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[139.6917,35.6895]},"properties":{"id":"Q1490","name":"Tokyo"}}]}',
    ),
    'application/graphml+xml': binary(
      'graphml: places as nodes, ties as edges',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="Q1490"/>…</graph></graphml>',
    ),
    'application/gexf+xml': binary(
      'gexf: GEXF 1.3 for Gephi',
      '<gexf xmlns="http://gexf.net/1.3" version="1.3"><meta><description>Twinning registry</description></meta>…</gexf>',
    ),
  },
};

/** Sends an export as it is written, with its name, type and licence. */
function sendDownload(reply: FastifyReply, d: Download, attachment: boolean) {
  return reply
    .type(d.contentType)
    .header('content-disposition', `${attachment ? 'attachment' : 'inline'}; filename="${d.filename}"`)
    .header('link', `<${DATA_LICENCE.url}>; rel="license"`)
    .header('cache-control', 'public, max-age=300')
    .send(Readable.from(d.body));
}

/** Exports of the registry or a part of it, and a place's GeoJSON (its pages' alternate). */
export function exportApi(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/export',
      {
        schema: {
          tags: ['export'],
          summary: 'Download the registry or a part of it',
          description:
            'The whole registry, or one of: `place` (a place with everything under it), `country` (a country ' +
            'and every place in it), `q` (the places a search finds; `kind`, `has_ties` and `country` narrow ' +
            "it). The export also holds the other ends of the selection's ties and the parents of every place, " +
            'so that it imports on its own. CSV is the interchange format (a zip of one file per record type).',
          querystring: Type.Object({
            format: { ...enumOf(EXPORT_FORMATS, 'File format'), examples: ['csv'] },
            place: Type.Optional(PlaceId),
            country: Type.Optional(Type.String({ maxLength: 10, description: 'ISO 3166-1 alpha-2 code' })),
            q: Type.Optional(Type.String({ maxLength: 200, description: 'Search text' })),
            kind: Type.Optional(enumOf(PLACE_KINDS, 'With q: only places of this kind')),
            has_ties: Type.Optional(
              Type.Boolean({ description: 'With q: only places with (or without) ties' }),
            ),
          }),
          response: { 200: FILE_RESPONSE, ...placeErrors },
        },
      },
      async (req, reply) => {
        const { format, place, q, kind, has_ties } = req.query;
        const code = country(req.query.country);
        const searching = q !== undefined || kind !== undefined || has_ties !== undefined;
        if (place !== undefined && (searching || code !== undefined))
          throw new ValidationError('Give one of place, country and q (a search), not several.');
        const selection: Selection =
          place !== undefined
            ? { kind: 'place', id: place }
            : searching
              ? { kind: 'search', q: q ?? '', country: code, placeKind: kind, hasTies: has_ties }
              : code !== undefined
                ? { kind: 'country', code }
                : { kind: 'all' };
        return sendDownload(reply, await ctx.exports.download(selection, format), true);
      },
    );

    app.get(
      '/places/:id.geojson',
      {
        schema: {
          tags: ['export'],
          summary: 'A place with everything under it, its ties and their other ends, as GeoJSON',
          description:
            'The same as `/api/export?format=geojson&place=ID`, shown inline: the alternate of the place ' +
            'pages for maps and GIS tools.',
          params: Type.Object({ id: PlaceId }),
          response: {
            200: {
              description: 'GeoJSON (RFC 7946)',
              content: { 'application/geo+json': FILE_RESPONSE.content['application/geo+json'] },
            },
            ...placeErrors,
          },
        },
      },
      async (req, reply) =>
        sendDownload(
          reply,
          await ctx.exports.download({ kind: 'place', id: req.params.id }, 'geojson'),
          false,
        ),
    );
  };
}
