package config

import (
	"errors"
	"strings"

	"github.com/starpack/starpack/stories/source"
	"github.com/starpack/starpack/stories/tailor"
)

// Weights are the tailoring score weights (starpack.yaml `weights:`): keys
// question, competency, focus, keyword, number, spread and threshold. Keys
// left out keep their defaults; see tailor.Weights for the formula.
type Weights = tailor.Weights

// Tailor returns req with the workspace's synonyms and score weights.
func (s *Settings) Tailor(req tailor.Request) tailor.Request {
	req.Synonyms = s.Synonyms
	req.Weights = s.Weights
	return req
}

// Locate points an error of story selection for this role at the role
// file: at its include:, exclude:, question_set: or per_question: value when the error is
// about one of them, else at the file. Errors that already name a file,
// and errors about weights (a setting, not the role's), pass unchanged.
func (r *Role) Locate(err error) error {
	var e *source.Error
	if !errors.As(err, &e) || e.File != "" || strings.HasPrefix(e.Msg, "weights:") {
		return err // weights come from starpack.yaml, checked when it is read
	}
	e.File = r.File
	key := ""
	switch {
	case strings.HasPrefix(e.Msg, "include "), strings.HasPrefix(e.Msg, "story ") && strings.Contains(e.Msg, "both included and excluded"):
		key = "include"
	case strings.HasPrefix(e.Msg, "exclude "):
		key = "exclude"
	case strings.HasPrefix(e.Msg, "unknown question set"):
		key = "question_set"
	case strings.HasPrefix(e.Msg, "per_question "):
		key = "per_question"
	}
	if p, ok := r.Pos[key]; ok {
		e.Line, e.Col = p.Line, p.Col
	}
	return err
}
