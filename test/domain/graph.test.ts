import { describe, expect, it } from 'vitest';
import { TwinGraph, networkFigures } from '../../src/domain/graph.js';

//   a — b — c — d      e — f (another component)
//    \  |  /
//       x
const g = new TwinGraph([
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'd'],
  ['a', 'x'],
  ['b', 'x'],
  ['c', 'x'],
  ['e', 'f'],
  ['a', 'b'], // a repeated tie is one edge
]);

describe('the twinning graph', () => {
  it('counts places and ties', () => {
    expect(g.nodeCount).toBe(7);
    expect(g.edgeCount).toBe(7);
  });

  it('finds a shortest chain, or none', () => {
    expect(g.shortestPath('a', 'd')).toHaveLength(4);
    const p = g.shortestPath('a', 'd')!;
    expect(p[0]).toBe('a');
    expect(p[3]).toBe('d');
    for (let i = 1; i < p.length; i++) expect(g.tied(p[i - 1]!, p[i]!)).toBe(true);
    expect(g.shortestPath('d', 'a')).toHaveLength(4);
    expect(g.shortestPath('a', 'b')).toEqual(['a', 'b']);
    expect(g.shortestPath('a', 'a')).toEqual(['a']);
    expect(g.shortestPath('a', 'e')).toBeNull();
    expect(g.shortestPath('a', 'nowhere')).toBeNull();
  });

  it('finds cousins: partners of partners not tied, most shared first', () => {
    expect(g.cousins('a')).toEqual([{ id: 'c', via: ['b', 'x'] }]);
    // equal shares and degrees: by id
    expect(g.cousins('d')).toEqual([
      { id: 'b', via: ['c'] },
      { id: 'x', via: ['c'] },
    ]);
  });

  it('ranks the cousins of a hub whose partners have many partners as ranking them all would', () => {
    // 1,000 places, each tied to ~6 others (a fixed pseudo-random draw), and a hub with 300 partners: the
    // partners of partners are far more than the few it keeps, so it keeps its best as they come and cuts back
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const edges: [string, string][] = [];
    for (let i = 0; i < 3000; i++) edges.push([`p${next() % 1000}`, `p${next() % 1000}`]);
    for (let i = 1; i < 300; i++) edges.push(['p0', `p${i}`]);
    const big = new TwinGraph(edges);
    // every place sharing a partner, ranked in full: most shared, then most tied, then by id
    const everyOne = (id: string) => {
      const mine = new Set(big.neighbours(id));
      return [...big.sharedPartnerCounts(id)]
        .map(([c, n]) => ({
          c,
          n,
          via: big
            .neighbours(c)
            .filter((p) => mine.has(p))
            .sort(),
        }))
        .sort((x, y) => y.n - x.n || big.degree(y.c) - big.degree(x.c) || (x.c < y.c ? -1 : 1));
    };
    const most = [...big.nodes()]
      .map((id) => ({ id, candidates: big.sharedPartnerCounts(id).size }))
      .sort((a, b) => b.candidates - a.candidates)
      .slice(0, 3)
      .map((x) => x.id);
    expect(most).toContain('p0');
    for (const id of most) {
      const all = everyOne(id);
      expect(all.length).toBeGreaterThan(110);
      for (const r of all) expect(r.via).toHaveLength(r.n);
      for (const limit of [1, 3, 20, 1000])
        expect(big.cousins(id, limit)).toEqual(all.slice(0, limit).map((r) => ({ id: r.c, via: r.via })));
    }
  });

  it('finds open triangles: two partners not tied to each other', () => {
    expect(
      g
        .openTriangles('x')
        .map((pair) => [...pair].sort().join('-'))
        .sort(),
    ).toEqual(['a-c']);
    expect(
      g
        .openTriangles('c')
        .map((pair) => [...pair].sort().join('-'))
        .sort(),
    ).toEqual(['b-d', 'd-x']);
  });

  it('splits into components, largest first', () => {
    expect(g.components().map((c) => c.sort())).toEqual([
      ['a', 'b', 'c', 'd', 'x'],
      ['e', 'f'],
    ]);
  });

  it('computes betweenness exactly when every place is a source', () => {
    const path = new TwinGraph([
      ['1', '2'],
      ['2', '3'],
    ]);
    // 2 lies on the only chain between 1 and 3
    expect(Object.fromEntries(path.betweenness(10))).toEqual({ '1': 0, '2': 1, '3': 0 });
    const scores = g.betweenness(100);
    // c carries every chain to d
    expect([...scores.entries()].sort((p, q) => q[1] - p[1])[0]![0]).toBe('c');
  });

  it('finds the component of one place without listing them all', () => {
    expect(g.componentOf('d').sort()).toEqual(['a', 'b', 'c', 'd', 'x']);
    expect(g.componentOf('f').sort()).toEqual(['e', 'f']);
    expect(g.componentOf('nowhere')).toEqual(['nowhere']);
  });

  it('sums up the whole network: components with hubs, most connected, most central', () => {
    const f = networkFigures(g, 3, 1000);
    expect(f).toMatchObject({ places: 7, ties: 7, components: 2 });
    // b, c and x have three ties each: the first by id names the component
    expect(f.largestComponents).toEqual([
      { size: 5, hub: 'b', hubTies: 3 },
      { size: 2, hub: 'e', hubTies: 1 },
    ]);
    expect(f.mostConnected).toEqual([
      { id: 'b', ties: 3 },
      { id: 'c', ties: 3 },
      { id: 'x', ties: 3 },
    ]);
    expect(f.mostCentral[0]).toMatchObject({ id: 'c', ties: 3 });
    expect(f.mostCentral.map((p) => p.betweenness)).toEqual(
      [...f.mostCentral.map((p) => p.betweenness)].sort((a, b) => b - a),
    );
  });
});
