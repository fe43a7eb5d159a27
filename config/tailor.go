package config

import "github.com/starpack/starpack/stories"

// Weights are the tailoring score weights (starpack.yaml `weights:`): keys
// question, competency, focus, keyword, number, spread and threshold. Keys
// left out keep their defaults; see stories.Weights for the formula.
type Weights = stories.Weights
