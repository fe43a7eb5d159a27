package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/config/importer"
	"github.com/starpack/starpack/stories"
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
per project into DIR/stories/. DIR is a workspace, made if missing as an empty
workspace of your own (default: the current workspace); roles/ is made too when
missing. Every word is kept; text the importer cannot place goes into a story's
notes and is reported. Existing story files are never overwritten without
--force. Imported beside the sample workspace's files (starpack init
--example), it says so and how to remove them.

A résumé in the JSON Resume format (a .json file, https://jsonresume.org)
gives one project per job and per project, with its highlights as résumé
bullets and no stories yet; its name, email and summary fill in the
candidate of starpack.yaml where it is empty or the sample's made-up one.`,
		Example: `  starpack import notes.txt --into my-prep
  starpack import resume.json
  starpack import old-notes.txt --force`,
		Args: argsOf(1, -1, "starpack import ~/notes/stories.txt", arg{"FILE", "the plain-text story notes or JSON Resume (.json) to import"}),
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
	a.importWarnings(res.Warnings)
	for _, f := range res.Files {
		fmt.Fprintf(a.out(), "imported %s: %s, %s -> %s\n", f.Name, stories.Count(f.Projects, "project", "projects"),
			stories.Count(f.Stories, "story", "stories"), writtenFiles(f.Written, res.Folder))
	}
	if len(res.Set) > 0 {
		fmt.Fprintf(a.out(), "%s: candidate %s from %s\n", filepath.Join(t.Display, config.FileName), strings.Join(res.Set, ", "), res.Resume)
	}
	for _, n := range slices.Concat(res.Replaced, res.Kept) {
		fmt.Fprintf(a.note(), "starpack: %s\n", n)
	}
	if res.Removal != "" {
		fmt.Fprintf(a.note(), "starpack: %s also holds the example's sample data (from starpack init --example); it would go into your packets\n", workspaceName(t.Display))
		fmt.Fprintf(a.note(), "hint: remove it: %s\n", res.Removal)
	}
	if res.Resume != "" {
		fmt.Fprintln(a.out(), "next: add stories under the résumé projects' stories: lists; their highlights show in the brief when a story is picked")
	}
	if t.Fresh {
		fmt.Fprintf(a.out(), "made a workspace in %s; next: add a role with starpack new role acme (in %s) and run starpack build\n", t.Display, t.Display)
	}
	return nil
}

// maxListed is how many story files an import names; past it, it gives
// their number and folder: a large bank is thousands of files.
const maxListed = 4

// writtenFiles names the story files an import wrote, or their number
// and folder when there are many.
func writtenFiles(files []string, folder string) string {
	if len(files) <= maxListed {
		return strings.Join(files, ", ")
	}
	return fmt.Sprintf("%d story files in %s", len(files), folder)
}

// maxImportWarnings is how many import warnings are printed in full.
const maxImportWarnings = 10

// importWarnings prints the first warnings, and how many more there were.
func (a *app) importWarnings(ws []string) {
	for i, w := range ws {
		if i == maxImportWarnings {
			fmt.Fprintf(a.note(), "starpack: ... and %d more warnings like these: the text is kept in the stories' notes\n", len(ws)-i)
			break
		}
		fmt.Fprintf(a.note(), "starpack: warning: %s\n", w)
	}
}

// workspaceName names a workspace folder in a sentence.
func workspaceName(display string) string {
	if display == "" {
		return "this workspace"
	}
	return display
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
