// Package export holds what every output format renders: the Packet, one
// job application's stories chosen and ready to print. Each format lives in
// its own sub-package (markdown, pdf, xlsx), takes a Packet and writes to an
// io.Writer; only the command decides where files go.
package export

import (
	"time"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories"
)

// Packet is everything one prep packet shows.
type Packet struct {
	RoleID    string // names the output folder ("all" for the whole bank)
	Candidate config.Candidate
	Company   string
	Title     string // the job title
	Interview string // interview date as written (YYYY-MM-DD), may be empty
	Focus     []string
	Keywords  []string // job-description keywords, most telling first

	Bank      *stories.Bank
	Catalog   *stories.Catalog
	Selection *stories.Selection
	// Feedback is the latest coach feedback per story id.
	Feedback map[string]stories.Feedback

	Generated time.Time // the build date; fixed by --date or SOURCE_DATE_EPOCH
	Redacted  bool      // redaction rules were applied
	Paper     string    // "A4" or "Letter"
}

// Heading is the packet's one-line title: "Company: Title", or what of it is set.
func (p *Packet) Heading() string {
	switch {
	case p.Company != "" && p.Title != "":
		return p.Company + ": " + p.Title
	case p.Title != "":
		return p.Title
	case p.Company != "":
		return p.Company
	}
	return "Story bank"
}
