package tailor

import (
	"math"
	"sort"
)

// cand is a story that may answer a question, and its score in
// thousandths.
type cand struct {
	s     int
	score int64
}

// assign chooses stories for the questions' free slots: the assignment
// with the highest total score (the flow in assign.go), then spread across
// projects where the alternatives score close (balance). Stories taken
// already (included) and their near-duplicates are left out. Each
// question keeps only its best candidates: enough for every slot twice
// over, at most maxCandidates, which keeps roles with very many slots fast.
func (sc *scorer) assign(qs []*qinfo, caps []int, taken map[int]bool, excluded map[string]bool) [][]int {
	slots := 0
	for _, c := range caps {
		slots += c
	}
	chosen := make([][]int, len(qs))
	if slots == 0 {
		return chosen
	}
	rank := sc.storyOrder()
	blocked := sc.blocked(taken, excluded)
	keep := min(2*slots+2, maxCandidates)
	cands := make([][]cand, len(qs))
	var arcs []assignArc
	dense := map[int]int{}
	var storyOf []int
	for q, qi := range qs {
		if caps[q] == 0 {
			continue
		}
		cands[q] = sc.candidates(qi, blocked, rank, keep, taken)
		for _, c := range cands[q] {
			d := denseID(dense, c.s)
			if d == len(storyOf) {
				storyOf = append(storyOf, c.s)
			}
			arcs = append(arcs, assignArc{q: q, s: d, score: c.score})
		}
	}
	for d, q := range assign(sc.assignInput(caps, arcs, storyOf, rank)) {
		if q >= 0 {
			chosen[q] = append(chosen[q], storyOf[d])
		}
	}
	sc.balance(chosen, cands, taken, rank)
	sc.cands = cands
	return chosen
}

// blocked are the stories no open slot may take: excluded ones and taken
// ones. (The near-duplicates of taken ones are left out as candidates.)
func (sc *scorer) blocked(taken map[int]bool, excluded map[string]bool) []bool {
	out := make([]bool, len(sc.a.stories))
	for i, s := range sc.a.stories {
		out[i] = excluded[s.ID] || taken[i]
	}
	return out
}

// candidates are the stories that fit question qi and score above 0, best
// first (ties by story id), at most keep of them, none the same story as
// one of avoid.
func (sc *scorer) candidates(qi *qinfo, blocked []bool, rank []int, keep int, avoid map[int]bool) []cand {
	var cs []cand
	for i := range sc.a.stories {
		if blocked[i] {
			continue
		}
		p, fit := sc.eval(i, qi, nil)
		if !fit {
			continue
		}
		if v := int64(math.Round(p.Sum() * 1000)); v > 0 {
			cs = append(cs, cand{i, v})
		}
	}
	sort.Slice(cs, func(x, y int) bool {
		if cs[x].score != cs[y].score {
			return cs[x].score > cs[y].score
		}
		return rank[cs[x].s] < rank[cs[y].s]
	})
	out := cs[:0]
	for _, c := range cs {
		if len(out) == keep {
			break
		}
		if !sc.clashes(c.s, -1, avoid) {
			out = append(out, c)
		}
	}
	return out
}

// assignInput turns the candidates into the flow's dense problem: each
// candidate's rank by id and its group of near-duplicates.
func (sc *scorer) assignInput(caps []int, arcs []assignArc, storyOf []int, rank []int) assignInput {
	order := make([]int, len(storyOf))
	for d := range order {
		order[d] = d
	}
	sort.Slice(order, func(x, y int) bool { return rank[storyOf[order[x]]] < rank[storyOf[order[y]]] })
	in := assignInput{caps: caps, arcs: arcs, rank: make([]int, len(storyOf)), group: make([]int, len(storyOf))}
	for r, d := range order {
		in.rank[d] = r
	}
	groups := map[int]int{}
	for d, g := range sc.groups(storyOf) {
		in.group[d] = denseID(groups, g)
	}
	in.groups = len(groups)
	return in
}

// denseID numbers keys in the order they are first seen.
func denseID[K comparable](ids map[K]int, k K) int {
	n, ok := ids[k]
	if !ok {
		n = len(ids)
		ids[k] = n
	}
	return n
}
