import type { TwinningWithPartner } from '../../store/twinnings-repo.js';
import { siteAssets } from '../assets.js';
import { localName, type Lang } from '../i18n/index.js';
import { TiesMap, type ChartText } from './charts.js';

/**
 * A place and its partners on the world map, in a figure. Partners whose location is unknown are left off;
 * `desc` is told how many of them are shown.
 */
export function PartnerMap(p: {
  id: string;
  center: { lat: number; lon: number; label: string };
  partners: TwinningWithPartner[];
  lang: Lang;
  title: string;
  desc: (all: number, shown: number) => string;
}) {
  const located = p.partners.filter((i) => i.partner.lat !== null && i.partner.lon !== null);
  const text: ChartText = { title: p.title, desc: p.desc(p.partners.length, located.length) };
  return (
    <figure>
      <TiesMap
        id={p.id}
        land={siteAssets().land.path}
        home={p.center}
        partners={located.map((i) => ({
          lat: i.partner.lat!,
          lon: i.partner.lon!,
          label: localName(i.partner, p.lang),
        }))}
        text={text}
      />
    </figure>
  );
}
