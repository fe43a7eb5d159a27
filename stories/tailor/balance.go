package tailor

import "github.com/starpack/starpack/stories"

// balance spreads the picks across projects where the alternatives score
// close: while some question's pick comes from a project that gives at
// least two stories more than another project, and that other project has
// a story for the question that scores within Weights.Spread of the pick
// (and is free: not picked, not the same story as a pick), the pick is
// swapped for it. Of several such swaps the one between the most and the
// least used projects goes first, then the one that loses least, then the
// earlier question and the lower story id. Every swap makes the spread more
// even, so it ends; included stories (taken) count but never move.
func (sc *scorer) balance(chosen [][]int, cands [][]cand, taken map[int]bool, rank []int) {
	close := int64(sc.w.Spread * 1000)
	if close <= 0 {
		return
	}
	for {
		count, used := sc.projectUse(chosen, taken)
		best, found := swap{}, false
		for q := range chosen {
			for k, i := range chosen[q] {
				for _, c := range cands[q] {
					s := swap{q: q, k: k, to: c.s, gap: count[sc.a.projects[i]] - count[sc.a.projects[c.s]],
						loss: sc.scoreOf(cands[q], i) - c.score, rank: rank[c.s]}
					if s.gap < 2 || s.loss > close || used[c.s] || sc.clashes(c.s, i, used) {
						continue
					}
					if !found || s.better(best) {
						best, found = s, true
					}
				}
			}
		}
		if !found {
			return
		}
		chosen[best.q][best.k] = best.to
	}
}

// swap replaces the k-th pick of question q by story to.
type swap struct {
	q, k, to int
	gap      int   // how many more stories the pick's project gives than to's
	loss     int64 // the score given up, in thousandths
	rank     int   // to's rank by id
}

func (s swap) better(t swap) bool {
	switch {
	case s.gap != t.gap:
		return s.gap > t.gap
	case s.loss != t.loss:
		return s.loss < t.loss
	case s.q != t.q:
		return s.q < t.q
	}
	return s.rank < t.rank
}

// projectUse counts the stories each project gives and marks the stories
// in use (picked or taken).
func (sc *scorer) projectUse(chosen [][]int, taken map[int]bool) (map[*stories.Project]int, map[int]bool) {
	count := map[*stories.Project]int{}
	used := map[int]bool{}
	for i := range taken {
		count[sc.a.projects[i]]++
		used[i] = true
	}
	for _, picks := range chosen {
		for _, i := range picks {
			count[sc.a.projects[i]]++
			used[i] = true
		}
	}
	return count, used
}

// scoreOf is story i's score among a question's candidates.
func (sc *scorer) scoreOf(cs []cand, i int) int64 {
	for _, c := range cs {
		if c.s == i {
			return c.score
		}
	}
	return 0
}

// clashes reports whether story j is the same story as one in use, other
// than i (the pick it would replace).
func (sc *scorer) clashes(j, i int, used map[int]bool) bool {
	for u := range used {
		if u != i && sc.sameStory(j, u) {
			return true
		}
	}
	return false
}
