package tailor

import (
	"sort"
	"strings"

	"github.com/starpack/starpack/stories"
)

// Requirement is one requirement of a job description (a bullet, or a
// sentence of a paragraph) and the stories that evidence it.
type Requirement struct {
	Text    string   // as the job description writes it
	Section Section  // where it is
	Terms   []string // its keywords
	// Missing are the terms no story says itself.
	Missing []string
	// Evidence are the stories whose own text or tags say its terms, with
	// the words that matched: picked stories first, then by the weight of
	// what they say, at most MaxEvidence.
	Evidence []Evidence
	// Bridge is, for a requirement no story evidences (a gap), the story
	// nearest to it, to build an answer from: one whose project says its
	// terms, else the one sharing most of its words. Nil when no story
	// shares a word with it.
	Bridge *Evidence
}

// Gap reports a requirement no story evidences.
func (r Requirement) Gap() bool { return len(r.Evidence) == 0 }

// Evidence is a story and the words by which it meets a requirement.
type Evidence struct {
	Story  *stories.Story
	Picked bool     // the selection uses it
	Words  []string // the story's own words that matched, as written
	// Project are words only the story's project says (its name, summary
	// or tags), for a bridge.
	Project []string
}

// MaxEvidence is how many stories a requirement lists.
const MaxEvidence = 3

// requirements maps each requirement of the job description to the
// stories that evidence it. The requirements are the lines under the
// requirements, responsibilities and nice-to-have headings; a job
// description without such headings gives the sentences of its text (the
// company's blurb and the benefits left out).
func (sc *scorer) requirements(sel *Selection) []Requirement {
	kept := map[int]float64{}
	for _, k := range sc.jd {
		kept[k.id] = k.Weight
	}
	picked := make([]bool, len(sc.a.stories))
	for i, s := range sc.a.stories {
		picked[i] = sel.Picked(s.ID)
	}
	var out []Requirement
	for _, l := range requirementLines(sc.lines) {
		b := newBitset(len(sc.a.terms))
		sc.a.mark(l.text, b, nil)
		var ids []int
		b.each(func(id int) {
			if _, ok := kept[id]; ok {
				ids = append(ids, id)
			}
		})
		if len(ids) == 0 && len(contentWords(sc.a, l.text)) == 0 {
			continue
		}
		r := Requirement{Text: l.text, Section: l.section}
		sort.Slice(ids, func(x, y int) bool {
			return kept[ids[x]] > kept[ids[y]] || kept[ids[x]] == kept[ids[y]] && ids[x] < ids[y]
		})
		for _, id := range ids {
			r.Terms = append(r.Terms, sc.a.words[id])
		}
		r.Evidence = sc.evidence(ids, kept, picked)
		for _, id := range ids {
			if sc.a.df[id] == 0 {
				r.Missing = append(r.Missing, sc.a.words[id])
			}
		}
		if r.Gap() {
			r.Bridge = sc.bridge(l.text, ids, picked)
		}
		out = append(out, r)
	}
	return out
}

// requirementLines are the lines that state requirements: bullets whole,
// paragraphs by sentence.
func requirementLines(lines []jdLine) []jdLine {
	structured := false
	for _, l := range lines {
		structured = structured || l.section == Requirements || l.section == Responsibilities || l.section == NiceToHave
	}
	var out []jdLine
	for _, l := range lines {
		switch {
		case structured && l.section != Requirements && l.section != Responsibilities && l.section != NiceToHave:
			continue
		case !structured && l.section != General:
			continue
		case l.bullet:
			out = append(out, l)
			continue
		}
		for _, s := range jdSentences(l.text) {
			out = append(out, jdLine{text: s, section: l.section})
		}
	}
	return out
}

// evidence lists the stories whose own text or tags say some of the
// terms ids.
func (sc *scorer) evidence(ids []int, weight map[int]float64, picked []bool) []Evidence {
	type hit struct {
		i int
		w float64
	}
	var hits []hit
	for i := range sc.a.stories {
		w := 0.0
		for _, id := range ids {
			if sc.a.own[i].has(id) {
				w += weight[id]
			}
		}
		if w > 0 {
			hits = append(hits, hit{i, w})
		}
	}
	rank := sc.storyOrder()
	sort.Slice(hits, func(x, y int) bool {
		a, b := hits[x], hits[y]
		switch {
		case picked[a.i] != picked[b.i]:
			return picked[a.i]
		case a.w != b.w:
			return a.w > b.w
		}
		return rank[a.i] < rank[b.i]
	})
	var out []Evidence
	for _, h := range hits[:min(len(hits), MaxEvidence)] {
		forms := sc.a.ownForms(h.i)
		e := Evidence{Story: sc.a.stories[h.i], Picked: picked[h.i]}
		for _, id := range ids {
			if f := forms.form(id); f != "" && sc.a.own[h.i].has(id) && !containsFold(e.Words, f) {
				e.Words = append(e.Words, f)
			}
		}
		e.Words = dropContained(e.Words)
		out = append(out, e)
	}
	return out
}

// bridge finds the story nearest to a requirement no story evidences: the
// best one whose project says its terms, else the one sharing most of its
// content words; picked stories win ties.
func (sc *scorer) bridge(text string, ids []int, picked []bool) *Evidence {
	best, bestN, byProject := -1, 0, false
	rank := sc.storyOrder()
	better := func(i, n int) bool {
		return n > bestN || n == bestN && n > 0 && (picked[i] && !picked[best] || picked[i] == picked[best] && rank[i] < rank[best])
	}
	for i := range sc.a.stories {
		n := 0
		for _, id := range ids {
			if sc.a.proj[i].has(id) {
				n++
			}
		}
		if better(i, n) {
			best, bestN, byProject = i, n, true
		}
	}
	words := contentWords(sc.a, text)
	if !byProject {
		for i := range sc.a.stories {
			if n := countShared(words, sc.contentOf(i)); better(i, n) {
				best, bestN = i, n
			}
		}
	}
	if best < 0 {
		return nil
	}
	e := &Evidence{Story: sc.a.stories[best], Picked: picked[best]}
	if byProject {
		forms := sc.a.projectForms(best)
		for _, id := range ids {
			if f := forms.form(id); f != "" && !containsFold(e.Project, f) {
				e.Project = append(e.Project, f)
			}
		}
		return e
	}
	e.Words = sc.sharedForms(best, words)
	return e
}

// countShared counts the words two sorted lists share.
func countShared(a, b []string) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			n++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return n
}

// sharedForms are story i's own words whose stems are among stems, as it
// writes them, each once.
func (sc *scorer) sharedForms(i int, stems []string) []string {
	want := map[string]bool{}
	for _, s := range stems {
		want[s] = true
	}
	var out []string
	for _, f := range sc.a.stories[i].Fields() {
		for _, t := range sc.a.tokens(f.Text) {
			if !t.stop && want[t.stem] && !containsFold(out, t.form) {
				out = append(out, t.form)
				delete(want, t.stem)
			}
		}
	}
	return out
}
