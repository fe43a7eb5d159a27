package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestEraseLine(t *testing.T) {
	tests := []struct {
		name  string
		plain bool
		ansi  bool
	}{
		{"terminal", false, true},
		{"NO_COLOR", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eraseLine(tt.plain)
			if strings.Contains(got, "\033") != tt.ansi {
				t.Errorf("eraseLine(%v) = %q", tt.plain, got)
			}
			if tt.plain && len(strings.Trim(got, "\r")) < len("[##############################] 10000/10000 packets") {
				t.Errorf("eraseLine(%v) = %q does not cover the bar", tt.plain, got)
			}
		})
	}
}

// TestNoControlCodes runs the commands a user runs and checks that none
// writes a terminal control code.
func TestNoControlCodes(t *testing.T) {
	t.Chdir(t.TempDir())
	a, out, errb := testApp(t)
	for _, args := range [][]string{
		{"init", "--example", "ws"},
		{"build", "--workspace", "ws", "--only", "notes"},
		{"select", "--workspace", "ws", "example"},
		{"lint", "--workspace", "ws"},
		{"new", "--workspace", "ws", "role", "acme"},
		{"build", "--workspace", "ws", "nosuch"},
		{"version"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out.Reset()
			errb.Reset()
			_ = a.exec(args...)
			for _, b := range []*bytes.Buffer{out, errb} {
				if bytes.ContainsRune(b.Bytes(), '\033') {
					t.Errorf("output holds an escape code: %q", b)
				}
			}
		})
	}
}
