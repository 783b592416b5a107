// A table's hidden cells as a graph (R-RPT-1): each row or column sum is a node and each hidden cell an edge
// between the two sums it appears in (a cell in only one published sum hangs from a shared "no sum" node).
// For one table a hidden cell can be worked out exactly when, and only when, its edge is a bridge: on no cycle
// of hidden cells. Complementary suppression closes every such cycle.

/** An edge: a hidden cell joining the two sums it is part of. */
export interface GraphEdge {
  readonly id: number;
  readonly a: number;
  readonly b: number;
}

function adjacency(nodeCount: number, edges: readonly GraphEdge[]): { to: number; id: number }[][] {
  const adj: { to: number; id: number }[][] = Array.from({ length: nodeCount }, () => []);
  for (const e of edges) {
    if (e.a === e.b) continue; // a cell in no published sum at all: a self-loop, never a bridge
    adj[e.a]?.push({ to: e.b, id: e.id });
    adj[e.b]?.push({ to: e.a, id: e.id });
  }
  return adj;
}

/** The edges on no cycle (Tarjan's bridges, counting parallel edges as a cycle). */
export function bridges(nodeCount: number, edges: readonly GraphEdge[]): GraphEdge[] {
  const adj = adjacency(nodeCount, edges);
  const order = new Array<number>(nodeCount).fill(-1);
  const low = new Array<number>(nodeCount).fill(0);
  const found = new Set<number>();
  let counter = 0;
  const visit = (node: number, viaEdge: number): void => {
    order[node] = low[node] = counter++;
    for (const { to, id } of adj[node] ?? []) {
      if (id === viaEdge) continue;
      if (order[to] === -1) {
        visit(to, id);
        low[node] = Math.min(low[node] ?? 0, low[to] ?? 0);
        if ((low[to] ?? 0) > (order[node] ?? 0)) found.add(id);
      } else {
        low[node] = Math.min(low[node] ?? 0, order[to] ?? 0);
      }
    }
  };
  for (let n = 0; n < nodeCount; n++) if (order[n] === -1) visit(n, -1);
  return edges.filter((e) => found.has(e.id));
}

/** The nodes reachable from `start` without crossing the edge `without`. */
export function reachable(nodeCount: number, edges: readonly GraphEdge[], start: number, without: number): Set<number> {
  const adj = adjacency(nodeCount, edges.filter((e) => e.id !== without));
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.pop() as number;
    for (const { to } of adj[node] ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}
