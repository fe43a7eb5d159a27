package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest user file starpack reads.
const MaxFileSize = 10 << 20

// DecodeYAML decodes one YAML document of a user file into v, strictly:
// unknown fields are errors with a did-you-mean, and every error is an
// *Error positioned in file. It returns the document's root node (nil for
// an empty document) so callers can position their own checks.
func DecodeYAML(file string, data []byte, v any) (*yaml.Node, error) {
	n, err := decodeYAML(file, data, v)
	// The decoder gives syntax errors a line only: point at the line's text.
	if e, ok := err.(*Error); ok && e.Line > 0 && e.Col == 0 {
		e.Col = firstColumn(data, e.Line)
	}
	// A tab in the indentation is the most common cause of a syntax error
	// in a file typed by hand, and the decoder's message does not say so.
	if e, ok := err.(*Error); ok && e.Line > 0 && !strings.HasPrefix(e.Msg, "unknown field") {
		line := e.Line
		if strings.Contains(e.Msg, "tab character") && indentTab(data, line) == 0 {
			line++ // the decoder names the line before the tab's
		}
		if col := indentTab(data, line); col > 0 {
			e.Line, e.Col, e.Msg = line, col, "a tab in the indentation"
			e.Hint = "YAML indents with spaces only: replace the tab with spaces"
		}
	}
	return n, err
}

// indentTab returns the column of the first tab in the indentation of
// line, or 0 when its indentation has none.
func indentTab(data []byte, line int) int {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line > len(lines) {
		return 0
	}
	for i, c := range lines[line-1] {
		switch c {
		case '\t':
			return i + 1
		case ' ':
		default:
			return 0
		}
	}
	return 0
}

// firstColumn is the column of the first non-blank character of line.
func firstColumn(data []byte, line int) int {
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if line > len(lines) {
		return 1
	}
	l := lines[line-1]
	return 1 + utf8.RuneCount(l) - utf8.RuneCount(bytes.TrimLeft(l, " \t"))
}

func decodeYAML(file string, data []byte, v any) (*yaml.Node, error) {
	if err := CheckText(file, data); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, yamlError(file, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if t := reflect.TypeOf(v); t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && root.Kind != yaml.MappingNode {
		return nil, &Error{File: file, Line: root.Line, Col: root.Column,
			Msg:  "expected a mapping of `key: value` lines, found " + kindName(root),
			Hint: "see the example workspace (starpack init --example DIR) for the file's shape"}
	}
	if err := secondDocument(file, data, dec); err != nil {
		return nil, err
	}
	if err := checkFields(file, root, reflect.TypeOf(v)); err != nil {
		return nil, err
	}
	if err := root.Decode(v); err != nil {
		e := yamlError(file, err)
		if pe, ok := e.(*Error); ok && pe.Line > 0 && pe.Col == 0 && !strings.HasPrefix(pe.Msg, "mapping key") {
			pe.Col = valueColumn(root, pe.Line)
		}
		return nil, e
	}
	return root, nil
}

// secondDocument reports a YAML document after the first (the decoder
// would drop it without a word) at the "---" line that starts it. An
// empty document (a trailing "---") holds nothing to lose.
func secondDocument(file string, data []byte, dec *yaml.Decoder) error {
	var next yaml.Node
	err := dec.Decode(&next)
	switch {
	case errors.Is(err, io.EOF):
		return nil
	case err != nil:
		return yamlError(file, err)
	case len(next.Content) == 0 || next.Content[0].Kind == yaml.ScalarNode && next.Content[0].Tag == "!!null":
		return nil
	}
	line := next.Content[0].Line
	lines := bytes.Split(data, []byte("\n"))
	for l := min(line, len(lines)); l >= 1; l-- {
		if bytes.HasPrefix(lines[l-1], []byte("---")) {
			line = l
			break
		}
	}
	return &Error{File: file, Line: line, Col: 1,
		Msg:  "a second YAML document starts here; starpack reads one document per file and would leave this one out",
		Hint: "merge it into the document above (one stories: list), or move it into a file of its own"}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("text (%s)", clip(n.Value, 40))
	}
	return "something else"
}

// valueColumn finds the column of the first mapping value or list item on
// line: the decoder reports type errors by line alone.
func valueColumn(n *yaml.Node, line int) int {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := n.Content[i+1]; v.Line == line {
				return v.Column
			}
			if c := valueColumn(n.Content[i+1], line); c > 0 {
				return c
			}
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, c := range n.Content {
			if c.Line == line && c.Kind == yaml.ScalarNode {
				return c.Column
			}
			if col := valueColumn(c, line); col > 0 {
				return col
			}
		}
	}
	return 0
}

// CheckText rejects what is not a text file: too large, binary, or not UTF-8.
func CheckText(file string, data []byte) error {
	if len(data) > MaxFileSize {
		return TooLarge(file, int64(len(data)), "split it into smaller files")
	}
	if enc := utf16Order(data); enc != "" {
		return &Error{File: file, Msg: "file is " + enc + " text; starpack reads UTF-8 text",
			Hint: fmt.Sprintf("save it as UTF-8 (in Notepad: File > Save As, Encoding: UTF-8), or convert it: iconv -f UTF-16 -t UTF-8 %s > utf8-%s",
				shellQuote(file), shellQuote(filepath.Base(file)))}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return &Error{File: file, Line: line, Col: col, Msg: "binary file (holds a NUL byte)", Hint: "starpack reads plain UTF-8 text files"}
	}
	if n, line := longestLine(data); n > MaxLine {
		return LineTooLong(file, line, n)
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		line, col := lineCol(data, i)
		return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", data[i]),
			Hint: "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"}
	}
	return nil
}

// MaxLine is the longest line starpack reads.
const MaxLine = 1 << 20

// LineTooLong is the error for line no of file, n bytes long, over MaxLine.
func LineTooLong(file string, no, n int) *Error {
	return &Error{File: file, Line: no, Col: 1,
		Msg:  fmt.Sprintf("line is %s bytes long; starpack reads lines of up to %s bytes (%s)", Bytes(int64(n)), Bytes(MaxLine), MiB(MaxLine)),
		Hint: "break the text into shorter lines"}
}

// utf16Order names the encoding of UTF-16 text ("UTF-16LE" or
// "UTF-16BE"), told by its byte order mark or, without one, by the zero
// bytes that ASCII characters leave at every other byte; "" for other
// data.
func utf16Order(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return "UTF-16LE"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "UTF-16BE"
	}
	head := data[:min(len(data), 1024)&^1]
	if len(head) < 4 {
		return ""
	}
	var even, odd int // zero bytes at even and odd offsets
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	pairs := len(head) / 2
	switch {
	case odd*10 >= pairs*7 && even == 0:
		return "UTF-16LE"
	case even*10 >= pairs*7 && odd == 0:
		return "UTF-16BE"
	}
	return ""
}

// shellQuote quotes a file name for a command line when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// longestLine returns the length of the longest line and its number.
func longestLine(data []byte) (n, line int) {
	no := 0
	for len(data) > 0 {
		no++
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			i = len(data)
		}
		if i > n {
			n, line = i, no
		}
		data = data[min(i+1, len(data)):]
	}
	return n, line
}

func lineCol(data []byte, off int) (int, int) {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}

var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)(?:, column (\d+))?: (.*)`) })

// yamlError turns a yaml.v3 error into a positioned *Error.
func yamlError(file string, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	e := &Error{File: file, Msg: msg, Err: err, Hint: "check the YAML syntax: indentation, colons and quotes"}
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Col, _ = strconv.Atoi(m[2])
		e.Msg = m[3]
	}
	if strings.HasPrefix(e.Msg, "did not find expected") {
		e.Hint = "the block that starts here is not indented evenly: check the lines below it"
	}
	if strings.Contains(e.Msg, "end of stream") || strings.Contains(e.Msg, "quoted scalar") {
		e.Hint = "a quote may be left open: close it, or remove it"
	}
	if strings.Contains(e.Msg, "cannot unmarshal") {
		e.Msg = typeMessage(e.Msg)
		e.Hint = "see the field's expected type in the example workspace (starpack init --example DIR)"
	}
	return e
}

var unmarshalMsg = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("cannot unmarshal !!(\\w+)(?: `(.*?)`)? into (.*)") })

func typeMessage(msg string) string {
	m := unmarshalMsg().FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	want := m[3]
	switch {
	case strings.HasPrefix(want, "[]"):
		want = "a list"
	case strings.HasPrefix(want, "map["), strings.Contains(want, "."):
		want = "a mapping"
	case want == "int":
		want = "a whole number"
	case want == "float64":
		want = "a number"
	default:
		want = "a " + want
	}
	got := map[string]string{"seq": "a list", "map": "a mapping", "str": "text", "int": "a number", "bool": "true/false", "float": "a number"}[m[1]]
	if got == "" {
		got = m[1]
	}
	if m[2] != "" {
		got += fmt.Sprintf(" (%s)", m[2])
	}
	return fmt.Sprintf("expected %s, found %s", want, got)
}

// checkFields walks n alongside type t and reports the first mapping key
// that t has no field for.
func checkFields(file string, n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode {
		return nil // its target is checked where it is defined
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return nil // the decoder reports the type mismatch
		}
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			f, ok := fields[k.Value]
			if !ok {
				names := make([]string, 0, len(fields))
				for name := range fields {
					names = append(names, name)
				}
				sort.Strings(names)
				msg := fmt.Sprintf("unknown field %q", k.Value)
				hint := "known fields: " + strings.Join(names, ", ")
				if s := Suggest(k.Value, names); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				}
				return &Error{File: file, Line: k.Line, Col: k.Column, Msg: msg, Hint: hint}
			}
			if err := checkFields(file, v, f); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if err := checkFields(file, c, t.Elem()); err != nil {
					return err
				}
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				if err := checkFields(file, n.Content[i], t.Elem()); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// FieldNames returns the YAML names of the fields of struct v.
func FieldNames(v any) map[string]bool {
	out := map[string]bool{}
	for name := range yamlFields(reflect.TypeOf(v)) {
		out[name] = true
	}
	return out
}

func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(opts, "inline") {
			maps.Copy(out, yamlFields(f.Type))
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}

// clip cuts s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
