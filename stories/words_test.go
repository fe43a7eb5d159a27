package stories

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// countWords counts what strings.FieldsFunc(text, unicode.IsSpace) splits.
func TestCountWords(t *testing.T) {
	tests := []struct {
		name, text string
		want       int
	}{
		{"empty", "", 0},
		{"spaces only", " \t\n\v\f\r ", 0},
		{"one", "word", 1},
		{"padded", "  two words  ", 2},
		{"lines", "line one\nline two\r\n- bullet", 6},
		{"non-breaking space", "a\u00a0b", 2},
		{"next line and ideographic space", "a\u0085b\u3000c", 3},
		{"non-ASCII words", "Łódź Zürich €40k", 3},
		{"invalid UTF-8", "a\xffb \xfe", 2},
		{"punctuation", "< 1% -> done.", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := countWords(tt.text); got != tt.want {
				t.Errorf("countWords(%q) = %d, want %d", tt.text, got, tt.want)
			}
			if ref := len(strings.FieldsFunc(tt.text, unicode.IsSpace)); ref != tt.want {
				t.Errorf("FieldsFunc gives %d: the table is wrong", ref)
			}
		})
	}
}

// Words counts the words of every field Fields lists, and of no other:
// each of the story's text fields is given words of its own, so a field
// added to Fields and not to Words (or the other way) is seen.
func TestWordsAreTheFields(t *testing.T) {
	t.Parallel()
	s := &Story{}
	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.String {
			f.SetString(strings.Repeat("word ", i+1))
		}
	}
	want := 0
	for _, f := range s.Fields() {
		want += CountWords(f.Text)
	}
	if got := s.Words(); got != want {
		t.Errorf("Words() = %d, the fields of Fields() hold %d words", got, want)
	}
	s.Situation, s.Notes = " \n ", "\t"
	if got, want := s.Words(), CountWords(s.Task+" "+s.Action+" "+s.Result+" "+s.Lesson); got != want {
		t.Errorf("with blank fields Words() = %d, want %d", got, want)
	}
}

func FuzzCountWords(f *testing.F) {
	f.Add("Requested internal training material.\n- Used the support line")
	f.Add("a\u00a0b\u2028c\xff")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := countWords(text), len(strings.FieldsFunc(text, unicode.IsSpace)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", text, got, want)
		}
	})
}

// shortenRunes is Shorten as first written, over a slice of all the runes.
func shortenRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
}

func FuzzShorten(f *testing.F) {
	f.Add("one two three four five", 12)
	f.Add("Łódź Zürich \xff\xfe €40k and more words", 9)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 1 || n > 200 {
			return
		}
		if got, want := Shorten(s, n), shortenRunes(s, n); got != want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}

// Chinese and Japanese, written without spaces between words, count a
// word for every two characters; words in other scripts beside them count
// as words.
func TestCountWordsCJK(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"売上が30%増加しました", 6}, // 9 characters and "30%"
		{"Hello 世界", 2},
		{"我们把延迟降低了一半。", 5},
		{"Cut latency by 40%", 4},
		{"", 0},
	} {
		if got := CountWords(tt.text); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}
