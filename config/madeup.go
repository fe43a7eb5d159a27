package config

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/lint"
	"github.com/starpack/starpack/stories/source"
)

// Samples is what a workspace holds of the example's sample data: the
// story and role files `starpack init --example` wrote (they carry
// SampleMarker), and the example's made-up candidate in a starpack.yaml
// it wrote (marked there too). Only what starpack wrote as sample data
// counts: the same stories imported by their owner, or a person who
// shares a name with the example, are their own.
type Samples struct {
	Stories   []string // sample story files, slash-separated paths in the workspace
	Roles     []string // sample role files
	Candidate []string // candidate keys holding the example's values: name, email, pitch
	// Own says that the workspace also holds story or role files of the
	// user's own (without the marker).
	Own bool
}

// Any reports whether the workspace holds any sample data.
func (s Samples) Any() bool {
	return len(s.Stories)+len(s.Roles)+len(s.Candidate) > 0
}

// Only reports whether the workspace holds sample data and nothing of the
// user's own.
func (s Samples) Only() bool { return s.Any() && !s.Own }

// Files are the sample story and role files.
func (s Samples) Files() []string { return slices.Concat(s.Stories, s.Roles) }

// Removal says how to remove the sample data, in one line: the files to
// delete (named as the workspace w shows them) and the candidate to
// replace.
func (w *Workspace) Removal(s Samples) string {
	var parts []string
	if files := s.Files(); len(files) > 0 {
		shown := make([]string, len(files))
		for i, f := range files {
			shown[i] = w.Show(f)
		}
		parts = append(parts, "rm "+strings.Join(shown, " "))
	}
	if len(s.Candidate) > 0 {
		parts = append(parts, "put your own "+strings.Join(s.Candidate, ", ")+" under candidate: in "+w.Show(FileName))
	}
	return strings.Join(parts, "; then ")
}

var (
	exampleCandOnce sync.Once
	exampleCand     Candidate
)

// exampleCandidate is the made-up candidate of the example workspace.
func exampleCandidate() Candidate {
	exampleCandOnce.Do(func() { exampleCand = OpenExample().Settings.Candidate })
	return exampleCand
}

// SampleCandidate returns the keys of c (name, email, pitch) that hold
// the example's made-up candidate's values. A name alone is not enough (a
// real person may share it): it counts with the example's email or pitch
// beside it.
func SampleCandidate(c Candidate) []string {
	ex := exampleCandidate()
	email := c.Email != "" && c.Email == ex.Email
	pitch := c.Pitch != "" && strings.TrimSpace(c.Pitch) == strings.TrimSpace(ex.Pitch)
	var keys []string
	if c.Name != "" && c.Name == ex.Name && (email || pitch) {
		keys = append(keys, "name")
	}
	if email {
		keys = append(keys, "email")
	}
	if pitch {
		keys = append(keys, "pitch")
	}
	return keys
}

// Samples finds the workspace's sample data. The embedded example is all
// sample and nothing else, so it reports nothing: there is no one's own
// data to keep apart from it.
func (w *Workspace) Samples() Samples {
	var s Samples
	if w.Embedded() {
		return s
	}
	for _, dir := range []string{StoriesDir, RolesDir} {
		for _, name := range yamlFiles(w.FS, dir) {
			switch {
			case !isSampleFile(w.FS, name):
				s.Own = true
			case dir == StoriesDir:
				s.Stories = append(s.Stories, name)
			default:
				s.Roles = append(s.Roles, name)
			}
		}
	}
	if data, err := fs.ReadFile(w.FS, FileName); err == nil && MarkedSample(data) {
		s.Candidate = SampleCandidate(w.Settings.Candidate)
	}
	return s
}

// yamlFiles lists dir/*.yaml and dir/*.yml of fsys, sorted.
func yamlFiles(fsys fs.FS, dir string) []string {
	var names []string
	for _, pat := range []string{dir + "/*.yaml", dir + "/*.yml"} {
		m, _ := fs.Glob(fsys, pat)
		names = append(names, m...)
	}
	slices.Sort(names)
	return names
}

// isSampleFile reads the opening comments of a file for the sample marker.
func isSampleFile(fsys fs.FS, name string) bool {
	f, err := fsys.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return IsSample(head[:n])
}

// madeUp finds made-up data that would reach a packet: roles and stories
// still holding a template's placeholders, and, in a workspace that holds
// the user's own files, the example's sample stories, role and candidate.
// The findings have no severity yet: lint.Run gives them their rule's.
func (w *Workspace) madeUp(bank *stories.Bank) []lint.Finding {
	var out []lint.Finding
	roles := w.loadRoles()
	for _, r := range roles {
		for _, key := range []string{"company", "title"} {
			v := map[string]string{"company": r.Company, "title": r.Title}[key]
			if v == rolePlaceholders[key] {
				out = append(out, lint.Finding{Pos: r.Pos[key], Rule: lint.Placeholder,
					Message: fmt.Sprintf("%s is still the template's placeholder %q: write the %s of the job you apply for", key, v, roleWhat[key])})
			}
		}
	}
	if bank != nil {
		for _, st := range bank.Stories() {
			out = append(out, storyPlaceholderFindings(st)...)
		}
	}
	s := w.Samples()
	if !s.Any() || !s.Own {
		return out
	}
	for _, name := range s.Files() {
		what := "story file"
		if path.Dir(name) == RolesDir {
			what = "role"
		}
		out = append(out, lint.Finding{Pos: w.markerPos(name), Rule: lint.SampleData,
			Message: fmt.Sprintf("the example's %s from starpack init --example, beside your own: its made-up text goes into your packets; delete it: rm %s", what, w.Show(name))})
	}
	pos := w.candidatePos()
	values := map[string]string{"name": w.Settings.Candidate.Name, "email": w.Settings.Candidate.Email, "pitch": w.Settings.Candidate.Pitch}
	for _, key := range s.Candidate {
		p, ok := pos[key]
		if !ok {
			p = source.Position{File: w.Show(FileName)}
		}
		out = append(out, lint.Finding{Pos: p, Rule: lint.SampleData,
			Message: fmt.Sprintf("candidate %s %q is the example's made-up candidate: put your own %s here", key, stories.Shorten(values[key], 40), key)})
	}
	return out
}

var roleWhat = map[string]string{"company": "company", "title": "job title"}

// storyPlaceholderFindings finds the fields of a story that still hold
// the story template's text.
func storyPlaceholderFindings(st *stories.Story) []lint.Finding {
	values := map[string]string{"title": st.Title, "situation": st.Situation, "task": st.Task, "action": st.Action, "result": st.Result}
	var out []lint.Finding
	for _, key := range []string{"title", "situation", "task", "action", "result"} {
		if strings.TrimSpace(values[key]) != strings.TrimSpace(storyPlaceholders[key]) {
			continue
		}
		p := st.Pos[key]
		if p.File == "" && st.Project != nil {
			p.File = st.Project.File
		}
		out = append(out, lint.Finding{Pos: p, Rule: lint.Placeholder, Story: st.ID,
			Message: fmt.Sprintf("%s is still the template's placeholder %q: tell your own story", key, stories.Shorten(firstLine(values[key]), 40))})
	}
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

// loadRoles loads every role of the workspace that loads; a role with a
// mistake is reported where it is built or selected.
func (w *Workspace) loadRoles() []*Role {
	ids, _ := w.RoleIDs()
	var roles []*Role
	for _, id := range ids {
		if r, err := w.Role(id); err == nil {
			roles = append(roles, r)
		}
	}
	return roles
}

// markerPos is where a sample file's marker line is.
func (w *Workspace) markerPos(name string) source.Position {
	p := source.Position{File: w.Show(name), Line: 1, Col: 1}
	data, err := fs.ReadFile(w.FS, name)
	if err != nil {
		return p
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), SampleMarker) {
			p.Line = i + 1
			return p
		}
	}
	return p
}

// candidatePos finds where each candidate key's value is in starpack.yaml.
func (w *Workspace) candidatePos() map[string]source.Position {
	pos := map[string]source.Position{}
	data, err := fs.ReadFile(w.FS, FileName)
	if err != nil {
		return pos
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return pos
	}
	cand := topValue(doc.Content[0], "candidate")
	if cand == nil || cand.Kind != yaml.MappingNode {
		return pos
	}
	for i := 0; i+1 < len(cand.Content); i += 2 {
		pos[cand.Content[i].Value] = source.NodePos(w.Show(FileName), cand.Content[i+1])
	}
	return pos
}
