package config

import "github.com/starpack/starpack/stories"

// Weights are the tailoring score weights (starpack.yaml `weights:`): keys
// question, competency, focus, keyword, number, spread and threshold. Keys
// left out keep their defaults; see stories.Weights for the formula.
type Weights = stories.Weights

// Tailor returns req with the workspace's synonyms and score weights.
func (s *Settings) Tailor(req stories.Request) stories.Request {
	req.Synonyms = s.Synonyms
	req.Weights = s.Weights
	return req
}
