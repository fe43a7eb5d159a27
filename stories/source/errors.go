// Package source reads a user's files (story files, roles, settings,
// feedback) and points at mistakes in them: positions, the one positioned
// error type, strict YAML decoding, and the did-you-mean of unknown names.
// It is a leaf: it knows no story, role or setting, only files, lines and
// columns (as go/token and go/scanner do for Go source).
//
// Errors are told apart by type, never by their text: *Error is a mistake
// at a place in a file, *FieldError a mistake in the value of a named field
// whose place only the caller knows (see Locate).
package source

import (
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Position is a place in a file; Line and Col count from 1 (0: unknown).
type Position struct {
	File      string
	Line, Col int
}

// Error is a mistake in a user's file. File, Line and Col say where (Line
// and Col may be 0 when unknown); Hint, when set, says what to do about it.
type Error struct {
	File      string
	Line, Col int
	Msg       string
	Hint      string
	Err       error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
			if e.Col > 0 {
				fmt.Fprintf(&b, ":%d", e.Col)
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Err != nil && e.Msg == "" {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf makes a positioned error at pos.
func Errorf(pos Position, hint, format string, args ...any) *Error {
	return &Error{File: pos.File, Line: pos.Line, Col: pos.Col, Msg: fmt.Sprintf(format, args...), Hint: hint}
}

// FieldError is a mistake in the value of one field, found by code that
// does not know where the field was written (story selection checking a
// role's include: list, say). Field is the field's YAML name; the code that
// read the file turns it into an *Error at the field with Locate.
type FieldError struct {
	Field string // YAML key, e.g. "include"
	Msg   string
	Hint  string
}

func (e *FieldError) Error() string { return e.Msg }

// Locate turns a *FieldError in err's chain into an *Error at the field's
// position in pos (keyed by YAML name), or at file when the field is not
// there. Other errors pass unchanged.
func Locate(err error, file string, pos map[string]Position) error {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return err
	}
	p, ok := pos[fe.Field]
	if !ok {
		p = Position{File: file}
	}
	if p.File == "" {
		p.File = file
	}
	return &Error{File: p.File, Line: p.Line, Col: p.Col, Msg: fe.Msg, Hint: fe.Hint, Err: err}
}

// HintOf returns the hint of the first *Error or *FieldError in err's
// chain, if any.
func HintOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Hint
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Hint
	}
	return ""
}

// NodePos is the position of a YAML node in file.
func NodePos(file string, n *yaml.Node) Position {
	return Position{File: file, Line: n.Line, Col: n.Column}
}

// Suggest returns the candidate closest to word, or "" when none is close
// enough to be a likely typo.
func Suggest(word string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := EditDistance(strings.ToLower(word), strings.ToLower(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if len(word) > 6 {
		limit = 3
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// EditDistance is the number of single-character edits (insert, delete,
// substitute, swap neighbours) between a and b, over runes.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
