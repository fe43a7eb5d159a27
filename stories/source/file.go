package source

import (
	"fmt"
	"os"
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
		return nil, &Error{File: display, Msg: fmt.Sprintf("file is %d MB, more than the %d MB starpack reads", st.Size()>>20, MaxFileSize>>20),
			Hint: "split it into smaller files"}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: display, Msg: "cannot read file", Hint: "check its permissions", Err: err}
	}
	return data, nil
}
