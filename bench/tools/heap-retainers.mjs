// node bench/tools/heap-retainers.mjs SNAP NAME [N]: how many objects named NAME, and the retainer chains of N of them
import { readFileSync } from 'node:fs';
const s = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const want = process.argv[3],
  show = Number(process.argv[4] ?? 3);
const m = s.snapshot.meta,
  NF = m.node_fields.length,
  EF = m.edge_fields.length;
const nt = m.node_types[0],
  et = m.edge_types[0];
const iT = m.node_fields.indexOf('type'),
  iN = m.node_fields.indexOf('name'),
  iE = m.node_fields.indexOf('edge_count');
const eT = m.edge_fields.indexOf('type'),
  eN = m.edge_fields.indexOf('name_or_index'),
  eTo = m.edge_fields.indexOf('to_node');
const nodes = s.nodes,
  edges = s.edges,
  str = s.strings;
const count = nodes.length / NF;
const firstEdge = new Uint32Array(count + 1);
for (let i = 0, e = 0; i < count; i++) {
  firstEdge[i] = e;
  e += nodes[i * NF + iE] * EF;
}
const rev = Array.from({ length: count }, () => []);
for (let i = 0; i < count; i++) {
  for (let e = firstEdge[i], end = e + nodes[i * NF + iE] * EF; e < end; e += EF) {
    const type = et[edges[e + eT]];
    if (type === 'weak') continue;
    const to = edges[e + eTo] / NF;
    const name = type === 'element' || type === 'hidden' ? `[${edges[e + eN]}]` : str[edges[e + eN]];
    rev[to].push([i, `${type}:${name}`]);
  }
}
const label = (i) => `${nt[nodes[i * NF + iT]]}:${String(str[nodes[i * NF + iN]]).slice(0, 60)}`;
const hits = [];
for (let i = 0; i < count; i++)
  if (str[nodes[i * NF + iN]] === want && nt[nodes[i * NF + iT]] === 'object') hits.push(i);
console.log(want, hits.length);
for (const h of hits.slice(0, show)) {
  console.log('---');
  let cur = h;
  const seen = new Set([h]);
  for (let d = 0; d < 14; d++) {
    const r = rev[cur].filter(([p]) => !seen.has(p));
    if (!r.length) break;
    const [p, e] = r[0];
    console.log('  '.repeat(d) + `<- ${e} ${label(p)} (${rev[cur].length} retainers)`);
    seen.add(p);
    cur = p;
  }
}
