package lint

// Made-up data: text no one should read in a packet as the candidate's
// own. The placeholder rule finds what starpack's templates wrote to be
// replaced ("Company name"); the sample-data rule finds the example
// workspace's stories, role and candidate left beside the user's own. Both
// need what only the workspace knows (roles, settings, which files came
// from `starpack init --example`), so the workspace finds them and hands
// them to Run in Config.Workspace.

// workspace adds the findings the caller made about the workspace, each
// with its rule's severity and hint (none when the rule is off).
func (l *linter) workspace(fs []Finding) {
	for _, f := range fs {
		sev := l.cfg.severity(f.Rule)
		if sev == Off {
			continue
		}
		r, _ := RuleByID(f.Rule)
		f.Severity = sev
		if f.Hint == "" {
			f.Hint = r.Hint
		}
		l.out = append(l.out, f)
	}
}
