package pdf

import (
	"fmt"

	"golang.org/x/image/font/sfnt"
)

// Covers returns a function reporting whether the documents can draw r:
// with a built-in face, with one of opt.Fallback, or by skipping it (an
// invisible control or joiner). It decides as the documents do, so a check
// before a build (starpack doctor) finds the characters a build would draw
// as a placeholder. The function is not safe for concurrent use.
func Covers(opt Options) (func(r rune) bool, error) {
	gf, err := builtin()
	if err != nil {
		return nil, err
	}
	var fallback []*fallbackFace
	for i, data := range opt.Fallback {
		fc, err := parseFace(fmt.Sprintf("fallback%d", i), "", data)
		if err != nil {
			return nil, fmt.Errorf("fallback font %d: %w", i+1, err)
		}
		fallback = append(fallback, &fallbackFace{face: fc, known: map[rune]int32{}})
	}
	var buf sfnt.Buffer
	return func(r rune) bool {
		if r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || invisible(r) {
			return true
		}
		for _, fc := range gf {
			if fc.hasBMP(r) {
				return true
			}
		}
		if r >= 0x10000 {
			return false // fpdf draws the Basic Multilingual Plane only
		}
		for _, fb := range fallback {
			if fb.hasRune(&buf, r) {
				return true
			}
		}
		return false
	}, nil
}
