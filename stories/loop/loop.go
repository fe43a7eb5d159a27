// Package loop holds the records of the interview loop, the part of an
// application that follows its rounds: the debriefs written after each
// round (what was asked, which story was told, how it went), the practice
// log of timed rehearsals, and what they add up to for each story (how
// often it was practised, its last self-rating, when and to whom it was
// told). It also orders rehearsals (Schedule) and finds the questions asked
// that no story answers (Gaps).
//
// The records are append-only YAML lists that starpack writes and people
// read in git; config owns where they live. Every mistake in one is a
// *source.Error positioned in its file.
package loop

import (
	"bytes"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories/source"
)

// parseList decodes a YAML list of records, strictly, and returns the
// list's item nodes for positioning checks. A file that is not a list is an
// error saying what it should hold.
func parseList[T any](file string, data []byte, what string) ([]T, []*yaml.Node, error) {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) == nil && len(doc.Content) > 0 {
		if root := doc.Content[0]; root.Kind != yaml.SequenceNode && root.Tag != "!!null" {
			return nil, nil, &source.Error{File: file, Line: root.Line, Col: root.Column, Msg: fmt.Sprintf("a %s file must be a list of entries", what),
				Hint: "starpack writes this file, one `- ` entry at a time; restore it from version control"}
		}
	}
	var list []T
	root, err := source.DecodeYAML(file, data, &list)
	if err != nil || root == nil {
		return nil, nil, err
	}
	return list, root.Content, nil
}

// appendList returns the file old (nil: a new file, started with header)
// with items appended as YAML list items, old kept byte for byte. parse
// reads the result back: it must give old's entries followed by items, or
// the file is in a form an append would break (a flow list, say) and it is
// an error naming file.
func appendList[T any](file string, old []byte, header string, items []T, parse func(string, []byte) ([]T, error), equal func(a, b T) bool) ([]byte, error) {
	if old == nil {
		old = []byte(header)
	}
	old = bytes.Clone(old)
	if len(old) > 0 && old[len(old)-1] != '\n' {
		old = append(old, '\n')
	}
	add, err := yaml.Marshal(items)
	if err != nil {
		return nil, err
	}
	data := append(bytes.Clone(old), add...)
	hint := "the file must be a block list (`- ` entries); fix it or move it aside"
	after, err := parse(file, data)
	if err != nil {
		return nil, &source.Error{File: file, Msg: "cannot append: " + err.Error(), Err: err, Hint: hint}
	}
	before, _ := parse(file, old)
	if len(after) != len(before)+len(items) || !slices.EqualFunc(after[len(before):], items, equal) {
		return nil, &source.Error{File: file, Msg: "cannot append: it is not a plain list of entries", Hint: hint}
	}
	return data, nil
}

// valuePos is where the value of key is in the mapping n, else n itself.
func valuePos(file string, n *yaml.Node, key string) source.Position {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				return source.NodePos(file, n.Content[i+1])
			}
		}
	}
	return source.NodePos(file, n)
}
