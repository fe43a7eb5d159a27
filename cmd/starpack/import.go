package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/config/importer"
	"github.com/starpack/starpack/stories/source"
)

type importOptions struct {
	files []string
	into  string
	force bool
}

func newImportCmd(a *app) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE...",
		Short: "Turn plain-text story notes or a JSON Resume into story files",
		Long: `Import reads story notes written as plain text and writes one YAML story file
per project into DIR/stories/. DIR is a workspace, made if missing (default:
the current workspace). Every word is kept; text the importer cannot place goes
into a story's notes and is reported. Existing story files are never
overwritten without --force.

A résumé in the JSON Resume format (a .json file, https://jsonresume.org)
gives one project per job and per project, with its highlights as résumé
bullets and no stories yet; its name, email and summary fill in the
candidate of starpack.yaml where the file does not set them.`,
		Example: `  starpack import notes.txt --into my-prep
  starpack import resume.json
  starpack import old-notes.txt --force`,
		Args: argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			return a.importRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.into, "into", "", "workspace folder to import into, made if missing (default: the current workspace)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "overwrite story files that already exist")
	return cmd
}

func (a *app) importRun(cmd *cobra.Command, opts *importOptions) error {
	t, err := importTarget(cmd, opts.into)
	if err != nil {
		return err
	}
	res, err := importer.Import(t, opts.files, opts.force)
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(a.stderr, "starpack: warning: %s\n", w)
	}
	for _, s := range res.Files {
		fmt.Fprintln(a.stdout, "imported "+s)
	}
	if len(res.Set) > 0 {
		fmt.Fprintf(a.stdout, "%s: candidate %s from %s\n", filepath.Join(t.Display, config.FileName), strings.Join(res.Set, ", "), res.Resume)
	}
	for _, k := range res.Kept {
		fmt.Fprintf(a.stderr, "starpack: %s\n", k)
	}
	if res.Resume != "" {
		fmt.Fprintln(a.stdout, "next: add stories under the résumé projects' stories: lists; their highlights show in the brief when a story is picked")
	}
	if t.Fresh {
		fmt.Fprintf(a.stdout, "made a workspace in %s; next: add a role in %s and run starpack build\n", t.Display, filepath.Join(t.Display, config.RolesDir))
	}
	return nil
}

// importTarget is the workspace to import into: --into (made if missing),
// else the current workspace.
func importTarget(cmd *cobra.Command, into string) (importer.Target, error) {
	if into != "" {
		st, err := os.Stat(into)
		switch {
		case err == nil && !st.IsDir():
			return importer.Target{}, &source.Error{File: into, Msg: "is a file, not a folder", Hint: "name a workspace folder with --into"}
		case err == nil:
			_, serr := os.Stat(filepath.Join(into, config.FileName))
			return importer.Target{Dir: into, Display: into, Fresh: serr != nil}, nil
		default:
			return importer.Target{Dir: into, Display: into, Fresh: true}, nil
		}
	}
	cwd, err := os.Getwd()
	if err != nil {
		return importer.Target{}, err
	}
	dir, display, err := config.Locate(config.NewLayers(cmd.Flags()), cwd)
	if errors.Is(err, config.ErrNoWorkspace) {
		return importer.Target{}, &source.Error{Msg: "no workspace to import into (no starpack.yaml in this folder or above)",
			Hint: "name one with --into my-prep (made if missing), or make one with: starpack init my-prep"}
	}
	return importer.Target{Dir: dir, Display: display}, err
}
