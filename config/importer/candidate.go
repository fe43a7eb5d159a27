package importer

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/jsonresume"
	"github.com/starpack/starpack/stories/plaintext"
	"github.com/starpack/starpack/stories/source"
)

// parseNotes reads one file to import: a JSON Resume (its projects, and
// the candidate it describes) or plain-text story notes (basics nil).
func parseNotes(file string, data []byte, cat *stories.Catalog) (*plaintext.Result, *jsonresume.Basics, error) {
	if !jsonresume.Detect(file, data) {
		res, err := plaintext.Parse(file, data, cat)
		return res, nil, err
	}
	r, err := jsonresume.Parse(file, data)
	if err != nil {
		return nil, nil, err
	}
	return &plaintext.Result{Projects: r.Projects, Warnings: r.Warnings}, &r.Basics, nil
}

// candidateEdit is what a résumé changes in starpack.yaml.
type candidateEdit struct {
	data     []byte   // the new starpack.yaml; nil when nothing changes
	set      []string // keys filled in from the résumé
	kept     []string // notes on keys the file already sets otherwise
	replaced []string // notes on keys that held the example's made-up values
}

// mergeCandidate fills candidate name, email and pitch of starpack.yaml
// (data, named file) from a résumé, where the file does not set them yet
// or holds the example's made-up candidate (config.SampleCandidate).
// Other values already there are the user's and are kept. A file without a
// candidate: key gets one appended, leaving every byte before it as it
// was; otherwise the YAML node tree is edited, which keeps comments. The
// result is checked to load before it is returned.
func mergeCandidate(file string, data []byte, b jsonresume.Basics, from string) (candidateEdit, error) {
	want := []keyValue{
		{"name", strings.TrimSpace(b.Name)},
		{"email", strings.TrimSpace(b.Email)},
		{"pitch", b.Pitch()},
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// ParseSettings has already read the file; this cannot happen.
		return candidateEdit{}, err
	}
	cand := candidateNode(&doc)
	var ed candidateEdit
	var err error
	if cand == nil {
		ed, err = appendCandidate(data, want, from)
	} else {
		ed, err = editCandidate(file, &doc, cand, sampleKeys(data, cand), want, from)
	}
	if err != nil || ed.data == nil {
		return ed, err
	}
	if _, err := config.ParseSettings(file, ed.data); err != nil {
		return candidateEdit{}, fmt.Errorf("cannot add the résumé's candidate to %s: %w", file, err)
	}
	return ed, nil
}

type keyValue struct{ key, value string }

// candidateNode is the value of the document's top-level candidate: key,
// or nil.
func candidateNode(doc *yaml.Node) *yaml.Node {
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	root := doc.Content[0]
	var cand *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "candidate" {
			cand = root.Content[i+1]
		}
	}
	return cand
}

// sampleKeys are the candidate keys of a sample workspace's starpack.yaml
// (data) that still hold the example's made-up values.
func sampleKeys(data []byte, cand *yaml.Node) map[string]bool {
	sample := map[string]bool{}
	if cand.Kind == yaml.MappingNode && config.MarkedSample(data) {
		var c config.Candidate
		if cand.Decode(&c) == nil {
			for _, k := range config.SampleCandidate(c) {
				sample[k] = true
			}
		}
	}
	return sample
}

// appendCandidate appends a candidate: key to a file that has none,
// leaving every byte before it as it was.
func appendCandidate(data []byte, want []keyValue, from string) (candidateEdit, error) {
	var ed candidateEdit
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, w := range want {
		if w.value != "" {
			m.Content = append(m.Content, scalar(w.key), scalar(w.value))
			ed.set = append(ed.set, w.key)
		}
	}
	if len(ed.set) == 0 {
		return ed, nil
	}
	block, err := encodeYAML(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{scalar("candidate"), m}})
	if err != nil {
		return ed, err
	}
	out := bytes.Clone(data)
	if len(out) > 0 && !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}
	out = append(out, "# From "+from+" (starpack import).\n"...)
	ed.data = append(out, block...)
	return ed, nil
}

// editCandidate fills the empty (or still sample) keys of the document's
// candidate mapping, which keeps the file's comments, and notes the keys
// the user wrote otherwise.
func editCandidate(file string, doc, cand *yaml.Node, sample map[string]bool, want []keyValue, from string) (candidateEdit, error) {
	var ed candidateEdit
	if cand.Kind == yaml.ScalarNode && cand.Tag == "!!null" {
		*cand = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: cand.Line, Column: cand.Column}
	}
	if cand.Kind != yaml.MappingNode {
		return ed, &source.Error{File: file, Line: cand.Line, Col: cand.Column, Msg: "candidate: is not a mapping; cannot add the résumé's name",
			Hint: "write it as candidate: {name: ..., email: ..., pitch: ...}"}
	}
	for _, w := range want {
		if w.value == "" {
			continue
		}
		var have *yaml.Node
		for i := 0; i+1 < len(cand.Content); i += 2 {
			if cand.Content[i].Value == w.key {
				have = cand.Content[i+1]
			}
		}
		switch {
		case have == nil:
			cand.Content = append(cand.Content, scalar(w.key), scalar(w.value))
			ed.set = append(ed.set, w.key)
		case have.Kind == yaml.ScalarNode && strings.TrimSpace(have.Value) == "":
			fill(have, w.value)
			ed.set = append(ed.set, w.key)
		case have.Kind == yaml.ScalarNode && sample[w.key] && strings.TrimSpace(have.Value) != w.value:
			ed.replaced = append(ed.replaced, fmt.Sprintf("replaced the example's made-up candidate %s %q in %s with %q from %s",
				w.key, shortQuote(have.Value), file, shortQuote(w.value), from))
			fill(have, w.value)
			ed.set = append(ed.set, w.key)
		case strings.TrimSpace(have.Value) != w.value:
			ed.kept = append(ed.kept, fmt.Sprintf("kept candidate %s of %s; %s gives %q", w.key, file, from, shortQuote(w.value)))
		}
	}
	if len(ed.set) == 0 {
		return ed, nil
	}
	cand.Style = 0 // block style: a pitch is too long for {name: ..., pitch: ...}
	out, err := encodeYAML(doc)
	if err != nil {
		return ed, err
	}
	ed.data = out
	return ed, nil
}

// fill sets a scalar's value, keeping the comments around it.
func fill(n *yaml.Node, v string) {
	head, line, foot := n.HeadComment, n.LineComment, n.FootComment
	*n = *scalar(v)
	n.HeadComment, n.LineComment, n.FootComment = head, line, foot
}

func scalar(v string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
}

func encodeYAML(n *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func shortQuote(s string) string {
	return stories.Shorten(s, 60)
}
