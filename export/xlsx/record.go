package xlsx

import (
	"strconv"
	"strings"
)

// SheetRecord is the very hidden sheet in which a workbook records what
// starpack wrote into each coach's cell (the same in the Coach and the
// Stories sheets), the build id, the feedback base and the headers of the
// columns it wrote, so that an import takes only the cells a coach
// changed. A hidden sheet survives a re-save by Excel, LibreOffice and
// Google Sheets (a custom part does not: LibreOffice drops what it does
// not know).
const SheetRecord = "_starpack"

// recordMarker heads the record sheet.
const recordMarker = "starpack record"

// record writes the very hidden SheetRecord: the build id, the feedback
// base, the headers starpack wrote in the Stories and Coach sheets, and for
// each story with feedback what those sheets show in its coach's cells (a
// story left out shows them empty).
func (b *book) record() error {
	f, p := b.f, b.p
	if _, err := f.NewSheet(SheetRecord); err != nil {
		return err
	}
	// Not a stream: hiding a streamed sheet would read it back.
	head := [][]any{
		{recordMarker, "what starpack wrote into the coach's cells of the Coach and Stories sheets; keep this sheet as it is"},
		{"build", p.Build},
		{"base", strconv.Itoa(p.FeedbackBase)},
		// The role and whether the copy is redacted, as the document
		// properties have them too: a program that saves the workbook
		// again may drop those.
		{"role", p.RoleID},
		{"redacted", yesNo(p.Redacted)},
		append([]any{"headers"}, toAny(ownStoryHeaders())...),
		append([]any{"coach headers"}, toAny(coachHeaders)...),
		append([]any{"ID", "Rating", "Status", "Coach comments"}, toAny(b.extra)...),
	}
	for i, r := range head {
		if err := f.SetSheetRow(SheetRecord, cellName(1, i+1), &r); err != nil {
			return err
		}
	}
	line := len(head) + 1
	for _, s := range p.Bank.Stories() {
		fb, ok := p.Feedback[s.ID]
		if !ok {
			continue
		}
		rating := ""
		if fb.Rating != 0 {
			rating = strconv.Itoa(fb.Rating)
		}
		vals := []string{s.ID, rating, fb.Status, fb.Comment}
		for _, h := range b.extra {
			vals = append(vals, fb.Columns[h])
		}
		if strings.Join(vals[1:], "") == "" {
			continue
		}
		for i, v := range vals {
			if v == "" {
				continue
			}
			if err := f.SetCellStr(SheetRecord, cellName(i+1, line), v); err != nil {
				return err
			}
		}
		line++
	}
	return f.SetSheetVisible(SheetRecord, false, true)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
