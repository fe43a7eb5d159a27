package stories

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redactor replaces sensitive terms (names, places, clients) for sharing.
// Terms match as whole words, in any case, with their plurals and
// possessives: a rule for "CTO" also replaces "CTOs", "CTO's" and "CTOs'"
// (the ending is kept after the replacement). Story ids, which starpack
// derives from project names, are redacted by ApplyID.
type Redactor struct {
	re   *regexp.Regexp
	with map[string]string // lower-cased term -> replacement
	ids  *Redactor         // the rules as slugs, for ids
}

// endings are what may follow a term and still match it: possessives and
// plurals, longest first.
const endings = `(?:'s|’s|s'|s’|es|s|'|’)?`

// NewRedactor makes a redactor from term -> replacement rules.
func NewRedactor(rules map[string]string) *Redactor {
	r := newRedactor(rules)
	slugs := map[string]string{}
	for term, repl := range rules {
		if t := Slug(term); t != "" {
			slugs[t] = Slug(repl)
		}
	}
	r.ids = newRedactor(slugs)
	return r
}

func newRedactor(rules map[string]string) *Redactor {
	r := &Redactor{with: map[string]string{}}
	var terms []string
	for term, repl := range rules {
		term = strings.TrimSpace(term)
		if term == "" {
			continue
		}
		r.with[strings.ToLower(term)] = repl
		terms = append(terms, term)
	}
	if len(terms) == 0 {
		return r
	}
	// Longest first, so "Big Bank Corp" wins over "Big Bank".
	sort.Slice(terms, func(i, j int) bool {
		if len(terms[i]) != len(terms[j]) {
			return len(terms[i]) > len(terms[j])
		}
		return terms[i] < terms[j]
	})
	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = regexp.QuoteMeta(t)
	}
	r.re = regexp.MustCompile(`(?i)(` + strings.Join(quoted, "|") + `)` + endings)
	return r
}

// Apply returns s with every rule applied.
func (r *Redactor) Apply(s string) string {
	if r == nil || r.re == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
		end := m[1]
		if !wordEdge(s, m[0], true) {
			continue
		}
		if !wordEdge(s, end, false) {
			end = m[3] // the term alone, without an ending that runs on
			if !wordEdge(s, end, false) {
				continue
			}
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(r.with[strings.ToLower(s[m[2]:m[3]])])
		b.WriteString(s[m[3]:end])
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// ApplyID returns a story id with every rule applied as a slug: a rule
// for "Northwind Analytics" turns "northwind-analytics.conflict" into
// "a-data-company.conflict".
func (r *Redactor) ApplyID(id string) string {
	if r == nil {
		return id
	}
	return r.ids.Apply(id)
}

// Label is the neutral name of a redacted packet of role id: "copy-"
// and 8 hex digits of a hash of the id keyed with the workspace's
// redaction rules (secret), so that the label does not give the role id
// away, and the workspace that made it finds the role again by
// computing the label of each of its roles.
func Label(roleID string, secret map[string]string) string {
	h := sha256.New()
	keys := slices.Sorted(maps.Keys(secret))
	for _, k := range keys {
		fmt.Fprintf(h, "%q=%q\n", k, secret[k])
	}
	fmt.Fprintf(h, "role=%q", roleID)
	return "copy-" + hex.EncodeToString(h.Sum(nil))[:8]
}

// ApplyAll returns a copy of list with the rules applied to each string.
func (r *Redactor) ApplyAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = r.Apply(s)
	}
	return out
}

// wordEdge reports whether position i of s is a word boundary on the
// side given (before a match when start is true, after it otherwise).
func wordEdge(s string, i int, start bool) bool {
	var r rune
	if start {
		if i == 0 {
			return true
		}
		r, _ = utf8.DecodeLastRuneInString(s[:i])
	} else {
		if i == len(s) {
			return true
		}
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}

// Redact returns a copy of the bank with every text redacted.
func (b *Bank) Redact(r *Redactor) (*Bank, map[*Story]*Story) {
	out := &Bank{}
	moved := map[*Story]*Story{}
	for _, p := range b.Projects {
		np := *p
		np.Project, np.Company, np.When, np.Summary = r.Apply(p.Project), r.Apply(p.Company), r.Apply(p.When), r.Apply(p.Summary)
		np.Tags, np.Highlights = r.ApplyAll(p.Tags), r.ApplyAll(p.Highlights)
		np.Stories = make([]*Story, len(p.Stories))
		for i, s := range p.Stories {
			ns := *s
			ns.Project = &np
			ns.ID = r.ApplyID(s.ID)
			ns.Title, ns.Situation, ns.Task = r.Apply(s.Title), r.Apply(s.Situation), r.Apply(s.Task)
			ns.Action, ns.Result, ns.Notes = r.Apply(s.Action), r.Apply(s.Result), r.Apply(s.Notes)
			ns.Tags = r.ApplyAll(s.Tags)
			np.Stories[i] = &ns
			moved[s] = &ns
		}
		out.Projects = append(out.Projects, &np)
	}
	return out, moved
}
