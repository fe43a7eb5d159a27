package tailor

// alternates lists, for each answer, the next best stories for its
// question: stories that fit it, that no question picked, that are not
// excluded and that are not the same story as a pick, and that score at
// least half the best pick's score (a story far below is no swap).
func (sc *scorer) alternates(sel *Selection, qs []*qinfo, excluded map[string]bool) {
	picked := make([]bool, len(sc.a.stories))
	var pickedIdx []int
	for i, s := range sc.a.stories {
		if sel.Picked(s.ID) {
			picked[i] = true
			pickedIdx = append(pickedIdx, i)
		}
	}
	blocked := make([]bool, len(sc.a.stories))
	for i, s := range sc.a.stories {
		blocked[i] = picked[i] || excluded[s.ID]
		for _, p := range pickedIdx {
			blocked[i] = blocked[i] || sc.sameStory(i, p)
		}
	}
	rank := sc.storyOrder()
	for q, qi := range qs {
		floor := int64(0)
		if ps := sel.Answers[q].Picks; len(ps) > 0 {
			floor = int64(ps[0].Score * 1000 / 2)
		}
		for _, c := range sc.candidates(qi, blocked, rank, MaxAlternates) {
			if c.score >= floor {
				sel.Answers[q].Alternates = append(sel.Answers[q].Alternates, sc.pick(c.s, qi, false))
			}
		}
	}
}
