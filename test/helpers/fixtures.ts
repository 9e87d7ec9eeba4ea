// A small world of places and ties, written as an editor would write import files.
export const COUNTRIES_CSV = `id,name,kind,country,names,languages,currency
CN,China,country,CN,zh:中国,zh,CNY
US,United States,country,US,zh:美国,en,USD
SE,Sweden,country,SE,sv:Sverige,sv,SEK
DE,Germany,country,DE,de:Deutschland,de,EUR
JP,Japan,country,JP,ja:日本,ja,JPY
`;

export const PLACES_CSV = `id,name,kind,country,parent,lat,lon,population,wikidata,names
cn-liaoning,Liaoning,region,CN,CN,,,,,zh:辽宁
Q74957,Anshan,city,CN,cn-liaoning,41.11502,122.94003,1199275,Q74957,zh:鞍山;ja:鞍山市
Q360235,Ma'anshan,city,CN,,31.7,118.5,2159930,,zh:马鞍山
us-alabama,Alabama,region,US,US,,,,,
Q79867,Birmingham,city,US,us-alabama,33.53001,-86.825,212461,,
Q2211,Malmö,city,SE,,55.58334,13.0333,301706,,zh:马尔默
Q503361,Malmö Municipality,city,SE,,,,,,
Q1715,Hanover,city,DE,,52.37,9.73,532163,,de:Hannover
Q1490,Tokyo,city,JP,,35.69,139.69,8336599,,ja:東京
Q1000001,New Town,city,,,,,,,
`;

export const TWINNINGS_CSV = `a,b,kind,signed,ended,status,source,notes,listed_by
Q74957,Q79867,sister,1996-11-05,,active,https://example.org/anshan-birmingham | City council minutes 1996,Both steel cities,both
Q2211,Q74957,friendship,1989,,active,,,a
Q1715,Q1490,partnership,1997-04,,dormant,,,
Q79867,Q2211,sister,1970,2001,,,,a
`;

/** The three files above, as an import takes them. */
export function fixtureFiles(): { name: string; content: string }[] {
  return [
    { name: 'countries.csv', content: COUNTRIES_CSV },
    { name: 'places.csv', content: PLACES_CSV },
    { name: 'twinnings.csv', content: TWINNINGS_CSV },
  ];
}
