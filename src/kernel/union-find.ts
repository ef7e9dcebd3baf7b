/**
 * Disjoint sets over 0..n-1 with path halving. The smaller index always becomes the root, so a
 * group's representative is its first member: deterministic, whatever the union order. Used by DRC
 * connectivity, airwires and the router's copper checks.
 */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(i: number): number {
    let x = i;
    while (this.parent[x]! !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}
