package tailor

import (
	"reflect"
	"strings"
	"testing"

	"github.com/starpack/starpack/stories"
)

func TestStem(t *testing.T) {
	tests := []struct{ a, b string }{
		{"joins", "join"}, {"streaming", "stream"}, {"stream", "stream"}, {"warehousing", "warehouse"},
		{"warehouses", "warehouse"}, {"debugging", "debug"}, {"queries", "query"}, {"monitored", "monitoring"},
		{"systems", "system"}, {"decided", "decide"}, {"coding", "code"}, {"process", "processes"},
	}
	for _, tt := range tests {
		t.Run(tt.a+"="+tt.b, func(t *testing.T) {
			if stem(tt.a) != stem(tt.b) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q; want equal", tt.a, stem(tt.a), tt.b, stem(tt.b))
			}
		})
	}
	for _, pair := range [][2]string{{"status", "stat"}, {"analysis", "analys"}, {"process", "proc"}} {
		if stem(pair[0]) == stem(pair[1]) {
			t.Errorf("stem(%q) = stem(%q) = %q; want different", pair[0], pair[1], stem(pair[0]))
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // words, "|" before a word after a break, "-" for a stop word
	}{
		{"punctuation breaks phrases", "Kafka, stream joins. Real time", "|kafka |stream join |real time"},
		{"hyphens make one word", "on-call for low-latency, 4-way joins", "|on-call -for low-latency |4-way join"},
		{"Go the language, go the verb", "Go to the docs. We write Go, SQL and go home", "|-go -to -the doc |-we -write go |sql -and -go home"},
		{"marks of languages kept", "C++ and C# and Rust", "|c++ -and c# -and rust"},
		{"possessives cut", "the DW's support; operand's", "|-the dw support |operand"},
		{"numbers are stop words", "3000+ steps in 150 ms", "|-3000 step -in -150 ms"},
		{"line ends break", "stream\njoins", "|stream |join"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var parts []string
			for _, tok := range tokenize(tt.text, nil, nil) {
				s := tok.stem
				if tok.stop {
					s = "-" + tok.word
				}
				if tok.brk {
					s = "|" + s
				}
				parts = append(parts, s)
			}
			got := strings.Join(parts, " ")
			want := tt.want
			for _, w := range strings.Fields(want) {
				_ = w
			}
			if got != stemAll(want) {
				t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, stemAll(want))
			}
		})
	}
}

// stemAll stems the plain words of a want string, leaving marks.
func stemAll(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		prefix := ""
		for strings.HasPrefix(w, "|") || strings.HasPrefix(w, "-") {
			prefix += w[:1]
			w = w[1:]
		}
		if !strings.Contains(prefix, "-") {
			w = newToken(w, false).stem
		}
		out = append(out, prefix+w)
	}
	return strings.Join(out, " ")
}

func terms(kws []Keyword) []string {
	var out []string
	for _, k := range kws {
		out = append(out, k.Term)
	}
	return out
}

func TestKeywords(t *testing.T) {
	bank := loadSeed(t)
	tests := []struct {
		name    string
		jd      string
		syn     Synonyms
		want    []string // the keywords, in order
		missing []string // terms that must not be keywords
	}{
		{name: "stop words and boilerplate removed",
			jd:   "We are looking for a strong engineer with 5+ years of experience in Kafka.",
			want: []string{"kafka"}},
		{name: "synonyms fold abbreviations",
			jd:   "Run k8s, the DW and our ML models with HA.",
			want: []string{"machine learning", "data warehouse", "high availability", "kubernetes", "models"}},
		{name: "rare terms weigh more than common ones",
			jd:   "decimal, data",
			want: []string{"decimal", "data"}},
		{name: "a pair no story mentions is dropped once, kept twice",
			jd:      "Tune monitoring quality daily. Monitoring quality matters.",
			want:    []string{"monitoring quality", "quality", "monitoring", "daily", "matters", "tune"},
			missing: []string{"quality daily"}},
		{name: "a term stays whole: its words are no keywords of their own",
			jd:      "Kafka, stream joins, on-call and low-latency services",
			want:    []string{"low-latency services", "stream joins", "kafka", "on-call"},
			missing: []string{"stream", "joins", "call", "low", "latency"}},
		{name: "a list item of two words is a term",
			jd:      "Skills: Python, event sourcing, SQL",
			want:    []string{"event sourcing", "python", "sql"},
			missing: []string{"event", "sourcing"}},
		{name: "a duty is no term",
			jd:      "You will design distributed systems and debug production issues.",
			want:    []string{"distributed systems", "debug", "production", "design"},
			missing: []string{"design distributed", "debug production", "issues"}},
		{name: "user synonyms",
			jd:   "Apache Flink",
			syn:  Synonyms{"stream processing": {"flink", "apache flink"}},
			want: []string{"stream processing"}},
		{name: "empty", jd: "  \n", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := terms(keywords(tt.jd, bank, tt.syn))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("keywords(%q) = %q, want %q", tt.jd, got, tt.want)
			}
			for _, m := range tt.missing {
				if contains(got, m) {
					t.Errorf("%q is a keyword", m)
				}
			}
		})
	}
}

func TestKeywordWeights(t *testing.T) {
	bank := loadSeed(t)
	kws := keywords("decimal decimal data warehouse", bank, nil)
	byTerm := map[string]Keyword{}
	for _, k := range kws {
		byTerm[k.Term] = k
	}
	// N = 18 stories; "decimal" in 1, twice in the text: (1+ln 2)(ln(19/2)+1).
	if k := byTerm["decimal"]; k.Weight != 5.505 || k.Stories != 1 {
		t.Errorf("decimal = %+v, want weight 5.505 in 1 story", k)
	}
	// "data warehouse" (a listed phrase) in 2 stories' own text (the other 7
	// of its project say it only through the project's name): 1.5 × (1 + 0)
	// × (ln(19/3) + 1).
	if k := byTerm["data warehouse"]; k.Weight != 4.269 || k.Stories != 2 {
		t.Errorf("data warehouse = %+v, want weight 4.269 in 2 stories", k)
	}
	if _, ok := byTerm["warehouse"]; ok {
		t.Errorf("a word of a listed phrase is a keyword of its own: %v", terms(kws))
	}
}

func TestScoreTagsAndCompetencies(t *testing.T) {
	p := &stories.Project{Project: "Payments", Tags: []string{"Distributed-Systems"}}
	s := &stories.Story{ID: "payments.mentoring", Question: "Mentoring an intern", Tags: []string{"coaching", "teamwork"},
		Result: "The intern shipped 3 features", Project: p}
	p.Stories = []*stories.Story{s}
	bank := &stories.Bank{Projects: []*stories.Project{p}}
	sel, err := Select(bank, stories.NewCatalog(), Request{Questions: []string{"lp-hire-and-develop"},
		Focus: []string{"distributed systems", "intern", "golang"}})
	if err != nil {
		t.Fatal(err)
	}
	pk := sel.Answers[0].Picks
	if len(pk) != 1 {
		t.Fatalf("picks = %v", summary(sel))
	}
	m := pk[0].Matched
	want := Matched{
		Cues:         []string{"coach"},
		Competencies: []string{"teamwork", "coaching"},
		Focus: []FocusHit{{Focus: "distributed systems", Tag: true, Project: true, Said: "Distributed-Systems"},
			{Focus: "intern", Said: "intern"}},
		Said:     map[string]string{"coach": "coaching"},
		Number:   true,
		Strength: Strength{Kind: stories.STAR, Number: true, Time: "0:02", Window: "1:30–2:00"},
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("matched = %+v\nwant %+v", m, want)
	}
	// question 4×0.6×1/3 + competency 2×2/4 + focus 2×(¼ for the project's
	// tag + ½ for the text)/3 + strength 4×(0.5×⅓ STAR parts + 0.1 number
	// + 0.15×½ neither "I" nor "we" + 0.25×2/90 of the window's minimum)
	if pk[0].Score != 3.689 {
		t.Errorf("score = %v (%+v), want 3.689", pk[0].Score, pk[0].Parts)
	}
}

func TestAnalyzerReusesBuffersSafely(t *testing.T) {
	// An empty text, a plain one and one with synonyms in a row: the
	// buffers reused between calls must not overwrite each other.
	a := newAnalyzer(nil)
	var got []string
	for _, text := range []string{"", "plain words", "HA, DR and full ownership", "", "k8s ownership"} {
		var ws []string
		for _, tok := range a.tokens(text) {
			ws = append(ws, tok.word)
		}
		got = append(got, strings.Join(ws, " "))
	}
	want := []string{"", "plain words", "high availability disaster recovery and full ownership", "", "kubernetes ownership"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}
