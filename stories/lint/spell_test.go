package lint

import (
	"slices"
	"strings"
	"testing"
)

func TestSpellerWords(t *testing.T) {
	sp := newSpeller([]string{"Kafka", "starpack"})
	tests := []struct {
		text string
		want []string // the words flagged
	}{
		{"a plain sentence with nothing wrong", nil},
		{"Capitalised Words At The Start", nil},
		{"acronyms UDF POC DAG and mixed case iOS DWs GraphQL", nil},
		{"code c++ c# snake_case pkg.Func a/b v2 10x 3000+ 50% $2M http://x.io", nil},
		{"possessives team's others' MVP's Kafka's", nil},
		{"contractions don't shouldn't it's we'll I'm won't", nil},
		{"curly contractions don’t team’s", nil},
		{"hyphenated well-known rarely-called cross-checks", nil},
		{"hyphenated with a typo well-knwon", []string{"knwon"}},
		{"inflections running ran queries analyzed", nil},
		{"plurals of listed nouns arithmetics productivities", nil},
		{"prefixes reanalyze rewire nonblocking", nil},
		{"software words repo rollout sharding checksums devs schemas backoff", nil},
		{"personal dictionary starpack Kafka kafkas", nil},
		{"quoted \"satify\" and (thrid) typos.", []string{"satify", "thrid"}},
		{"single letters a b c x", nil},
		{"other scripts 数据 and accents café naïve", nil},
		{"a doubled typo proccess and a dropped letter proces", []string{"proccess", "proces"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, m := range sp.check(tt.text) {
				got = append(got, m.word)
				if tt.text[m.off:m.end] != m.word {
					t.Errorf("offset %d..%d holds %q, not %q", m.off, m.end, tt.text[m.off:m.end], m.word)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("flagged %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	sp := newSpeller([]string{"Kubernetes"})
	tests := []struct {
		typo, want string
	}{
		{"teh", "the"},
		{"recieve", "receive"},
		{"clent", "client"},
		{"satify", "satisfy"},
		{"thrid", "third"},
		{"seperate", "separate"},
		{"definately", "definitely"},
		{"occured", "occurred"},
		{"untill", "until"},
		{"mutiplicaiton", "multiplication"},
		{"architechtrual", "architectural"},
		{"kuberntes", "kubernetes"},
		{"begining", "beginning"},
		{"enviroment", "environment"},
	}
	for _, tt := range tests {
		t.Run(tt.typo, func(t *testing.T) {
			got := sp.suggest(tt.typo)
			if len(got) == 0 || got[0] != tt.want {
				t.Errorf("suggest(%q) = %v, want %q first", tt.typo, got, tt.want)
			}
			if len(got) > maxSuggestions {
				t.Errorf("%d suggestions, want at most %d", len(got), maxSuggestions)
			}
		})
	}
	if got := sp.suggest(strings.Repeat("ab", 5000)); len(got) != 0 {
		t.Errorf("suggestions for a 10,000-letter word: %v", got)
	}
	if got := sp.suggest("zzzzqqqq"); len(got) != 0 {
		t.Errorf("suggestions for gibberish: %v", got)
	}
}

func TestBoundedDistance(t *testing.T) {
	tests := []struct {
		a, b string
		k    int
		want int
	}{
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3},
		{"thrid", "third", 2, 1},
		{"abc", "abc", 1, 0},
		{"", "abc", 3, 3},
		{"abcdef", "ab", 2, 3},
		{"mutiplicaiton", "multiplication", 3, 2},
	}
	for _, tt := range tests {
		if got := boundedDistance(tt.a, tt.b, tt.k); got != tt.want {
			t.Errorf("boundedDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.k, got, tt.want)
		}
	}
}

// TestWordList checks the embedded list loads, is sized as documented and
// holds the common words, ranked.
func TestWordList(t *testing.T) {
	d := embedded()
	count := 0
	for i := range dictSlotCount {
		if d.slot(i) != 0 {
			count++
		}
	}
	if n := count; n < 85_000 || n > 100_000 {
		t.Errorf("%d words, want about 90,000", n)
	}
	for w, rank := range map[string]uint8{"the": 10, "satisfy": 10, "ratify": 35, "reanalyze": 60, "repo": techRank, "repos": techRank} {
		if got, ok := d.lookup(w); !ok || got != rank {
			t.Errorf("rank of %q = %d, %v, want %d", w, got, ok, rank)
		}
	}
	for _, w := range []string{"", "thee-", "satisfyy", "zzzz", strings.Repeat("a", 300)} {
		if d.has(w) {
			t.Errorf("%q is in the list", w)
		}
	}
	// Every plain word is offered for suggestions once, under its first
	// letter and length.
	n := 0
	for first, lists := range d.lists() {
		for size, ws := range lists {
			for _, dw := range ws {
				if dw.w[0] != first || len(dw.w) != size || !isPlainWord(dw.w) {
					t.Fatalf("%q filed under %c, %d", dw.w, first, size)
				}
				if rank, _ := d.lookup(dw.w); rank != dw.rank {
					t.Fatalf("%q: rank %d in the lists, %d in the table", dw.w, dw.rank, rank)
				}
				n++
			}
		}
	}
	if n < 80_000 || n > count {
		t.Errorf("%d words to suggest from, of %d", n, count)
	}
	if strings.Contains(techWords, "\r") {
		t.Error("tech.txt has CR line ends")
	}
}
