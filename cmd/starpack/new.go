package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/packet"
	"github.com/starpack/starpack/stories"
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
mistakes. It never overwrites a file, and prints the path it wrote.

The template's text ("Company name", "Job title", "What you had to do.") is
there to be replaced: lint, build and doctor report any left in place.`,
		Example: `  starpack new role acme          # roles/acme.yaml
  starpack new story data-platform`,
		Args: argsOf(2, 2, "starpack new role acme",
			arg{"story|role", "what to make: story (stories/NAME.yaml) or role (roles/NAME.yaml)"},
			arg{"NAME", "the file's name, lower-case words joined by hyphens (acme makes acme.yaml)"}),
		ValidArgs: []string{"story", "role"},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.kind, opts.name = args[0], args[1]
			return a.newRun(cmd, opts)
		},
	}
}

func (a *app) newRun(cmd *cobra.Command, opts *newOptions) error {
	id, err := config.RoleID(opts.name)
	if err != nil || stories.Slug(id) != id {
		return usageError{fmt.Errorf("name %q: use lower-case words joined by hyphens, e.g. %s", opts.name, stories.Slug(id))}
	}
	var kind string
	switch opts.kind {
	case "story":
		kind = config.KindStory
	case "role":
		kind = config.KindRole
		switch id {
		case packet.AllID, packet.RedactedDir: // out/all is the whole bank's packet, out/redacted the redacted copies
			return usageError{fmt.Errorf("a role cannot be called %q: out/%s is the folder of %s; name it after the company, e.g. acme",
				id, id, map[string]string{packet.AllID: "the whole bank's packet (build --all)", packet.RedactedDir: "the redacted copies"}[id])}
		}
	default:
		return usageError{fmt.Errorf("new %q: say what to make: starpack new story NAME, or starpack new role NAME", opts.kind)}
	}
	ws, err := a.openWorkspace(cmd, false)
	if err != nil {
		return err
	}
	file, err := ws.NewFile(kind, id)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.out(), file)
	if kind == config.KindRole {
		fmt.Fprintf(a.note(), "starpack: next: write the company, title and job description in %s, then: starpack build %s\n", file, id)
	} else {
		fmt.Fprintf(a.note(), "starpack: next: write your story over the template's text in %s, then: starpack lint\n", file)
	}
	return nil
}
