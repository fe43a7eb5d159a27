package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/config/schema"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

type newOptions struct {
	kind string // story or role
	name string
}

func newNewCmd(a *app) *cobra.Command {
	opts := &newOptions{}
	return &cobra.Command{
		Use:   "new story|role NAME",
		Short: "Start a story file or a role file from a commented template",
		Long: `New writes a commented file to fill in: stories/NAME.yaml with one example
story, or roles/NAME.yaml with every key explained. Its first line points
editors at the workspace's JSON Schema, so they complete keys and underline
mistakes. It never overwrites a file, and prints the path it wrote.`,
		Example: `  starpack new role acme          # roles/acme.yaml
  starpack new story data-platform`,
		Args:      argsUsage(cobra.ExactArgs(2)),
		ValidArgs: []string{"story", "role"},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.kind, opts.name = args[0], args[1]
			return a.newRun(cmd, opts)
		},
	}
}

func (a *app) newRun(cmd *cobra.Command, opts *newOptions) error {
	kind, name := opts.kind, opts.name
	var folder, body, schemaName string
	id, err := config.RoleID(name)
	if err != nil || stories.Slug(id) != id {
		return usageError{fmt.Errorf("name %q: use lower-case words joined by hyphens, e.g. %s", name, stories.Slug(id))}
	}
	switch kind {
	case "story":
		folder, body, schemaName = config.StoriesDir, fmt.Sprintf(storyTemplate, id, id), schema.Story
	case "role":
		folder, body, schemaName = config.RolesDir, fmt.Sprintf(roleTemplate, id, id), schema.Role
	default:
		return usageError{fmt.Errorf("new %q: say what to make: starpack new story NAME, or starpack new role NAME", kind)}
	}
	ws, err := a.openWorkspace(cmd, false)
	if err != nil {
		return err
	}
	rel := folder + "/" + id + ".yaml"
	path := filepath.Join(ws.Dir, filepath.FromSlash(rel))
	display := filepath.Join(ws.Display, filepath.FromSlash(rel))
	for _, ext := range []string{".yaml", ".yml"} {
		if _, err := os.Stat(strings.TrimSuffix(path, ".yaml") + ext); err == nil {
			return &source.Error{File: strings.TrimSuffix(display, ".yaml") + ext, Msg: "already exists",
				Hint: "new never overwrites; pick another name or edit the file"}
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return &source.Error{File: filepath.Dir(display), Msg: "cannot make the folder: " + err.Error(), Err: err}
	}
	// O_EXCL: a file that appeared since the check is still not replaced.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return &source.Error{File: display, Msg: "cannot write: " + err.Error(), Err: err}
	}
	_, err = f.WriteString(schema.Line(schemaName, rel) + body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return &source.Error{File: display, Msg: "cannot write: " + err.Error(), Err: err}
	}
	if err := schema.Write(ws.Dir); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, display)
	return nil
}

// storyTemplate is a story file with one example story; %s is the name.
const storyTemplate = `# A story file: one project and the interview stories it gave.
# Text may use "- " bullets, "1. " numbered points and **bold**.
project: %s                 # the project's name
# company: Acme               # optional
# when: 2021-2023             # optional
# summary: One or two sentences about the project.
# tags: [streaming, ownership]  # matched against a role's focus
# highlights:                 # résumé bullets, listed in the brief
#   - Cut the nightly batch from 6 hours to 40 minutes
stories:
  - id: %s.most-challenging   # unique in the bank
    question: most-challenging   # a catalog id (see starpack select), or a title of your own
    title: The hardest part, in a few words   # the cue on the cheat sheet
    situation: Where you were and what was at stake.
    task: What you had to do.
    action: |
      - What you did, step by step
      - Say "I", not "we"
    result: What came of it, with a number if you have one (**40%% faster**).
    # notes: free lines for answers that are not STAR (what you learned)
    # tags: [design]
`

// roleTemplate is a role file with every key explained; %s is the id.
const roleTemplate = `# A role is one job application. Its file name (%s) names the packet
# folder: out/%s/. Only company and title are needed; the rest is optional.
company: Company name
title: Job title
# date: 2026-12-03              # interview date, YYYY-MM-DD
# job_description: |            # paste it: its keywords steer which stories are picked
#   We are looking for...
# job_description_file: jd.txt  # or keep it in a file beside this one
# focus: [streaming, ownership] # tags or words that matter for this role
# questions: [most-challenging, conflict, failure]   # default: the catalog, or the set
# question_set: grid            # a built-in set, e.g. grid or amazon-lp
# per_question: 1               # stories per question
# include: []                   # story ids forced in
# exclude: []                   # story ids left out
# redact: {"Toronto": "a major city"}   # added to starpack.yaml's rules for --redact
# rounds:                       # the interview rounds, in date order (build --round N)
#   - {date: 2026-12-03T10:00, kind: phone screen, with: [recruiter]}
#   - {date: 2026-12-10T14:00, kind: hiring manager, with: [Dana], duration: 45m, notes: Ask about on-call}
`
