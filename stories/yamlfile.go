package stories

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
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
	if err := checkFields(file, root, reflect.TypeOf(v)); err != nil {
		return nil, err
	}
	if err := root.Decode(v); err != nil {
		return nil, yamlError(file, err)
	}
	return root, nil
}

// CheckText rejects what is not a text file: too large, binary, or not UTF-8.
func CheckText(file string, data []byte) error {
	if len(data) > MaxFileSize {
		return &Error{File: file, Msg: fmt.Sprintf("file is %d MB, more than the %d MB starpack reads", len(data)>>20, MaxFileSize>>20),
			Hint: "split it into smaller files"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := lineCol(data, i)
		return &Error{File: file, Line: line, Col: col, Msg: "binary file (holds a NUL byte)", Hint: "starpack reads plain UTF-8 text files"}
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

func lineCol(data []byte, off int) (int, int) {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}

var yamlLine = regexp.MustCompile(`line (\d+)(?:, column (\d+))?: (.*)`)

// yamlError turns a yaml.v3 error into a positioned *Error.
func yamlError(file string, err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	e := &Error{File: file, Msg: msg, Err: err, Hint: "check the YAML syntax: indentation, colons and quotes"}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Col, _ = strconv.Atoi(m[2])
		e.Msg = m[3]
	}
	if strings.Contains(e.Msg, "cannot unmarshal") {
		e.Msg = typeMessage(e.Msg)
		e.Hint = "see the field's expected type in the example workspace (starpack init)"
	}
	return e
}

var unmarshalMsg = regexp.MustCompile("cannot unmarshal !!(\\w+) `?(.*?)`? into (.*)")

func typeMessage(msg string) string {
	m := unmarshalMsg.FindStringSubmatch(msg)
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
			for k, v := range yamlFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}
