package config

// Weights are the tailoring score weights (starpack.yaml `weights:`).
type Weights struct{}
