package pdf

import (
	"testing"

	"github.com/starpack/starpack/internal/golden"
)

// TestBuiltinMetrics checks fonts/metrics.bin against the built-in fonts:
// each face's BMP coverage and widths looked up in the font file itself.
// go generate (go test -run TestBuiltinMetrics -update) writes it again
// after a font changes.
func TestBuiltinMetrics(t *testing.T) {
	var scanned []*face
	for _, s := range builtinSources() {
		fc, err := parseFace(s.family, s.style, s.data)
		if err != nil {
			t.Fatal(err)
		}
		fc.scanBMP()
		scanned = append(scanned, fc)
	}
	golden.Check(t, "fonts/metrics.bin", encodeMetrics(scanned))

	if golden.Updating() {
		return // the binary embeds the file as it was before
	}
	// What builtin reads from the file is what the scan found.
	loaded, err := builtin()
	if err != nil {
		t.Fatal(err)
	}
	for i, fc := range scanned {
		for r := range 0x10000 {
			if fc.hasBMP(rune(r)) != loaded[i].hasBMP(rune(r)) || fc.width[r] != loaded[i].width[r] {
				t.Fatalf("%s%s: U+%04X: loaded %v/%d, scanned %v/%d", fc.family, fc.style, r,
					loaded[i].hasBMP(rune(r)), loaded[i].width[r], fc.hasBMP(rune(r)), fc.width[r])
			}
		}
	}
}

// A metrics file cut short is an error, not a panic or a face without
// widths.
func TestDecodeMetricsCutShort(t *testing.T) {
	for _, n := range []int{0, 100, 8191, 8192, 8193} {
		fc := &face{}
		if _, err := fc.decodeMetrics(builtinMetrics[:n]); err == nil {
			t.Errorf("%d bytes: no error", n)
		}
	}
}
