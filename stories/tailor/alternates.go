package tailor

// alternates lists, for each answer, the next best stories for its
// question: stories that fit it, that no question picked, that are not
// excluded and that are not the same story as a pick, and that score at
// least half the best pick's score (a story far below is no swap).
func (sc *scorer) alternates(sel *Selection, qs []*qinfo, excluded map[string]bool) {
	picked := map[int]bool{}
	blocked := make([]bool, len(sc.a.stories))
	for i, s := range sc.a.stories {
		if sel.Picked(s.ID) {
			picked[i] = true
		}
		blocked[i] = picked[i] || excluded[s.ID]
	}
	rank := sc.storyOrder()
	for q, qi := range qs {
		floor := int64(0)
		if ps := sel.Answers[q].Picks; len(ps) > 0 {
			floor = int64(ps[0].Score * 1000 / 2)
		}
		var cs []cand
		if q < len(sc.cands) && sc.cands[q] != nil {
			// The assignment's candidates hold enough: two for every slot.
			for _, c := range sc.cands[q] {
				if len(cs) < MaxAlternates && !blocked[c.s] && !sc.clashes(c.s, -1, picked) {
					cs = append(cs, c)
				}
			}
		} else {
			cs = sc.candidates(qi, blocked, rank, MaxAlternates, picked)
		}
		for _, c := range cs {
			if c.score >= floor {
				sel.Answers[q].Alternates = append(sel.Answers[q].Alternates, sc.pick(c.s, qi, false))
			}
		}
	}
}
