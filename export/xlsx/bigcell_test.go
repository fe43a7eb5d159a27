package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/starpack/starpack/export"
	"github.com/starpack/starpack/stories"
)

// TestWriteManyStoriesInOneCell: a bank of 1,000 stories for one project
// and question (their cues run past the 32,767 characters a cell holds)
// still builds. The matrix cell ends with a note of how many stories it
// leaves out, and the Stories sheet lists every one.
func TestWriteManyStoriesInOneCell(t *testing.T) {
	t.Parallel()
	pr := &stories.Project{Project: "Payments"}
	for i := range 1000 {
		pr.Stories = append(pr.Stories, &stories.Story{ID: fmt.Sprintf("pay.s%d", i), Question: "success", Project: pr,
			Title:  fmt.Sprintf("Story %d: the retry logic that made card payments hold under load", i),
			Result: "Failures dropped by 90%."})
	}
	p := &export.Packet{RoleID: "all", Bank: &stories.Bank{Projects: []*stories.Project{pr}}, Catalog: stories.NewCatalog()}
	f := open(t, write(t, p))
	cell, err := f.GetCellValue(SheetMatrix, "B2")
	if err != nil {
		t.Fatal(err)
	}
	if n := utf16Len(cell); n > MaxCellChars {
		t.Errorf("the cell holds %d characters, more than %d", n, MaxCellChars)
	}
	kept := strings.Count(cell, "Story ")
	want := fmt.Sprintf("… and %d more stories: see the Stories sheet", 1000-kept)
	if kept < 100 || kept == 1000 || !strings.HasSuffix(cell, want) {
		t.Errorf("the cell shows %d stories and ends %q, want it to end %q", kept, cell[max(0, len(cell)-80):], want)
	}
	rows, err := f.GetRows(SheetStories)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1001 {
		t.Errorf("the Stories sheet has %d rows, want 1,000 stories and a header", len(rows))
	}
}
