package tailor

import "slices"

// Near-duplicates are two stories that are the same story told twice, as
// when one story's Result is another's Situation: the content words they
// share are at least Weights.Duplicate of the content words of the shorter
// one. They are never both picked. Only stories that may be picked are
// compared (a question's candidates, the alternates), so the work grows
// with the candidates, not with the bank.

// minContentWords is how many content words a story needs before it can
// be the duplicate of another: a one-line note shares "most" of its words
// by chance.
const minContentWords = 6

// sameStory reports whether stories i and j are near-duplicates.
func (sc *scorer) sameStory(i, j int) bool {
	if i == j {
		return true
	}
	if sc.w.Duplicate <= 0 || sc.all {
		return false
	}
	a, b := sc.contentOf(i), sc.contentOf(j)
	small := min(len(a), len(b))
	return small >= minContentWords && float64(countShared(a, b)) >= sc.w.Duplicate*float64(small)
}

// contentOf returns story i's content words, read once.
func (sc *scorer) contentOf(i int) []string {
	if w, ok := sc.words[i]; ok {
		return w
	}
	w := contentWords(sc.a, sc.a.stories[i].Text())
	sc.words[i] = w
	return w
}

// contentWords are the distinct stems of a text's words that are not stop
// words, sorted.
func contentWords(a *analyzer, text string) []string {
	var out []string
	for _, t := range a.tokens(text) {
		if !t.stop {
			out = append(out, t.stem)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// groups puts the stories stories (analyzer indexes) into groups closed
// over near-duplicates, and returns each one's group: the index in
// stories of the group's first story.
func (sc *scorer) groups(stories []int) []int {
	parent := make([]int, len(stories))
	for i := range parent {
		parent[i] = i
	}
	for x := range stories {
		for y := x + 1; y < len(stories); y++ {
			if sc.sameStory(stories[x], stories[y]) {
				union(parent, x, y)
			}
		}
	}
	for i := range parent {
		parent[i] = find(parent, i)
	}
	return parent
}

func find(parent []int, i int) int {
	for parent[i] != i {
		parent[i] = parent[parent[i]]
		i = parent[i]
	}
	return i
}

func union(parent []int, i, j int) {
	ri, rj := find(parent, i), find(parent, j)
	if ri < rj {
		parent[rj] = ri
	} else if rj < ri {
		parent[ri] = rj
	}
}
