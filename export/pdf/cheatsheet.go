package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/starpack/starpack/export"
)

// The cheat sheet's type: cards are set at a fixed size for their grid
// (two columns, or three for many questions); only a packet too full for
// it gets smaller type, a step at a time down to sheetMinSize.
const (
	sheetMaxSize = 8.0 // the text of a two-column card
	sheetMinSize = 6.0
	sheetStep    = 0.5
	cardPadX     = 2.4
	cardPadY     = 1.8
	cardGap      = 2.4
	fragIndent   = 3.4 // the hanging S, A, R
)

// CheatSheet writes the one-page cheat sheet of a packet: the pitch as
// three bullets, a card per question (the story's heading, its Situation,
// Action and Result as three fragments shortened at sentence or clause
// boundaries, the result's number in the accent colour, the backups), and
// a strip with the key numbers, questions to ask and keywords to weave in.
// It is always exactly one page; a packet too full for it gets smaller
// type, then shorter cards, and a warning says so.
func CheatSheet(w io.Writer, p *export.Packet, opt Options) ([]string, error) {
	_, warnings, err := writeCheatSheet(w, p, opt)
	return warnings, err
}

func writeCheatSheet(w io.Writer, p *export.Packet, opt Options) (*doc, []string, error) {
	d, err := newDoc(p, opt, "cheat sheet")
	if err != nil {
		return nil, nil, err
	}
	s := &sheet{d: d, p: p}
	s.layout()
	warnings, err := d.finish(w)
	return d, warnings, err
}

type sheet struct {
	d *doc
	p *export.Packet
}

// fragment is a part of a story as a card shows it: the full text and
// what was shown of it. Kept for the tests: a shortened fragment ends at
// a sentence or clause boundary.
type fragment struct {
	Full, Shown string
}

func (s *sheet) layout() {
	d := s.d
	d.addPage()
	m := d.margin
	top := s.header()
	bot := d.pageH - m
	if m < 12 {
		bot -= 4
	}
	s.footer()
	top = s.pitch(top) + 1.5
	bot = s.strip(bot) - 2.5
	cards := s.cards()
	if len(cards) == 0 {
		d.text(m, top+6, "No questions to prepare.", italic, 11, muted, d.pageW-2*m, 'L')
		return
	}
	s.grid(cards, top, bot)
	d.source = ""
}

// header draws the packet's title and the interview, and returns where the
// content below it starts.
func (s *sheet) header() float64 {
	d, p := s.d, s.p
	m := d.margin
	right := d.pageW - m
	w := right - m
	info := []string{}
	if p.Candidate.Name != "" {
		info = append(info, p.Candidate.Name)
	}
	if p.Interview != "" {
		info = append(info, "interview "+dates(p.Interview))
	}
	if r := p.Loop.Current(); r != nil {
		info = append(info, fmt.Sprintf("round %d of %d", p.Loop.Round, len(p.Loop.Rounds)))
	}
	d.source = "candidate"
	iw := 0.0
	if len(info) > 0 {
		iw = d.text(right, m+3.5, smart(strings.Join(info, " · ")), regular, 8, muted, w/2, 'R')
	}
	d.source = "role"
	hw := d.text(m, m+3.5, smart(p.Heading()), bold, 12, d.accent, w-iw-6, 'L')
	if w-iw-hw > 40 {
		d.text(m+hw+3, m+3.5, "cheat sheet", regular, 8, muted, 0, 'L')
	}
	d.rule(m, m+5.8, right, d.accent, 0.6)
	d.source = ""
	return m + 8
}

func (s *sheet) footer() {
	d, p := s.d, s.p
	m := d.margin
	base := d.pageH - m + 6
	if m < 12 {
		base = d.pageH - m
	}
	left := "Generated " + day(p.Generated)
	if p.Redacted {
		left = "Redacted copy · " + left
	}
	d.text(m, base, left, regular, 6.5, faint, 0, 'L')
	d.text(d.pageW-m, base, "starpack", regular, 6.5, faint, 0, 'R')
}
