package stories

import (
	"errors"
	"reflect"
	"testing"

	"github.com/starpack/starpack/stories/source"
)

// FuzzParseFeedback: every error is a positioned *Error, and feedback that
// parses survives being appended to a new file and read back.
func FuzzParseFeedback(f *testing.F) {
	f.Add([]byte("- story: a\n  rating: 3\n  comment: |-\n    two\n    lines\n  date: \"2026-11-01\"\n"))
	f.Add([]byte("# only a comment\n"))
	f.Add([]byte("[{story: a}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, err := ParseFeedback("feedback/f.yaml", data)
		if err != nil {
			var e *source.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T) is not a *Error", err, err)
			}
			return
		}
		for i := range list {
			list[i].Comment = NormalComment(list[i].Comment)
		}
		if len(list) == 0 {
			return
		}
		// Appended to a new file, and appended again to the data itself.
		data2, err := AppendFeedback("f.yaml", nil, list)
		if err != nil {
			t.Fatalf("append to a new file: %v", err)
		}
		back, err := ParseFeedback("f.yaml", data2)
		if err != nil {
			t.Fatalf("read back: %v", err)
		}
		if !reflect.DeepEqual(back, list) {
			t.Fatalf("read back %+v\nwant %+v", back, list)
		}
		if _, err := AppendFeedback("f.yaml", data, list[:1]); err != nil {
			var e *source.Error
			if !errors.As(err, &e) || e.Hint == "" {
				t.Fatalf("append error %v is not a *source.Error with a hint", err)
			}
		}
	})
}
