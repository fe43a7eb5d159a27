package lint

import (
	"fmt"
	"math"
	"slices"

	"github.com/starpack/starpack/stories"
)

// Near-duplicate stories are found with MinHash and locality-sensitive
// hashing, so that a bank of thousands of stories is not compared pair by
// pair: each story's three-word phrases (shingles) are hashed, summarised by
// minHashes minimums, and stories that agree on all rows of some band of the
// summary become candidates; candidates are then compared exactly.
const (
	shingleWords = 3
	bands        = 20
	rows         = 3
	minHashes    = bands * rows
	// minShingles keeps very short answers ("Sense of ownership.") out:
	// their likeness says nothing.
	minShingles = 8
	// maxCandidates bounds the exact comparisons per story, and
	// maxBucket the stories kept per band bucket (the earliest, which are
	// the ones reported), so that a bank with hundreds of retellings of one
	// story stays linear.
	maxCandidates = 64
	maxBucket     = 16
)

var hashSeeds = func() [minHashes]uint64 {
	var s [minHashes]uint64
	x := uint64(0x5eed5eed5eed5eed)
	for i := range s {
		x = splitmix(x)
		s[i] = x
	}
	return s
}()

// splitmix is the SplitMix64 finaliser: a fast, well-mixed 64-bit hash.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// shingles returns the sorted, distinct hashes of the story's three-word
// phrases, from its text fields' words (nil when it has too few of them
// to be anyone's duplicate).
func shingles(r *reading) []uint64 {
	ws := r.words
	if len(ws) < shingleWords {
		return nil
	}
	hashes := make([]uint64, len(ws))
	for i, w := range ws {
		h := uint64(14695981039346656037) // FNV-1a
		for k := 0; k < len(w.w); k++ {
			h = (h ^ uint64(w.w[k])) * 1099511628211
		}
		hashes[i] = h
	}
	out := hashes[:0] // each phrase's hash takes the place of its first word's
	for i := 0; i+shingleWords <= len(hashes); i++ {
		h := uint64(0)
		for _, w := range hashes[i : i+shingleWords] {
			h = splitmix(h ^ w)
		}
		out = append(out, h)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) < minShingles {
		return nil
	}
	return slices.Clip(out)
}

// jaccard is |a ∩ b| / |a ∪ b| of two sorted sets when that is at least
// least; below least it may give up early and return any value below it.
func jaccard(a, b []uint64, least float64) float64 {
	// |a ∩ b| <= the smaller set, |a ∪ b| >= the larger.
	if float64(len(a)) < least*float64(len(b)) || float64(len(b)) < least*float64(len(a)) {
		return 0
	}
	// need is the fewest phrases in common that reach least, as the
	// division below computes it; the walk stops once that is out of reach.
	ratio := func(common int) float64 { return float64(common) / float64(len(a)+len(b)-common) }
	need := max(0, int(least*float64(len(a)+len(b))/(1+least))-2)
	for need < min(len(a), len(b)) && ratio(need) < least {
		need++
	}
	// A merge without branches on the data, which a processor cannot
	// predict.
	i, j, common := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		common += b2i(x == y)
		i += b2i(x <= y)
		j += b2i(y <= x)
		if common+min(len(a)-i, len(b)-j) < need {
			return 0
		}
	}
	return ratio(common)
}

// duplicates reports each story that tells, nearly word for word, a story
// told earlier in the bank, naming the earliest such story.
func (l *linter) duplicates(all []*stories.Story, sets [][]uint64) {
	buckets := make(map[uint64][]int32)
	var sig [minHashes]uint64
	// Candidates of one story: earlier stories and how many bands they
	// share with it; shared indexes cands by story.
	type cand struct {
		id int32
		n  int
	}
	var cands []cand
	shared := map[int32]int{}
	for idx, s := range all {
		set := sets[idx]
		if set == nil {
			continue
		}
		for k := range sig {
			sig[k] = math.MaxUint64
		}
		for _, sh := range set {
			for k, seed := range hashSeeds {
				if h := splitmix(sh ^ seed); h < sig[k] {
					sig[k] = h
				}
			}
		}
		// Candidates: earlier stories sharing a band, most bands first.
		clear(shared)
		cands = cands[:0]
		for b := 0; b < bands; b++ {
			key := uint64(b + 1)
			for _, v := range sig[b*rows : (b+1)*rows] {
				key = splitmix(key ^ v)
			}
			for _, other := range buckets[key] {
				if k, ok := shared[other]; ok {
					cands[k].n++
				} else {
					shared[other] = len(cands)
					cands = append(cands, cand{other, 1})
				}
			}
			if len(buckets[key]) < maxBucket {
				buckets[key] = append(buckets[key], int32(idx))
			}
		}
		if len(cands) == 0 {
			continue
		}
		slices.SortFunc(cands, func(a, b cand) int {
			if a.n != b.n {
				return b.n - a.n
			}
			return int(a.id - b.id)
		})
		if len(cands) > maxCandidates {
			cands = cands[:maxCandidates]
		}
		slices.SortFunc(cands, func(a, b cand) int { return int(a.id - b.id) })
		// Of the likeliest candidates, report the earliest story alike.
		best, bestJ := int32(-1), 0.0
		for _, c := range cands {
			if j := jaccard(set, sets[c.id], l.cfg.Similarity); j >= l.cfg.Similarity {
				best, bestJ = c.id, j
				break
			}
		}
		if best < 0 {
			continue
		}
		first := all[best]
		fp := first.FieldPos("")
		l.add(s, Duplicate, s.FieldPos(""), fmt.Sprintf("the same story as %s (%s), %.0f%% of phrases shared",
			first.ID, posString(fp), math.Floor(bestJ*100)))
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
