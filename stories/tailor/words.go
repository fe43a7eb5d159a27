package tailor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text.
type token struct {
	word  string    // lower case, as written ("on-call" for a hyphenated compound)
	form  string    // as written, case kept: what reasons quote
	stem  string    // the matching key; a compound's is its parts' stems joined by "-"
	stop  bool      // a stop word: never a term, and it breaks phrases
	brk   bool      // punctuation between this word and the one before
	group int       // > 0: the tokens a synonym rewrite made of one variant share it
	info  *stemInfo // what the analyzer knows of the stem; nil outside its lexicon
}

// compound reports a hyphenated word ("on-call", "low-latency").
func (t token) compound() bool { return strings.Contains(t.stem, "-") }

// tokenize splits text into words. Letters and digits make words ("k8s");
// "c++" and "c#" keep their marks; an apostrophe inside a word is dropped
// and a possessive 's is cut; words joined by hyphens stay one word
// ("on-call", "low-latency", "4-way"). Spaces, slashes and quotes join words
// into phrases; other punctuation, brackets and line ends break them.
// "Go" is the language, not a stop word, when written with a capital inside
// a sentence or as a list item ("Go, Python"). lex, when not nil,
// remembers each word's token (see lexicon).
func tokenize(text string, out []token, lex *lexicon) []token {
	brk, start := true, true
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			switch r {
			case ' ', '\t', '-', '/', '&', '*', '"', '\'', '‘', '’', '“', '”', '_', '+', '%', '<', '>', '~', '$', '\u00a0':
			case '.', '!', '?', ':', ';', '\n', '\r', '•':
				brk, start = true, true
			default:
				brk = true
			}
			i += n
			continue
		}
		j := wordEnd(text, i)
		t := lex.token(text[i:j], brk)
		if t.word == "go" && (t.form == "Go" || t.form == "GO") && (!start || listMark(text[j:])) {
			t.stop = false // the language
		}
		out = append(out, t)
		brk, start = false, false
		i = j
	}
	return out
}

// wordToken is the token of a word as written (see wordEnd): lower case,
// an apostrophe inside dropped and a possessive 's cut.
func wordToken(form string) token {
	w := lower(form)
	if strings.ContainsAny(form, "'’") {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		w = apostrophes.Replace(w)
		form = strings.TrimSuffix(strings.TrimSuffix(form, "'s"), "’s")
	}
	t := newToken(w, false)
	t.form = form
	return t
}

// wordEnd returns the end of the word starting at i: letters and digits,
// an apostrophe between letters, a hyphen between word characters, a
// trailing "++" or "#".
func wordEnd(text string, i int) int {
	_, n := utf8.DecodeRuneInString(text[i:])
	j := i + n
	for j < len(text) {
		if c := text[j]; c < utf8.RuneSelf {
			if asciiWord[c] {
				j++ // the common case: an ASCII letter or digit
				continue
			}
			if c != '\'' && c != '-' {
				break // nor can it join two words
			}
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += n
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[j+n:])
		if (r == '\'' || r == '’') && unicode.IsLetter(next) {
			j += n
			continue
		}
		if r == '-' && isWordRune(next) {
			j += n
			continue
		}
		break
	}
	switch {
	case strings.HasPrefix(text[j:], "++"):
		j += 2
	case strings.HasPrefix(text[j:], "#") && (j+1 == len(text) || !isWordRune(rune(text[j+1]))):
		j++
	}
	return j
}

// listMark reports text that starts with a list separator: the word
// before it is a list item.
func listMark(rest string) bool {
	return rest != "" && strings.ContainsRune(",/)", rune(rest[0]))
}

var apostrophes = strings.NewReplacer("'", "", "’", "")

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord says which ASCII characters are word runes: letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()

// lexicon remembers the token of each word as written: a bank says the
// same words again and again, and reading one (lower case, stem, stop
// word) costs more than looking it up.
type lexicon struct {
	words map[string]token
	stem  func(string) *stemInfo // the analyzer's record of a stem
}

// token returns the token of a word as written (wordToken), brk set; from
// the lexicon when it has the word, which it then learns. A nil lexicon
// reads the word each time.
func (lx *lexicon) token(form string, brk bool) token {
	if lx == nil {
		t := wordToken(form)
		t.brk = brk
		return t
	}
	t, ok := lx.words[form]
	if !ok {
		form = strings.Clone(form) // not a slice of the whole text, kept alive by the map
		t = wordToken(form)
		t.info = lx.stem(t.stem)
		lx.words[form] = t
	}
	t.brk = brk
	return t
}

func newToken(w string, brk bool) token {
	if strings.Contains(w, "-") {
		parts := strings.Split(w, "-")
		stems := make([]string, len(parts))
		allStop := true
		for i, p := range parts {
			stems[i] = stem(p)
			allStop = allStop && isNumber(p)
		}
		return token{word: w, form: w, stem: strings.Join(stems, "-"), stop: allStop, brk: brk}
	}
	return token{word: w, form: w, stem: stem(w), stop: isStop(w), brk: brk}
}

// isStop reports words that never make a term: stop words, single
// characters and bare numbers.
func isStop(w string) bool {
	return utf8.RuneCountInString(w) < 2 || stopWords[w] || isNumber(w)
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

// stem folds a lower-case word to a matching key, so that the forms of a
// word meet: plurals ("joins" meets "join"), -ing and -ed ("streaming"
// meets "stream", "debugging" meets "debug"), and the endings that make
// nouns and adjectives of verbs ("migration", "migrating" and "migrate";
// "deployment" and "deploy"; "scalability", "scalable" and "scale").
// Words of three letters or fewer are their own key, so a short term
// matches only itself ("Go" is not "going"). Keys are never shown, only
// compared.
func stem(w string) string {
	if len(w) <= 3 || !isASCIIWord(w) {
		return w
	}
	w = inflection(w)
	w = derivation(w)
	if len(w) > 3 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

// inflection cuts plural, -ing and -ed endings.
func inflection(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	case strings.HasSuffix(w, "ing") && len(w)-3 >= 3:
		return undouble(w[:len(w)-3])
	case strings.HasSuffix(w, "ed") && len(w)-2 >= 3:
		return undouble(w[:len(w)-2])
	}
	return w
}

// derivations are noun and adjective endings and what they become, longest
// first; a rule applies only when at least three letters come before the
// ending and four remain.
var derivations = []struct{ suffix, to string }{
	{"ization", "iz"}, {"isation", "is"}, {"entation", "ent"}, {"ability", "abl"}, {"ibility", "ibl"},
	{"ation", "at"}, {"ment", ""}, {"ate", "at"},
}

// derivation folds a word's noun or adjective ending into its verb's key.
// "-ment" stays on words such as "implement" and "element", where it is
// not an ending.
func derivation(w string) string {
	// Every ending ends in n, y, t or e: most words are out at their last
	// letter.
	switch w[len(w)-1] {
	case 'n', 'y', 't', 'e':
	default:
		return w
	}
	for _, d := range derivations {
		base, ok := strings.CutSuffix(w, d.suffix)
		if !ok || len(base) < 3 || len(base)+len(d.to) < 4 {
			continue
		}
		if d.suffix == "ment" && (strings.HasSuffix(base, "le") || strings.HasSuffix(base, "ple")) {
			return w
		}
		w = base + d.to
		if strings.HasSuffix(w, "abl") || strings.HasSuffix(w, "ibl") {
			w = w[:len(w)-3]
		}
		return w
	}
	switch {
	case strings.HasSuffix(w, "able") && len(w) >= 8, strings.HasSuffix(w, "ible") && len(w) >= 8:
		return w[:len(w)-4]
	}
	return w
}

// undouble cuts a doubled final consonant: "debugg" -> "debug".
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// stopWords are English function words and the boilerplate of job
// descriptions ("strong experience", "we are looking for").
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above after again against all also am an and any are aren as at be because been
before being below between both but by can cannot could did didn do does doesn doing don
down during each either etc even ever every few for from further get gets got had has have
having he her here hers herself him himself his how however i if in into is isn it its itself
just let like may me might more most much must my myself need needs no nor not now of off
often on once one only or other others our ours ourselves out over own per please quite
rather really same shall she should so some such than that the their theirs them themselves
then there these they this those through thus to too under until up upon us use used using
very via was wasn we well were weren what when where whether which while who whom whose why
will with within without would yet you your yours yourself yourselves
able ability across along already always among another anything around ask away
day days eg ie including include includes make makes making many new next part put say
see set take takes thing things tell told way ways want keep keeps bring brings give gives go goes come comes stay stays
looking look seeking join joining hire hiring role roles position positions job jobs candidate candidates
opportunity company team teams work works working responsibilities responsibility requirements
requirement qualifications qualification preferred required plus bonus ideal ideally strong
excellent great good solid proven demonstrated years year experience experienced knowledge
familiarity familiar understanding skills skill level senior junior staff principal engineer
engineers developer developers candidate's environment opportunities benefits salary apply
end ends driven based related various multiple least closely write writes writing care
issue issues build builds built run runs running scratch serve served share shares
`) {
		m[w] = true
	}
	return m
}()

// jdVerbs are the verbs job descriptions start duties with; a pair of
// words that starts with one ("design distributed", "debug production") is
// a duty, not a term.
var jdVerbs = setOf(`build builds design designs debug debugs own owns run runs lead leads drive drives develop
	develops maintain maintains operate operates create creates implement implements manage manages ship ships
	deliver delivers support supports improve improves define defines ensure ensures help helps partner partners
	collaborate collaborates mentor mentors scale scales deploy deploys monitor monitors architect architects
	write writes own owns translate translates analyze analyzes migrate migrates automate automates`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
