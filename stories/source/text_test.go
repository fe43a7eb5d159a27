package source

import (
	"testing"
	"unicode/utf16"
)

func le(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func be(s string) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

// TestCheckTextUTF16: a UTF-16 file, with or without its byte order mark,
// is named as such, with how to save it as UTF-8; other files are not
// taken for one.
func TestCheckTextUTF16(t *testing.T) {
	t.Parallel()
	const text = "project: Payments\nstories: []\n"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"LE with BOM", append([]byte{0xFF, 0xFE}, le(text)...), "notes.txt: file is UTF-16LE text; starpack reads UTF-8 text"},
		{"BE with BOM", append([]byte{0xFE, 0xFF}, be(text)...), "notes.txt: file is UTF-16BE text; starpack reads UTF-8 text"},
		{"LE without BOM", le(text), "notes.txt: file is UTF-16LE text; starpack reads UTF-8 text"},
		{"BE without BOM", be(text), "notes.txt: file is UTF-16BE text; starpack reads UTF-8 text"},
		{"UTF-8", []byte(text), ""},
		{"UTF-8 with BOM", append([]byte("\uFEFF"), text...), ""},
		{"binary", []byte("PK\x03\x04\x00\x00\x08\x00"), "notes.txt:1:5: binary file (holds a NUL byte)"},
		{"one NUL", []byte("ab\x00cdefgh"), "notes.txt:1:3: binary file (holds a NUL byte)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := CheckText("notes.txt", tt.data)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if tt.want != "" && tt.name[:2] != "bi" && tt.name != "one NUL" {
				if h := HintOf(err); h != "save it as UTF-8 (in Notepad: File > Save As, Encoding: UTF-8), or convert it: iconv -f UTF-16 -t UTF-8 notes.txt > utf8-notes.txt" {
					t.Errorf("hint %q", h)
				}
			}
		})
	}
}

func TestSizes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		got, want string
	}{
		{Bytes(0), "0"},
		{Bytes(999), "999"},
		{Bytes(1000), "1,000"},
		{Bytes(10485761), "10,485,761"},
		{Bytes(-1234), "-1,234"},
		{MiB(10 << 20), "10 MiB"},
		{MiB(512 << 10), "512 KiB"},
		{TooLarge("big.txt", 10485761, "split it").Error(), "big.txt: file is 10,485,761 bytes; starpack reads files of up to 10,485,760 bytes (10 MiB)"},
		{LineTooLong("a.txt", 3, 1<<20+1).Error(), "a.txt:3:1: line is 1,048,577 bytes long; starpack reads lines of up to 1,048,576 bytes (1 MiB)"},
		{shellQuote("my notes.txt"), "'my notes.txt'"},
		{shellQuote("notes/a-b_c.txt"), "notes/a-b_c.txt"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
