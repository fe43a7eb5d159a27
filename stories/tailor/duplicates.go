package tailor

import "slices"

// duplicateGroups puts stories that are the same story told twice into
// one group: two stories are near-duplicates when the content words they
// share are at least share of the content words of the shorter one, and
// groups are closed over near-duplicates. It returns each story's group
// (its own index when it has no near-duplicate). share 0 switches it off.
//
// Shared words are counted through an index from word to stories, so the
// work grows with the bank's words, not with its pairs of stories; a word
// in more than a twentieth of a large bank is too common to tell stories
// apart and is not counted as shared.
func duplicateGroups(a *analyzer, share float64) []int {
	n := len(a.stories)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	if share <= 0 || n < 2 {
		return parent
	}
	words := make([][]string, n)
	index := map[string][]int{}
	for i, s := range a.stories {
		words[i] = contentWords(a, s.Text())
		for _, w := range words[i] {
			index[w] = append(index[w], i)
		}
	}
	common := max(50, n/20)
	shared := make([]int, n)
	var touched []int
	for i := range a.stories {
		for _, j := range touched {
			shared[j] = 0
		}
		touched = touched[:0]
		for _, w := range words[i] {
			if ps := index[w]; len(ps) <= common {
				for _, j := range ps {
					if j > i {
						if shared[j] == 0 {
							touched = append(touched, j)
						}
						shared[j]++
					}
				}
			}
		}
		for _, j := range touched {
			small := min(len(words[i]), len(words[j]))
			if small >= minContentWords && float64(shared[j]) >= share*float64(small) {
				union(parent, i, j)
			}
		}
	}
	for i := range parent {
		parent[i] = find(parent, i)
	}
	return parent
}

// minContentWords is how many content words a story needs before it can
// be the duplicate of another: a one-line note shares "most" of its words
// by chance.
const minContentWords = 6

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

// sameStory reports whether stories i and j are near-duplicates.
func (sc *scorer) sameStory(i, j int) bool {
	return sc.groups != nil && sc.groups[i] == sc.groups[j]
}
