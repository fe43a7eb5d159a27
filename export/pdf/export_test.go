package pdf

import (
	"io"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
)

// Outside lays out the brief and the cheat sheet of p and returns what
// each drew outside its margins (or a card), and the cheat sheet's pages.
func Outside(p *export.Packet, opt Options) (brief, sheet []string, sheetPages int, err error) {
	d, _, err := writeBrief(io.Discard, p, opt)
	if err != nil {
		return nil, nil, 0, err
	}
	brief = d.outside
	d, _, err = writeCheatSheet(io.Discard, p, opt)
	if err != nil {
		return nil, nil, 0, err
	}
	return brief, d.outside, d.f.PageCount(), nil
}

// SheetSize is the type size the cheat sheet of p is set in.
func SheetSize(p *export.Packet, opt Options) (float64, error) {
	d, _, err := writeCheatSheet(io.Discard, p, opt)
	if err != nil {
		return 0, err
	}
	return d.sheetSize, nil
}

// The cheat sheet's smallest and largest type sizes.
const (
	SheetMinSize = sheetMinSize
	SheetMaxSize = sheetMaxSize
)

// BuiltinFonts returns the bytes of the built-in fonts, as shared by every
// document (not copies).
func BuiltinFonts() ([][]byte, error) {
	faces, err := builtin()
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, fc := range faces {
		out = append(out, fc.data)
	}
	return out, nil
}

// StoryTitle is the heading a story goes by in both documents.
func StoryTitle(s *stories.Story) string { return storyTitle(s) }

// Shown returns the stories the brief of p shows under each question.
func Shown(p *export.Packet, opt Options) [][]*stories.Story {
	answers, _ := topAnswers(p, opt.TopPerQuestion)
	var out [][]*stories.Story
	for _, a := range answers {
		var ss []*stories.Story
		for _, pk := range a.Picks {
			ss = append(ss, pk.Story)
		}
		out = append(out, ss)
	}
	return out
}

// Fragment is what a cheat-sheet card shows of a part of a story.
type Fragment = fragment

// Fragments lays out the cheat sheet of p and returns what its cards show
// of each story part.
func Fragments(p *export.Packet, opt Options) ([]Fragment, error) {
	d, _, err := writeCheatSheet(io.Discard, p, opt)
	if err != nil {
		return nil, err
	}
	return d.fragments, nil
}
