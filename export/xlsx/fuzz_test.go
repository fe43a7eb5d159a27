package xlsx

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// FuzzRead feeds the reader damaged workbooks: it must return rows or a
// *source.Error, never panic.
func FuzzRead(f *testing.F) {
	f.Add(write(f, packet(f)))
	if data, err := os.ReadFile("testdata/feedback/libreoffice.xlsx"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := Read(bytes.NewReader(data), "fuzz.xlsx")
		if err != nil {
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not a *source.Error", err, err)
			}
			return
		}
		for _, r := range im.Rows {
			if r.ID == "" || r.Rating < 0 || r.Rating > stories.MaxRating {
				t.Fatalf("bad row %+v", r)
			}
		}
	})
}
