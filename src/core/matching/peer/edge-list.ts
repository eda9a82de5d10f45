/**
 * An undirected weighted edge list over vertices 0 … n−1: edge i joins `u[i]` and `v[i]` with
 * weight `w[i]` (a non-negative integer). Only the first `count` entries are edges; the arrays
 * may be longer.
 */
export interface PeerEdges {
  u: Int32Array;
  v: Int32Array;
  w: Int32Array | Float64Array;
  count: number;
}

/** Collects edges one by one into growable typed arrays. */
export interface EdgeListBuilder {
  /** Appends the edge {u, v} with weight w. */
  add(u: number, v: number, w: number): void;
  /** The edges added so far (the builder must not be used afterwards). */
  done(): PeerEdges;
}

/** A builder for a {@link PeerEdges} list; `capacity` is only a first guess of the count. */
export function edgeList(capacity = 16): EdgeListBuilder {
  let size = Math.max(1, Math.floor(capacity));
  let u = new Int32Array(size);
  let v = new Int32Array(size);
  let w = new Float64Array(size);
  let count = 0;
  return {
    add(a: number, b: number, weight: number): void {
      if (count === size) {
        size *= 2;
        const nu = new Int32Array(size);
        const nv = new Int32Array(size);
        const nw = new Float64Array(size);
        nu.set(u);
        nv.set(v);
        nw.set(w);
        u = nu;
        v = nv;
        w = nw;
      }
      u[count] = a;
      v[count] = b;
      w[count] = weight;
      count++;
    },
    done(): PeerEdges {
      return { u, v, w, count };
    },
  };
}
