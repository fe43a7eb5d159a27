package lint

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/starpack/starpack/internal/golden"
)

// The sources of the dictionary files.
var (
	//go:embed words/words.txt.gz
	wordsGz []byte
	//go:embed words/tech.txt
	techWords string
)

// buildDictionary makes the dictionary files from their sources: the
// SCOWL list, then the software words (with their plurals) at techRank,
// and the hash table of every word at its first place.
func buildDictionary(t testing.TB) (text string, slots []byte) {
	zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if _, err := io.Copy(&b, zr); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n#" + strconv.Itoa(techRank) + "\n")
	for _, line := range strings.Split(techWords, "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			b.WriteString(w + "\n" + w + "s\n" + w + "es\n")
		}
	}
	text = b.String()
	slots = make([]byte, 8*dictSlotCount)
	d := &dictionary{text: text, slots: slots}
	count := 0
	d.words(func(off int, w string, rank uint8) {
		i, ok := d.find(w)
		if ok {
			return // a word keeps its first, most common, rank
		}
		if count >= dictSlotCount/2 || off >= maxDictText || rank > 63 {
			t.Fatalf("the word list is too large for its table at %q", w)
		}
		binary.LittleEndian.PutUint64(slots[8*i:], uint64(hashWord(w))<<32|uint64(off)<<12|uint64(len(w))<<6|uint64(rank))
		count++
	})
	return text, slots
}

// TestDictionaryFiles: the embedded dictionary files are what their
// sources make (go generate rewrites them).
func TestDictionaryFiles(t *testing.T) {
	text, slots := buildDictionary(t)
	golden.Check(t, "words/dict.txt", []byte(text))
	golden.Check(t, "words/dict.slots", slots)
	d := &dictionary{text: text, slots: slots}
	var lists []byte
	for _, e := range d.listEntries() {
		lists = binary.LittleEndian.AppendUint32(lists, e)
	}
	golden.Check(t, "words/dict.lists", lists)
}
