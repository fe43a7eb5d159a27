package tailor

import (
	"container/heap"
	"math"
)

// The assignment of stories to questions is a min-cost flow, the
// Hungarian method's generalisation to slots of any capacity and to
// convex costs:
//
//	source -> question q       capacity: its free slots, cost 0
//	question q -> story s      capacity 1, cost -score(s, q)
//	story s -> its group g     capacity 1, cost 0
//	group g -> sink            capacity 1, cost 0
//
// A group holds the stories that are the same story told twice (see
// sameStory), so at most one of them is used.
//
// Successive shortest paths (Dijkstra over reduced costs) push one story at
// a time and stop when no path lowers the cost, which gives a cheapest
// flow of any size: the highest total score, each story used once, each
// question holding at most its slots. Costs are integers (scores in
// thousandths) times a factor larger than any sum of story ranks, plus the
// story's rank by id, so equal totals are decided by story id and the
// result never depends on floating-point order.

// assignArc is a candidate: story s for question q at score (in thousandths).
type assignArc struct {
	q, s  int
	score int64
}

// assignInput is an assignment problem over dense indexes.
type assignInput struct {
	caps   []int // per question: free slots
	group  []int // per story: its group of near-duplicates
	rank   []int // per story: rank by id, for tie-breaks
	arcs   []assignArc
	groups int
}

// assign returns, per story, the question it answers, or -1.
func assign(in assignInput) []int {
	nq, ns, ng := len(in.caps), len(in.group), in.groups
	slots := 0
	for _, c := range in.caps {
		slots += c
	}
	out := make([]int, ns)
	for i := range out {
		out[i] = -1
	}
	if slots == 0 || len(in.arcs) == 0 {
		return out
	}
	tb := int64(slots)*int64(ns) + 1 // tie-break factor: exceeds any sum of ranks
	groupAt := 1 + nq + ns
	src, sink := 0, groupAt+ng
	f := newFlow(sink + 1)
	for q, c := range in.caps {
		if c > 0 {
			f.add(src, 1+q, c, 0)
		}
	}
	arcEdge := make([]int, len(in.arcs))
	for i, a := range in.arcs {
		arcEdge[i] = f.add(1+a.q, 1+nq+a.s, 1, -a.score*tb+int64(in.rank[a.s]))
	}
	seen := make([]bool, ns)
	for _, a := range in.arcs {
		if !seen[a.s] {
			seen[a.s] = true
			f.add(1+nq+a.s, groupAt+in.group[a.s], 1, 0)
		}
	}
	for g := range ng {
		f.add(groupAt+g, sink, 1, 0)
	}
	f.minCost(src, sink)
	for i, a := range in.arcs {
		if f.cap[arcEdge[i]] == 0 {
			out[a.s] = a.q
		}
	}
	return out
}

// flow is a residual graph; edge e and e^1 are a pair.
type flow struct {
	adj  [][]int
	to   []int
	cap  []int
	cost []int64
}

func newFlow(n int) *flow { return &flow{adj: make([][]int, n)} }

func (f *flow) add(u, v, c int, cost int64) int {
	e := len(f.to)
	f.adj[u] = append(f.adj[u], e)
	f.to = append(f.to, v)
	f.cap = append(f.cap, c)
	f.cost = append(f.cost, cost)
	f.adj[v] = append(f.adj[v], e+1)
	f.to = append(f.to, u)
	f.cap = append(f.cap, 0)
	f.cost = append(f.cost, -cost)
	return e
}

const inf = math.MaxInt64 / 4

// minCost pushes flow from s to t along cheapest paths while they lower
// the total cost.
func (f *flow) minCost(s, t int) {
	n := len(f.adj)
	pot := f.bellmanFord(s)
	dist := make([]int64, n)
	prev := make([]int, n)
	for {
		for i := range dist {
			dist[i], prev[i] = inf, -1
		}
		dist[s] = 0
		h := &distHeap{{0, s}}
		for h.Len() > 0 {
			it := heap.Pop(h).(distItem)
			if it.d > dist[it.v] {
				continue
			}
			for _, e := range f.adj[it.v] {
				if f.cap[e] == 0 || pot[f.to[e]] >= inf {
					continue
				}
				nd := it.d + f.cost[e] + pot[it.v] - pot[f.to[e]]
				if nd < dist[f.to[e]] {
					dist[f.to[e]] = nd
					prev[f.to[e]] = e
					heap.Push(h, distItem{nd, f.to[e]})
				}
			}
		}
		if dist[t] >= inf || dist[t]+pot[t]-pot[s] >= 0 {
			return
		}
		for v := range pot {
			if dist[v] < inf && pot[v] < inf {
				pot[v] += dist[v]
			}
		}
		for v := t; v != s; v = f.to[prev[v]^1] {
			f.cap[prev[v]]--
			f.cap[prev[v]^1]++
		}
	}
}

// bellmanFord returns shortest distances from s over edges with capacity,
// the starting potentials (the graph has no negative cycle).
func (f *flow) bellmanFord(s int) []int64 {
	d := make([]int64, len(f.adj))
	for i := range d {
		d[i] = inf
	}
	d[s] = 0
	for range len(f.adj) {
		changed := false
		for u := range f.adj {
			if d[u] >= inf {
				continue
			}
			for _, e := range f.adj[u] {
				if f.cap[e] > 0 && d[u]+f.cost[e] < d[f.to[e]] {
					d[f.to[e]] = d[u] + f.cost[e]
					changed = true
				}
			}
		}
		if !changed {
			break
		}
	}
	return d
}

type distItem struct {
	d int64
	v int
}

type distHeap []distItem

func (h distHeap) Len() int { return len(h) }
func (h distHeap) Less(i, j int) bool {
	if h[i].d != h[j].d {
		return h[i].d < h[j].d
	}
	return h[i].v < h[j].v
}
func (h distHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *distHeap) Push(x any)   { *h = append(*h, x.(distItem)) }
func (h *distHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
