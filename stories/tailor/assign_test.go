package tailor

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// objective is what assign minimises for a solution: scores (negated, as
// costs) and story ranks for tie-breaks. A solution that uses two stories
// of one group is not allowed: it costs the most.
func objective(in assignInput, sol []int) int64 {
	seen := map[int]bool{}
	for s, q := range sol {
		if q >= 0 {
			if seen[in.group[s]] {
				return math.MaxInt64
			}
			seen[in.group[s]] = true
		}
	}
	slots := 0
	for _, c := range in.caps {
		slots += c
	}
	tb := int64(slots)*int64(len(in.group)) + 1
	var total int64
	for _, a := range in.arcs {
		if sol[a.s] == a.q {
			total += -a.score*tb + int64(in.rank[a.s])
		}
	}
	return total
}

// bruteForce tries every assignment.
func bruteForce(in assignInput) int64 {
	best := int64(0) // nothing assigned
	sol := make([]int, len(in.group))
	load := make([]int, len(in.caps))
	var try func(s int)
	try = func(s int) {
		if s == len(sol) {
			best = min(best, objective(in, sol))
			return
		}
		sol[s] = -1
		try(s + 1)
		for _, a := range in.arcs {
			if a.s == s && load[a.q] < in.caps[a.q] {
				sol[s] = a.q
				load[a.q]++
				try(s + 1)
				load[a.q]--
				sol[s] = -1
			}
		}
	}
	try(0)
	return best
}

func TestAssignBeatsGreedy(t *testing.T) {
	// Greedy, question by question, takes story 0 for question 0 (10 > 8)
	// and is left with 1 for question 1: 11. The best is 8 + 9 = 17.
	in := assignInput{caps: []int{1, 1}, group: []int{0, 1}, rank: []int{0, 1}, groups: 2,
		arcs: []assignArc{{0, 0, 10}, {1, 0, 9}, {0, 1, 8}, {1, 1, 1}}}
	got := assign(in)
	if fmt.Sprint(got) != "[1 0]" {
		t.Errorf("assign = %v, want story 0 on question 1, story 1 on question 0", got)
	}
}

func TestAssignNeverPicksTwoOfAGroup(t *testing.T) {
	// Stories 0 and 1 are the same story told twice: the best pair of
	// them (10 + 9) is not allowed, so story 2 takes a question.
	in := assignInput{caps: []int{1, 1}, group: []int{0, 0, 1}, rank: []int{0, 1, 2}, groups: 2,
		arcs: []assignArc{{0, 0, 10}, {1, 1, 9}, {1, 2, 3}}}
	if got := fmt.Sprint(assign(in)); got != "[0 -1 1]" {
		t.Errorf("assign = %v, want story 0 on question 0 and story 2 on question 1", got)
	}
}

func TestAssignOptimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		nq, ns := 1+rng.IntN(3), 1+rng.IntN(6)
		in := assignInput{caps: make([]int, nq), group: make([]int, ns), rank: rng.Perm(ns), groups: ns}
		for q := range in.caps {
			in.caps[q] = rng.IntN(3)
		}
		for s := range in.group {
			in.group[s] = s
			// Now and then the same story as the one before.
			if s > 0 && rng.IntN(4) == 0 {
				in.group[s] = in.group[s-1]
			}
		}
		for q := range nq {
			for s := range ns {
				if rng.IntN(3) > 0 {
					// Few distinct scores, so that ties happen.
					in.arcs = append(in.arcs, assignArc{q: q, s: s, score: int64(1000 * (1 + rng.IntN(4)))})
				}
			}
		}
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			sol := assign(in)
			load := make([]int, nq)
			for s, q := range sol {
				if q < 0 {
					continue
				}
				load[q]++
				found := false
				for _, a := range in.arcs {
					found = found || (a.q == q && a.s == s)
				}
				if !found {
					t.Fatalf("story %d on question %d without an arc", s, q)
				}
			}
			for q := range load {
				if load[q] > in.caps[q] {
					t.Fatalf("question %d holds %d, capacity %d", q, load[q], in.caps[q])
				}
			}
			if got, want := objective(in, sol), bruteForce(in); got != want {
				t.Errorf("%+v: assign %v costs %d, best is %d", in, sol, got, want)
			}
		})
	}
}
