package source

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// ReadFile reads a user file at path, named display in errors: a missing
// file, a folder or a file over MaxFileSize is a *Error.
func ReadFile(display, path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &Error{File: display, Msg: "cannot read file: " + strings.TrimPrefix(err.Error(), "stat "+path+": "),
			Hint: "check the path", Err: err}
	}
	if st.IsDir() {
		return nil, &Error{File: display, Msg: "is a folder, not a file", Hint: "name a file"}
	}
	if st.Size() > MaxFileSize {
		return nil, TooLarge(display, st.Size(), "split it into smaller files")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: display, Msg: "cannot read file", Hint: "check its permissions", Err: err}
	}
	return data, nil
}

// TooLarge is the error for a file of size bytes, over MaxFileSize; hint
// says what to do.
func TooLarge(file string, size int64, hint string) *Error {
	return &Error{File: file, Msg: fmt.Sprintf("file is %s bytes; starpack reads files of up to %s bytes (%s)", Bytes(size), Bytes(MaxFileSize), MiB(MaxFileSize)),
		Hint: hint}
}

// Bytes writes a number of bytes with thousands separators: 10,485,761.
func Bytes(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// MiB writes a whole number of mebibytes or kibibytes: "10 MiB", "1 MiB".
func MiB(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d KiB", n>>10)
}
