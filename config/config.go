// Package config holds a workspace's settings (starpack.yaml) and its
// roles (roles/*.yaml, one per job application), how they are found and
// loaded, and the embedded example workspace.
//
// Every mistake in a user's file is a *stories.Error with file, line and
// column.
package config

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories"
)

// FileName is the settings file that marks a workspace.
const FileName = "starpack.yaml"

// Settings is starpack.yaml. Every key has a default; an empty file is valid.
type Settings struct {
	Candidate Candidate          `yaml:"candidate"`
	Paper     string             `yaml:"paper"`
	Fonts     Fonts              `yaml:"fonts"`
	Templates string             `yaml:"templates"`
	Questions []stories.Question `yaml:"questions"`
	Redact    map[string]string  `yaml:"redact"`
	Out       string             `yaml:"out"`

	// PDF layout: margins in millimetres, accent colour as #RRGGBB.
	Margins float64 `yaml:"margins"`
	Accent  string  `yaml:"accent"`

	// Tailoring: score weights and synonyms for job-description words.
	Weights  Weights             `yaml:"weights"`
	Synonyms map[string][]string `yaml:"synonyms"`

	// Lint: rule settings and the personal dictionary.
	Lint       LintSettings `yaml:"lint"`
	Dictionary []string     `yaml:"dictionary"`
}

// Candidate is the person the packets are for.
type Candidate struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
	Pitch string `yaml:"pitch"` // the "tell me about yourself" answer
}

// Fonts names extra TrueType fonts for characters the built-in fonts lack.
type Fonts struct {
	Fallback []string `yaml:"fallback"`
}

// Defaults returns the settings of an empty starpack.yaml.
func Defaults() Settings {
	return Settings{Paper: "A4", Out: "out", Margins: 18, Accent: "#1F4E79"}
}

// Papers are the paper sizes starpack prints on.
var Papers = []string{"A4", "Letter"}

// ParseSettings decodes starpack.yaml over the defaults and checks it.
func ParseSettings(file string, data []byte) (Settings, error) {
	s := Defaults()
	root, err := stories.DecodeYAML(file, data, &s)
	if err != nil {
		return s, err
	}
	if err := s.Check(); err != nil {
		if e, ok := err.(*stories.Error); ok {
			e.File = file
			if p := keyPos(root, e.Msg); p.Line > 0 {
				e.Line, e.Col = p.Line, p.Col
			}
		}
		return s, err
	}
	return s, nil
}

// Check validates setting values (not their syntax). Errors name the key
// first, as in `paper: ...`.
func (s *Settings) Check() error {
	if p := normalPaper(s.Paper); p != "" {
		s.Paper = p
	} else {
		return &stories.Error{Msg: fmt.Sprintf("paper: unknown paper size %q", s.Paper), Hint: "use A4 or Letter"}
	}
	for i, q := range s.Questions {
		if strings.TrimSpace(q.ID) == "" || strings.TrimSpace(q.Title) == "" {
			return &stories.Error{Msg: fmt.Sprintf("questions: question %d needs an id and a title", i+1),
				Hint: "for example: {id: leadership, title: Leading without authority, ask: \"Tell me about a time you led...\"}"}
		}
		if stories.Slug(q.ID) != q.ID {
			return &stories.Error{Msg: fmt.Sprintf("questions: id %q must be lower-case words joined by hyphens", q.ID),
				Hint: fmt.Sprintf("use id: %s", stories.Slug(q.ID))}
		}
	}
	for term := range s.Redact {
		if strings.TrimSpace(term) == "" {
			return &stories.Error{Msg: "redact: empty term", Hint: "each rule is `term: replacement`"}
		}
	}
	return nil
}

func normalPaper(p string) string {
	for _, known := range Papers {
		if strings.EqualFold(p, known) {
			return known
		}
	}
	return ""
}

// keyPos finds the value position of the top-level key a message starts with.
func keyPos(root *yaml.Node, msg string) stories.Position {
	key, _, _ := strings.Cut(msg, ":")
	if root == nil || root.Kind != yaml.MappingNode {
		return stories.Position{}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			v := root.Content[i+1]
			return stories.Position{Line: v.Line, Col: v.Column}
		}
	}
	return stories.Position{}
}

// Catalog returns the built-in question catalog with the workspace's own
// questions added.
func (s *Settings) Catalog() *stories.Catalog {
	return stories.NewCatalog(s.Questions...)
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// readFile reads a user file, with a positioned error when it cannot.
func readFile(display, path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &stories.Error{File: display, Msg: "cannot read file: " + strings.TrimPrefix(err.Error(), "stat "+path+": "),
			Hint: "check the path", Err: err}
	}
	if st.IsDir() {
		return nil, &stories.Error{File: display, Msg: "is a folder, not a file", Hint: "name a file"}
	}
	if st.Size() > stories.MaxFileSize {
		return nil, &stories.Error{File: display, Msg: fmt.Sprintf("file is %d MB, more than the %d MB starpack reads", st.Size()>>20, stories.MaxFileSize>>20),
			Hint: "split it into smaller files"}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &stories.Error{File: display, Msg: "cannot read file", Hint: "check its permissions", Err: err}
	}
	return data, nil
}
