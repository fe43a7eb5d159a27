package tailor

import (
	"fmt"
	"strings"

	"github.com/starpack/starpack/stories"
)

// said maps the cues and keywords a pick matched to the words of the
// story (or, for project keywords, of its project) that said them, and
// fills in the words of its focus hits.
func (sc *scorer) said(i int, q *qinfo, m *Matched) map[string]string {
	own, proj := sc.a.ownForms(i), sc.a.projectForms(i)
	out := map[string]string{}
	for _, c := range q.cues {
		if f := formsOf(own, c.ids); f != "" && containsStr(m.Cues, c.text) {
			out[c.text] = f
		}
	}
	for _, k := range sc.kws {
		switch {
		case containsStr(m.Keywords, k.Term):
			out[k.Term] = own.form(k.id)
		case containsStr(m.Project, k.Term):
			out[k.Term] = proj.form(k.id)
		}
	}
	for h := range m.Focus {
		f := &m.Focus[h]
		ref := sc.focusRef(f.Focus)
		switch {
		case f.Tag && !f.Project:
			f.Said = tagAsWritten(sc.a.stories[i].Tags, ref.norm)
		case f.Tag:
			f.Said = tagAsWritten(sc.a.projects[i].Tags, ref.norm)
		case f.Project:
			f.Said = formsOf(proj, ref.ids)
		default:
			f.Said = formsOf(own, ref.ids)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (sc *scorer) focusRef(text string) phraseRef {
	for _, f := range sc.focus {
		if f.text == text {
			return f
		}
	}
	return phraseRef{}
}

// formsOf joins the forms of a phrase's terms, each once.
func formsOf(forms said, ids []int) string {
	var parts []string
	for _, id := range ids {
		if f := forms.form(id); f != "" && !containsFold(parts, f) {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, " ")
}

func tagAsWritten(tags []string, norm string) string {
	for _, t := range tags {
		if stories.Normalize(t) == norm {
			return t
		}
	}
	return norm
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func containsFold(xs []string, s string) bool {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// reasons says why story i fits, in words drawn only from the story's own
// text and tags; what only its project says is labelled "via its
// project".
func (sc *scorer) reasons(i int, p *Pick, forced bool) []string {
	m := p.Matched
	var out []string
	if forced {
		out = append(out, "included by the role")
	}
	switch {
	case m.Question && !sc.all:
		out = append(out, "written for this question")
	case !m.Question && len(m.Cues) > 0:
		out = append(out, "mentions "+strings.Join(saidList(m.Cues, m.Said), ", "))
	}
	if !m.Question && len(m.Competencies) > 0 {
		out = append(out, sc.competencyReason(i, m.Competencies))
	}
	if !sc.all {
		if r := strengthReason(m.Strength); r != "" {
			out = append(out, r)
		}
	}
	out = append(out, focusReasons(m.Focus)...)
	if len(m.Keywords) > 0 {
		out = append(out, "job description: "+strings.Join(saidList(m.Keywords, m.Said), ", "))
	}
	if len(m.Project) > 0 {
		out = append(out, "job description via its project: "+strings.Join(saidList(m.Project, m.Said), ", "))
	}
	return out
}

// saidList is the words that said each of terms, each once, leaving out
// words that a longer entry holds ("stream" beside "stream join").
func saidList(terms []string, said map[string]string) []string {
	var all []string
	for _, t := range terms {
		if s := said[t]; s != "" && !containsFold(all, s) {
			all = append(all, s)
		}
	}
	return dropContained(all)
}

// dropContained leaves out the words that a longer entry of all holds.
func dropContained(all []string) []string {
	var out []string
	for _, s := range all {
		inside := false
		for _, o := range all {
			inside = inside || len(o) > len(s) && strings.Contains(" "+strings.ToLower(o)+" ", " "+strings.ToLower(s)+" ")
		}
		if !inside {
			out = append(out, s)
		}
	}
	return out
}

// competencyReason says how a story written for another question covers
// this one's competencies: by its tags, or by the question it answers.
func (sc *scorer) competencyReason(i int, comps []string) string {
	var tagged []string
	byQuestion := false
	for _, c := range comps {
		switch {
		case containsStr(sc.tags[i], c):
			tagged = append(tagged, tagAsWritten(sc.a.stories[i].Tags, c))
		case containsStr(sc.ptags[i], c):
			tagged = append(tagged, tagAsWritten(sc.a.projects[i].Tags, c)+" (its project)")
		default:
			byQuestion = true
		}
	}
	var parts []string
	if len(tagged) > 0 {
		parts = append(parts, "tagged "+strings.Join(tagged, ", "))
	}
	if byQuestion {
		parts = append(parts, fmt.Sprintf("written for %q, which probes the same", sc.own[i].Title))
	}
	return strings.Join(parts, "; ")
}

// strengthReason names what makes the telling strong.
func strengthReason(s Strength) string {
	var good []string
	switch {
	case s.STAR && s.Kind == stories.Failure:
		good = append(good, "complete STAR with the lesson")
	case s.STAR:
		good = append(good, "complete STAR")
	}
	if s.Number {
		good = append(good, "a number in the Result")
	}
	if s.I {
		good = append(good, `"I" over "we"`)
	}
	if s.Fits {
		good = append(good, "fits its time")
	}
	if len(good) == 0 {
		return ""
	}
	return "told well: " + strings.Join(good, ", ")
}

// focusReasons say which focus items matched, in the story's words:
// "focus: DW, streaming (tag)" and "focus via its project: ...".
func focusReasons(hits []FocusHit) []string {
	var own, proj []string
	for _, f := range hits {
		s := f.Said
		if s == "" {
			continue
		}
		if f.Tag {
			s += " (tag)"
		}
		if f.Project {
			proj = append(proj, s)
		} else {
			own = append(own, s)
		}
	}
	var out []string
	if len(own) > 0 {
		out = append(out, "focus: "+strings.Join(own, ", "))
	}
	if len(proj) > 0 {
		out = append(out, "focus via its project: "+strings.Join(proj, ", "))
	}
	return out
}
