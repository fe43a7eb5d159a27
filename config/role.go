package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
	"github.com/starpack/starpack/stories/tailor"
	"go.yaml.in/yaml/v3"
)

// Role is one job application: roles/<id>.yaml.
type Role struct {
	Company            string            `yaml:"company"`
	Title              string            `yaml:"title"`
	Date               string            `yaml:"date"` // interview date, YYYY-MM-DD
	JobDescription     string            `yaml:"job_description"`
	JobDescriptionFile string            `yaml:"job_description_file"` // relative to the role file
	Focus              []string          `yaml:"focus"`
	Questions          []string          `yaml:"questions"`
	QuestionSet        string            `yaml:"question_set"`
	PerQuestion        int               `yaml:"per_question"`
	Include            []string          `yaml:"include"`
	Exclude            []string          `yaml:"exclude"`
	Redact             map[string]string `yaml:"redact"`
	Rounds             []Round           `yaml:"rounds"` // the interview rounds, in date order
	Ask                []string          `yaml:"ask"`    // questions to ask the interviewer, before the built-in ones

	ID   string `yaml:"-"` // the file name without extension; names the output folder
	File string `yaml:"-"` // where it was loaded from, for messages
	// Pos holds where each field's value starts, keyed by YAML name.
	Pos map[string]source.Position `yaml:"-"`
}

// Request turns the role into what story selection needs, with the
// workspace's synonyms, score weights and speaking model from s (none when
// s is nil). A nil
// role asks for the whole bank, every story under its own question.
func (r *Role) Request(s *Settings) tailor.Request {
	req := tailor.Request{All: true}
	if r != nil {
		req = tailor.Request{
			Questions:      r.Questions,
			Set:            r.QuestionSet,
			Focus:          r.Focus,
			Include:        r.Include,
			Exclude:        r.Exclude,
			PerQuestion:    r.PerQuestion,
			JobDescription: r.JobDescription,
			Company:        r.Company,
			Title:          r.Title,
		}
	}
	if s != nil {
		req.Synonyms, req.Weights, req.Speech = s.Synonyms, s.Weights, s.Speech()
	}
	return req
}

// Locate points an error of story selection about one of the role's
// fields (include:, exclude:, question_set:, per_question:) at the field's
// value in the role file, or at the file when the field is not written.
// Other errors pass unchanged: weights, say, come from starpack.yaml and
// are checked where it is read.
func (r *Role) Locate(err error) error {
	var fe *source.FieldError
	if !errors.As(err, &fe) || !roleFields[fe.Field] {
		return err
	}
	return source.Locate(err, r.File, r.Pos)
}

// roleFields are the YAML names of a role file's fields.
var roleFields = source.FieldNames(Role{})

// ParseRole decodes a role file. file names it in errors; readJD reads a
// job_description_file given relative to the role file's folder (nil when
// the role cannot name one).
func ParseRole(id, file string, data []byte, readJD func(name string) ([]byte, error)) (*Role, error) {
	r := &Role{}
	root, err := source.DecodeYAML(file, data, r)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, &source.Error{File: file, Line: 1, Col: 1, Msg: "empty role file",
			Hint: "a role needs at least company: and title:; starpack new role ID writes one to fill in"}
	}
	r.ID, r.File = id, file
	r.Pos = map[string]source.Position{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i].Value, root.Content[i+1]
		r.Pos[key] = source.NodePos(file, val)
		if val.Kind == yaml.SequenceNode { // each item of a list too: "questions[1]"
			for j, item := range val.Content {
				r.Pos[fmt.Sprintf("%s[%d]", key, j)] = source.NodePos(file, item)
			}
		}
	}
	at := func(key string) source.Position {
		if p, ok := r.Pos[key]; ok {
			return p
		}
		return source.NodePos(file, root)
	}
	if r.Date != "" && !isDate(r.Date) {
		return nil, source.Errorf(at("date"), "write the date as YYYY-MM-DD, e.g. 2026-12-03", "date %q is not a date", r.Date)
	}
	if err := r.parseRounds(file, root); err != nil {
		return nil, err
	}
	if r.PerQuestion < 0 {
		return nil, source.Errorf(at("per_question"), "use a number from 1 up", "per_question must be at least 1")
	}
	if r.JobDescription != "" && r.JobDescriptionFile != "" {
		return nil, source.Errorf(at("job_description_file"), "keep one of the two", "both job_description and job_description_file are set")
	}
	if r.JobDescriptionFile != "" {
		if readJD == nil {
			return nil, source.Errorf(at("job_description_file"), "paste the text under job_description: instead", "job_description_file cannot be read here")
		}
		jd, err := readJD(r.JobDescriptionFile)
		if errors.Is(err, errOutside) {
			return nil, source.Errorf(at("job_description_file"),
				"keep the file in roles/ beside the role file (job_description_file: "+path.Base(r.JobDescriptionFile)+"), or paste its text under job_description:",
				"job_description_file %q is outside the workspace: starpack reads only files inside it", r.JobDescriptionFile)
		}
		if err != nil {
			return nil, source.Errorf(at("job_description_file"), "the path is relative to the role file's folder",
				"cannot read job description %q: %v", r.JobDescriptionFile, unwrapPath(err))
		}
		// Named as the role file's folder has it: roles/jd.txt.
		if err := source.CheckText(path.Join(path.Dir(file), r.JobDescriptionFile), jd); err != nil {
			return nil, err
		}
		r.JobDescription = string(jd)
	}
	return r, nil
}

// CheckQuestions reports role questions and a question set the catalog
// does not know. Unknown questions are allowed (they become custom
// questions) only when written as titles, with a space; a lone word that
// looks like a mistyped id is an error with a did-you-mean.
func (r *Role) CheckQuestions(cat *stories.Catalog) error {
	if r.QuestionSet != "" {
		if _, ok := cat.Set(r.QuestionSet); !ok {
			msg := fmt.Sprintf("unknown question set %q", r.QuestionSet)
			if s := source.Suggest(r.QuestionSet, cat.Sets()); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return source.Errorf(r.Pos["question_set"], "question sets: "+strings.Join(cat.Sets(), ", "), "%s", msg)
		}
	}
	for i, q := range r.Questions {
		if cat.Lookup(q) != nil || strings.ContainsAny(strings.TrimSpace(q), " ?") {
			continue
		}
		msg := fmt.Sprintf("unknown question %q", q)
		if s := source.Suggest(q, cat.IDs()); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		pos, ok := r.Pos[fmt.Sprintf("questions[%d]", i)]
		if !ok {
			pos = r.Pos["questions"]
		}
		return source.Errorf(pos, "use a catalog id ("+strings.Join(cat.IDs(), ", ")+") or write a question of your own as a sentence", "%s", msg)
	}
	return nil
}

// LoadRole reads one role file at name inside fsys.
func LoadRole(fsys fs.FS, prefix, name string) (*Role, error) {
	display := path.Join(prefix, name)
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &source.Error{File: display, Msg: "cannot read role file: " + unwrapPath(err).Error(), Err: err,
			Hint: "roles live in roles/<id>.yaml; list them with: ls roles"}
	}
	id, err := RoleID(path.Base(name))
	var e *source.Error
	if errors.As(err, &e) {
		e.File = display
		return nil, e
	}
	dir := path.Dir(name)
	return ParseRole(id, display, data, func(jd string) ([]byte, error) {
		name := path.Join(dir, filepath.ToSlash(jd))
		if filepath.IsAbs(jd) || path.IsAbs(filepath.ToSlash(jd)) || !fs.ValidPath(name) {
			return nil, errOutside
		}
		return fs.ReadFile(fsys, name)
	})
}

// errOutside says that a file a role names is outside the folder it may
// read from.
var errOutside = errors.New("outside the workspace")

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
