package config

// LintSettings switch lint rules off or change their severity
// (starpack.yaml `lint:`).
type LintSettings struct{}
