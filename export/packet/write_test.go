package packet

import "testing"

// TestDir refuses ids that would leave the output folder.
func TestDir(t *testing.T) {
	out := t.TempDir()
	for _, id := range []string{"../x", "..", "a/b", `a\b`, "/abs", ""} {
		if _, err := Dir(out, id, ""); err == nil {
			t.Errorf("Dir(%q) accepted", id)
		}
	}
	if _, err := Dir(out, "acme", ""); err != nil {
		t.Errorf("Dir(acme): %v", err)
	}
}
