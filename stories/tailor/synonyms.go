package tailor

import (
	"sort"
	"strings"
)

// Synonyms maps a canonical term to the variants that mean the same
// ("kubernetes": ["k8s"]). Variants may be several words; a canonical
// term is best kept to one or two words, as only those make keywords.
// Variants are rewritten to their canonical term before matching, in job
// descriptions, stories and focus words alike. A canonical term of two
// words is also read as one term in a job description ("distributed
// systems" is one requirement, not two).
type Synonyms map[string][]string

// BuiltinSynonyms are the synonyms every workspace has; starpack.yaml
// `synonyms:` adds to them (a variant it names again takes the user's
// canonical term). Entries without variants name the multi-word terms a
// recruiter reads as one.
var BuiltinSynonyms = Synonyms{
	"kubernetes":              {"k8s", "kube"},
	"data warehouse":          {"dw", "dwh", "edw", "data warehousing"},
	"machine learning":        {"ml"},
	"artificial intelligence": {"ai"},
	"high availability":       {"ha", "highly available"},
	"disaster recovery":       {"dr"},
	"real time":               {"realtime", "real-time"},
	"poc":                     {"proof of concept", "proofs of concept"},
	"mvp":                     {"minimum viable product"},
	"rdbms":                   {"relational database", "relational database management system"},
	"udf":                     {"user defined function", "user-defined function"},
	"ci":                      {"continuous integration"},
	"cd":                      {"continuous delivery", "continuous deployment"},
	"sla":                     {"service level agreement"},
	"etl":                     {"extract transform load"},
	"postgresql":              {"postgres", "psql"},
	"javascript":              {"js"},
	"go":                      {"golang", "go lang"},
	"database":                {"db"},
	"aws":                     {"amazon web services"},
	"gcp":                     {"google cloud platform", "google cloud"},
	"pull request":            {"pr"},
	"sre":                     {"site reliability engineering"},
	"production":              {"prod"},
	"infrastructure":          {"infra"},
	"configuration":           {"config"},
	"performance":             {"perf"},
	"repository":              {"repo"},
	"documentation":           {"docs"},
	"on-call":                 {"on call", "oncall"},
	"open source":             {},
	"end-to-end":              {"end to end", "e2e"},
	"distributed systems":     {"distributed system"},
	"stream processing":       {},
	"data pipelines":          {"data pipeline"},
	"data modeling":           {"data modelling"},
	"system design":           {},
	"root cause":              {},
	"technical debt":          {"tech debt"},
	"code review":             {"code reviews"},
	"incident response":       {},
	"event driven":            {},
	"unit tests":              {"unit testing"},
	"data quality":            {},
	"cloud infrastructure":    {},
}

// synRule rewrites the stems from into the tokens to.
type synRule struct {
	from []string
	to   []token
}

// synIndex finds synonym variants by their first stem.
type synIndex struct {
	byFirst map[string][]synRule
	phrases map[termKey]bool // two-word canonical terms
}

func newSynIndex(user Synonyms) *synIndex {
	rules := map[string]synRule{}
	phrases := map[termKey]bool{}
	add := func(syn Synonyms) {
		canon := make([]string, 0, len(syn))
		for c := range syn {
			canon = append(canon, c)
		}
		sort.Strings(canon)
		for _, c := range canon {
			to := tokenize(c, nil, nil)
			if len(to) == 0 {
				continue
			}
			for i := range to {
				to[i].brk = false
				to[i].stop = false // a canonical term is never a stop word ("go")
			}
			if len(to) == 2 {
				phrases[termKey{to[0].stem, to[1].stem}] = true
			}
			for _, v := range syn[c] {
				vt := tokenize(v, nil, nil)
				if len(vt) == 0 {
					continue
				}
				rules[strings.Join(stemsOf(vt), " ")] = synRule{from: stemsOf(vt), to: to}
			}
		}
	}
	add(BuiltinSynonyms)
	add(user)
	idx := &synIndex{byFirst: map[string][]synRule{}, phrases: phrases}
	keys := make([]string, 0, len(rules))
	for k := range rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r := rules[k]
		if len(r.to) == len(r.from) && strings.Join(stemsOf(r.to), " ") == k {
			continue // a variant that is its own canonical form
		}
		idx.byFirst[r.from[0]] = append(idx.byFirst[r.from[0]], r)
	}
	for _, rs := range idx.byFirst {
		sort.SliceStable(rs, func(i, j int) bool { return len(rs[i].from) > len(rs[j].from) })
	}
	return idx
}

func stemsOf(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.stem
	}
	return out
}

// rewrite replaces synonym variants in ts by their canonical tokens,
// longest variant first; the new tokens keep the variant as written as
// their form, so that reasons quote the text. It writes into out and
// reports true, or returns ts itself and false when there is nothing to
// replace.
func (x *synIndex) rewrite(ts, out []token) ([]token, bool) {
	first := -1
	for i := range ts {
		if x.starts(&ts[i]) {
			first = i
			break
		}
	}
	if first < 0 {
		return ts, false // nothing to rewrite: the common case
	}
	out = append(out, ts[:first]...)
	group := 0
	for i := first; i < len(ts); {
		r, ok := x.match(ts, i)
		if !ok {
			out = append(out, ts[i])
			i++
			continue
		}
		group++
		form := formOf(ts[i : i+len(r.from)])
		for k, t := range r.to {
			t.brk = k == 0 && ts[i].brk
			t.form, t.group = form, group
			out = append(out, t)
		}
		i += len(r.from)
	}
	return out, true
}

// starts reports whether a variant starts with token t's stem.
func (x *synIndex) starts(t *token) bool {
	if t.info != nil {
		return t.info.syn // the analyzer's lexicon looked it up
	}
	_, ok := x.byFirst[t.stem]
	return ok
}

// match finds the longest variant that starts at ts[i].
func (x *synIndex) match(ts []token, i int) (synRule, bool) {
	if !x.starts(&ts[i]) {
		return synRule{}, false
	}
	for _, r := range x.byFirst[ts[i].stem] {
		if i+len(r.from) > len(ts) {
			continue
		}
		ok := true
		for k, s := range r.from {
			if ts[i+k].stem != s || (k > 0 && ts[i+k].brk) {
				ok = false
				break
			}
		}
		if ok {
			return r, true
		}
	}
	return synRule{}, false
}

// formOf joins the written forms of tokens.
func formOf(ts []token) string {
	forms := make([]string, len(ts))
	for i, t := range ts {
		forms[i] = t.form
	}
	return strings.Join(forms, " ")
}
