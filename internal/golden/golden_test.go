package golden

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed, fatal bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed, r.fatal = true, true; runtime.Goexit() }
func (r *recorder) Fatal(...any)          { r.failed, r.fatal = true, true; runtime.Goexit() }

// check runs Check as a test would, stopping at a fatal failure.
func check(r *recorder, path string, got []byte) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		Check(r, path, got)
	}()
	<-done
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.golden")
	os.WriteFile(path, []byte("same\n"), 0o644)
	tests := []struct {
		name    string
		path    string
		got     string
		failed  bool
		gotFile bool
	}{
		{"equal", path, "same\n", false, false},
		{"different", path, "other\n", true, true},
		{"missing", filepath.Join(dir, "none.golden"), "x", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(tt.path + ".got")
			r := &recorder{TB: t}
			check(r, tt.path, []byte(tt.got))
			if r.failed != tt.failed {
				t.Errorf("failed = %v, want %v", r.failed, tt.failed)
			}
			data, err := os.ReadFile(tt.path + ".got")
			if (err == nil) != tt.gotFile || tt.gotFile && string(data) != tt.got {
				t.Errorf(".got file: %q, %v; want one: %v", data, err, tt.gotFile)
			}
		})
	}
	if b, _ := os.ReadFile(path); string(b) != "same\n" {
		t.Errorf("the golden file was changed to %q", b)
	}
}
