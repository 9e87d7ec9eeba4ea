// node bench/tools/heap-summary.mjs A.heapsnapshot [B.heapsnapshot]: self size by constructor (B minus A when two)
import { readFileSync } from 'node:fs';
function sum(file) {
  const s = JSON.parse(readFileSync(file, 'utf8'));
  const f = s.snapshot.meta.node_fields,
    types = s.snapshot.meta.node_types[0];
  const N = f.length,
    iType = f.indexOf('type'),
    iName = f.indexOf('name'),
    iSize = f.indexOf('self_size');
  const out = new Map();
  for (let i = 0; i < s.nodes.length; i += N) {
    const t = types[s.nodes[i + iType]];
    let name = t === 'object' || t === 'closure' ? s.strings[s.nodes[i + iName]] : `(${t})`;
    if (t === 'string' || t === 'concatenated string' || t === 'sliced string') name = '(string)';
    const e = out.get(name) ?? [0, 0];
    e[0] += s.nodes[i + iSize];
    e[1]++;
    out.set(name, e);
  }
  return out;
}
const a = sum(process.argv[2]);
const b = process.argv[3] ? sum(process.argv[3]) : null;
const rows = [...(b ?? a)].map(([k, [sz, n]]) => [
  k,
  b ? sz - (a.get(k)?.[0] ?? 0) : sz,
  b ? n - (a.get(k)?.[1] ?? 0) : n,
]);
rows.sort((x, y) => y[1] - x[1]);
for (const [k, sz, n] of rows.slice(0, 30))
  console.log((sz / 1048576).toFixed(2).padStart(8), 'MB', String(n).padStart(8), k.slice(0, 80));
