package lint

import (
	"cmp"
	_ "embed"
	"encoding/binary"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The spelling dictionary: the English word list (SCOWL, see
// words/README.md) and starpack's own list of software words, made into a
// hash table ahead of time (dict_test.go builds both files from
// words/words.txt.gz and words/tech.txt and checks them; `go generate`
// rewrites them). Every build lints the bank, so loading must cost
// nothing: lookups read the embedded table in place.
//
//go:generate go test -run TestDictionaryFiles -update .
var (
	//go:embed words/dict.txt
	dictText string // the word lists, one word a line, in sections "#rank"
	//go:embed words/dict.slots
	dictSlots []byte // the table: dictSlotCount little-endian uint64 slots; read only
	//go:embed words/dict.lists
	dictLists []byte // the words suggestions are drawn from (see listEntries); read only
)

// A dictionary word's rank: its SCOWL size (10 = most common). Software
// words rank as size 50, the user's own words as 10.
const (
	techRank = 50
	userRank = 10
)

// dictionary is the word list and its hash table. The table is an open
// addressing one: each slot packs the word's hash (32 bits), its offset in
// text (20), length (6) and rank (6), so a lookup reads one slot and, when
// the hash agrees, the word; 0 is empty. The lists suggestions scan are
// made on the first suggestion only.
type dictionary struct {
	text  string
	slots []byte // 8 bytes a slot, little-endian
	// entries are the words suggestions are drawn from, 4 bytes each,
	// little-endian: see listEntries.
	entries []byte

	byFirstOnce sync.Once
	byFirst     map[byte][][]dictWord // first letter -> words by length
}

type dictWord struct {
	w    string
	rank uint8
}

// dictSlotCount is the size of the table: at most half full.
const dictSlotCount = 1 << 18

var dict = &dictionary{text: dictText, slots: dictSlots, entries: dictLists}

func embedded() *dictionary { return dict }

// hashWord is FNV-1a, 32 bits.
func hashWord(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// Limits of the packed slots.
const (
	maxDictWord = 1<<6 - 1
	maxDictText = 1 << 20
)

// slot returns slot i of the table.
func (d *dictionary) slot(i int) uint64 {
	return binary.LittleEndian.Uint64(d.slots[8*i : 8*i+8])
}

func (d *dictionary) slotWord(s uint64) string {
	off := int(s>>12) & (maxDictText - 1)
	n := int(s>>6) & maxDictWord
	return d.text[off : off+n]
}

// find returns the slot holding w, or the empty slot where it would go.
func (d *dictionary) find(w string) (int, bool) {
	h := hashWord(w)
	mask := len(d.slots)/8 - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := d.slot(i)
		if s == 0 {
			return i, false
		}
		if uint32(s>>32) == h && d.slotWord(s) == w {
			return i, true
		}
	}
}

// words calls f with each word of the list, its offset in text and rank,
// in list order (a word listed twice is seen twice).
func (d *dictionary) words(f func(off int, w string, rank uint8)) {
	rank := uint8(0)
	for off := 0; off < len(d.text); {
		end := strings.IndexByte(d.text[off:], '\n')
		if end < 0 {
			end = len(d.text) - off
		}
		line := d.text[off : off+end]
		if n, ok := strings.CutPrefix(line, "#"); ok {
			v, _ := strconv.Atoi(n)
			rank = uint8(v)
		} else if line != "" && len(line) <= maxDictWord {
			f(off, line, rank)
		}
		off += end + 1
	}
}

// lookup returns the rank of lower-case word w, if the list has it.
func (d *dictionary) lookup(w string) (uint8, bool) {
	if len(w) == 0 || len(w) > maxDictWord {
		return 0, false
	}
	i, ok := d.find(w)
	if !ok {
		return 0, false
	}
	return uint8(d.slot(i) & 63), true
}

// has reports whether lower-case word w is in the list.
func (d *dictionary) has(w string) bool {
	_, ok := d.lookup(w)
	return ok
}

// listEntries returns the words suggestions are drawn from: each plain
// word of the list (no apostrophes or hyphens: those are looked up, never
// suggested) once, at its first (most common) place, by first letter, then
// length, then place in the list. An entry packs the word's offset in text
// (20 bits), its length (6) and rank (6), as a slot does below its hash.
// The generator writes them into words/dict.lists.
func (d *dictionary) listEntries() []uint32 {
	var out []uint32
	d.words(func(off int, w string, rank uint8) {
		if i, ok := d.find(w); ok && isPlainWord(w) && int(d.slot(i)>>12)&(maxDictText-1) == off {
			out = append(out, uint32(off)<<12|uint32(len(w))<<6|uint32(rank))
		}
	})
	key := func(e uint32) int { return int(d.text[e>>12])<<8 | int(e>>6&maxDictWord) }
	slices.SortStableFunc(out, func(a, b uint32) int { return cmp.Compare(key(a), key(b)) })
	return out
}

// lists returns the words of entries by first letter and length, made on
// first use.
func (d *dictionary) lists() map[byte][][]dictWord {
	d.byFirstOnce.Do(func() {
		n := len(d.entries) / 4
		all := make([]dictWord, n)
		d.byFirst = map[byte][][]dictWord{}
		for i := 0; i < n; {
			start, first, size := i, byte(0), 0
			for ; i < n; i++ {
				e := binary.LittleEndian.Uint32(d.entries[4*i:])
				off, l := int(e>>12), int(e>>6&maxDictWord)
				w := d.text[off : off+l]
				if i == start {
					first, size = w[0], l
				} else if w[0] != first || l != size {
					break
				}
				all[i] = dictWord{w, uint8(e & 63)}
			}
			lists := d.byFirst[first]
			for len(lists) <= size {
				lists = append(lists, nil)
			}
			lists[size] = all[start:i:i]
			d.byFirst[first] = lists
		}
	})
	return d.byFirst
}

func isPlainWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// speller checks words against the embedded dictionary and the user's own
// words, remembering its answers.
type speller struct {
	d     *dictionary
	user  map[string]bool
	cache map[string][]string // unknown lower-case word -> suggestions
	// noSuggest: unknown words get no suggestions (Config.Terse).
	noSuggest bool
	toks      []token // check's tokens, reused text after text
}

func newSpeller(userWords []string) *speller {
	sp := &speller{d: embedded(), user: map[string]bool{}, cache: map[string][]string{}}
	for _, w := range userWords {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			sp.user[w] = true
		}
	}
	return sp
}

// prefixes that make a new word of a known one (reanalyze, nonblocking).
var prefixes = []string{"re", "pre", "non", "un", "multi", "sub", "co", "inter", "over", "under", "mis", "auto"}

// known reports whether lower-case word w is spelled right.
func (sp *speller) known(w string) bool {
	if sp.d.has(w) {
		return true
	}
	if sp.user[w] || sp.user[strings.TrimSuffix(w, "s")] || sp.user[strings.TrimSuffix(w, "es")] {
		return true
	}
	if sp.plural(w) {
		return true
	}
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 4 {
			if sp.d.has(strings.TrimPrefix(rest, "-")) {
				return true
			}
		}
	}
	return false
}

// plural reports whether w is the plural of a listed noun the list gives
// no plural for (arithmetics, productivities). Short stems are left out, as
// a letter added to a short word is more often a typo.
func (sp *speller) plural(w string) bool {
	if len(w) < 7 {
		return false
	}
	if stem, ok := strings.CutSuffix(w, "ies"); ok {
		return sp.d.has(stem + "y")
	}
	stem, ok := strings.CutSuffix(w, "s")
	if !ok {
		return false
	}
	for _, end := range []string{"s", "x", "z", "ch", "sh", "y"} {
		if strings.HasSuffix(stem, end) {
			return false // these take -es or -ies
		}
	}
	return sp.d.has(stem)
}

// misspelled is one word the speller does not know.
type misspelled struct {
	off, end    int // byte offsets in the text
	word        string
	suggestions []string
}

// check returns the misspelled words of text.
func (sp *speller) check(text string) []misspelled {
	var out []misspelled
	sp.toks = appendTokens(sp.toks[:0], text)
	for _, tok := range sp.toks {
		if skipToken(tok.s) || sp.known(lookupForm(tok.s)) {
			continue // code, a number, or a hyphenated or contracted word the list holds whole
		}
		// Check each part of a hyphenated word on its own.
		for _, part := range splitDashes(tok.s, tok.off) {
			word := bareWord(part.s)
			if word == "" || skipWord(word) {
				continue
			}
			lw := lookupForm(word)
			if sp.known(lw) {
				continue
			}
			sugg, ok := sp.cache[lw]
			if !ok && !sp.noSuggest {
				sugg = sp.suggest(lw)
				sp.cache[lw] = sugg
			}
			off := part.off + strings.Index(part.s, word)
			out = append(out, misspelled{off: off, end: off + len(word), word: word, suggestions: caseLike(word, sugg)})
		}
	}
	return out
}

// lookupForm is how a word is looked up: lower case, straight apostrophes.
func lookupForm(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// splitDashes splits a token at hyphens and dashes, keeping offsets.
func splitDashes(s string, off int) []token {
	var out []token
	start := 0
	for i, r := range s {
		if r == '-' || r == '‐' || r == '–' || r == '—' {
			out = append(out, token{s[start:i], off + start})
			start = i + utf8.RuneLen(r)
		}
	}
	return append(out, token{s[start:], off + start})
}

// token is a run of non-space characters with punctuation trimmed.
type token struct {
	s   string
	off int
}

// appendTokens splits text at whitespace, trims punctuation around each
// piece, and appends the pieces to out.
func appendTokens(out []token, text string) []token {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		s, off := text[i:j], i
		for s != "" {
			r, n := utf8.DecodeRuneInString(s)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			s, off = s[n:], off+n
		}
		for s != "" {
			r, n := utf8.DecodeLastRuneInString(s)
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '+' || r == '#' {
				break // keep c++ and c# whole, to be skipped as code
			}
			if (r == '\'' || r == '’') && strings.HasSuffix(strings.ToLower(s[:len(s)-n]), "s") {
				break // a plural possessive (others'): bareWord strips it
			}
			s = s[:len(s)-n]
		}
		if s != "" {
			out = append(out, token{s, off})
		}
		i = j
	}
	return out
}

// skipToken reports whether a token is code or a number, not prose:
// c++, snake_case, dotted.names, paths, URLs, versions, anything with a digit.
func skipToken(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return true
		case strings.ContainsRune("_./\\@#+=<>`$%&~|{}[]:;()*^", r):
			return true
		case r >= utf8.RuneSelf && unicode.IsLetter(r) && r > unicode.MaxLatin1:
			return true // other scripts: the list is English only
		}
	}
	return false
}

// bareWord trims a possessive ('s, s') and stray apostrophes from a word.
func bareWord(w string) string {
	w = strings.Trim(w, "'’\"“”")
	if lw := strings.ToLower(w); strings.HasSuffix(lw, "'s") {
		w = w[:len(w)-2]
	} else if strings.HasSuffix(lw, "’s") {
		w = w[:len(w)-len("’s")]
	}
	return strings.TrimRight(w, "'’")
}

// skipWord reports whether a word is not for the dictionary: a single
// letter, an acronym (UDF, POC), mixed case (iOS, PostgreSQL), or letters
// outside English.
func skipWord(w string) bool {
	if utf8.RuneCountInString(w) < 2 {
		return true
	}
	for i, r := range w {
		if r >= utf8.RuneSelf && r != '’' {
			return true
		}
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			return true
		}
	}
	return false
}

// caseLike gives suggestions the capitalisation of word.
func caseLike(word string, sugg []string) []string {
	if len(sugg) == 0 {
		return nil
	}
	out := make([]string, len(sugg))
	first, _ := utf8.DecodeRuneInString(word)
	for i, s := range sugg {
		if unicode.IsUpper(first) {
			s = strings.ToUpper(s[:1]) + s[1:]
		}
		out[i] = s
	}
	return out
}

// maxSuggestions is how many suggestions a finding carries; maxWordLen is
// the longest word suggestions are looked for.
const (
	maxSuggestions = 3
	maxWordLen     = 30
)

// suggest returns the dictionary words closest to lower-case w: by edit
// distance (with swapped neighbours as one edit), then by how common the
// word is, then alphabetically.
func (sp *speller) suggest(w string) []string {
	if len(w) > maxWordLen {
		return nil // no English word is this long: nothing to suggest
	}
	seen := map[string]bool{}
	var cands []suggestion
	add := func(c string, dist int) {
		if seen[c] {
			return
		}
		seen[c] = true
		rank, ok := sp.d.lookup(c)
		if !ok {
			if !sp.user[c] {
				return
			}
			rank = userRank
		}
		cands = append(cands, suggestion{c, dist, typoCost(w, c) + rankPenalty(rank)})
	}
	// Every word one edit away, wherever the edit is.
	for _, e := range edits1(w) {
		if sp.d.has(e) || sp.user[e] {
			add(e, 1)
		}
	}
	maxD := 2
	if len(w) <= 4 {
		maxD = 1
	}
	if len(w) >= 10 {
		maxD = 3
	}
	sp.farWords(w, maxD, add)
	return best(cands)
}

// suggestion is a word offered for a misspelling: its edit distance, and
// a score (lower is likelier) from the kind of typo and how common it is.
type suggestion struct {
	w     string
	dist  int
	score float64
}

// farWords calls add with the words 2 to maxD edits from w. Typos seldom
// touch the first letter, so it scans the words that start like w (or with
// its first two letters swapped), and the user's own words.
func (sp *speller) farWords(w string, maxD int, add func(string, int)) {
	firsts := []byte{w[0]}
	if len(w) > 1 && w[1] != w[0] && w[1] >= 'a' && w[1] <= 'z' {
		firsts = append(firsts, w[1])
	}
	// Letter counts of w: a word whose letters differ from w's by more
	// than maxD (bag distance) cannot be within maxD edits, and that is
	// much cheaper to see than the distance itself.
	var counts [256]int
	for i := 0; i < len(w); i++ {
		counts[w[i]]++
	}
	for _, f := range firsts {
		lists := sp.d.lists()[f]
		for n := max(1, len(w)-maxD); n <= len(w)+maxD && n < len(lists); n++ {
			for _, dw := range lists[n] {
				if bagDistance(&counts, len(w), dw.w) > maxD {
					continue
				}
				if d := boundedDistance(w, dw.w, maxD); d <= maxD && d > 1 {
					add(dw.w, d)
				}
			}
		}
	}
	for u := range sp.user {
		if d := boundedDistance(w, u, maxD); d <= maxD {
			add(u, d)
		}
	}
}

// best returns the likeliest suggestions, closest first, at most
// maxSuggestions; a distance-3 guess only when nothing is closer.
func best(cands []suggestion) []string {
	slices.SortFunc(cands, func(a, b suggestion) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		if a.score != b.score {
			return cmp.Compare(a.score, b.score)
		}
		return strings.Compare(a.w, b.w)
	})
	var out []string
	for _, c := range cands {
		if len(out) == maxSuggestions || c.dist == 3 && len(out) > 0 {
			break
		}
		out = append(out, c.w)
	}
	return out
}

// rankPenalty makes rarer words (larger SCOWL sizes) a little less likely
// suggestions among those as many edits away.
func rankPenalty(rank uint8) float64 {
	return float64(max(int(rank), 10)-10) / 50 * 0.3
}

// typoCost is an edit distance weighted by how people mistype: swapped
// letters and doubled or undoubled letters are the cheapest slips, a
// missing letter is cheaper than an extra one, a wrong letter costs most.
// It breaks ties among suggestions the same number of edits away.
func typoCost(typo, word string) float64 {
	a, b := typo, word
	d := make([][]float64, len(a)+1)
	for i := range d {
		d[i] = make([]float64, len(b)+1)
	}
	doubled := func(s string, i int) bool { // s[i] repeats a neighbour
		return i > 0 && s[i-1] == s[i] || i+1 < len(s) && s[i+1] == s[i]
	}
	omit := func(j int) float64 { // word's letter j is missing from the typo
		if doubled(b, j) {
			return 0.5
		}
		return 0.8
	}
	extra := func(i int) float64 { // the typo's letter i is one too many
		if doubled(a, i) {
			return 0.5
		}
		return 0.9
	}
	for i := 1; i <= len(a); i++ {
		d[i][0] = d[i-1][0] + extra(i-1)
	}
	for j := 1; j <= len(b); j++ {
		d[0][j] = d[0][j-1] + omit(j-1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			sub := 1.0
			if a[i-1] == b[j-1] {
				sub = 0
			}
			v := min(d[i-1][j-1]+sub, d[i-1][j]+extra(i-1), d[i][j-1]+omit(j-1))
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, d[i-2][j-2]+0.6)
			}
			d[i][j] = v
		}
	}
	return d[len(a)][len(b)]
}

// edits1 returns every string one deletion, swap, substitution or
// insertion of a letter away from w.
func edits1(w string) []string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	out := make([]string, 0, 54*len(w)+26)
	for i := 0; i <= len(w); i++ {
		l, r := w[:i], w[i:]
		if r != "" {
			out = append(out, l+r[1:])
		}
		if len(r) > 1 {
			out = append(out, l+string(r[1])+string(r[0])+r[2:])
		}
		for j := 0; j < len(letters); j++ {
			c := letters[j]
			if r != "" && c != r[0] {
				out = append(out, l+string(c)+r[1:])
			}
			out = append(out, l+string(c)+r)
		}
	}
	return out
}

// bagDistance is max(letters of w not in c, letters of c not in w), a
// lower bound of their edit distance; counts holds w's letter counts and
// is left as it was.
func bagDistance(counts *[256]int, lw int, c string) int {
	common := 0
	for i := 0; i < len(c); i++ {
		if counts[c[i]] > 0 {
			common++
		}
		counts[c[i]]--
	}
	for i := 0; i < len(c); i++ {
		counts[c[i]]++
	}
	return max(lw-common, len(c)-common)
}

// boundedDistance is the edit distance of a and b (insert, delete,
// substitute, swap neighbours) when it is at most k, else k+1. Both are
// ASCII.
func boundedDistance(a, b string, k int) int {
	if d := len(a) - len(b); d > k || -d > k {
		return k + 1
	}
	var rows [3][32]int
	if len(b) >= 31 {
		return k + 1
	}
	prev2, prev, cur := rows[0][:len(b)+1], rows[1][:len(b)+1], rows[2][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > k {
			return k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], k+1)
}
