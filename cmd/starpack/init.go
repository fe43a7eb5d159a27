package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
)

type initOptions struct {
	dir     string
	example bool
}

func newInitCmd(a *app) *cobra.Command {
	opts := &initOptions{dir: "."}
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Make an empty workspace of your own (--example: the sample one)",
		Long: `Init makes a workspace in DIR (default: the current folder), made if missing:
starpack.yaml with your candidate details to fill in, an empty stories/ for
your bank and an empty roles/ for your job applications, and the editor
schemas. Fill it with starpack import and starpack new role.

With --example it makes the sample workspace instead: an example story bank,
an example role and a made-up candidate, ready to build, to see what
starpack makes. Its files say they are sample data; starpack doctor says how
to remove them once you add your own.

Init never overwrites a file; a folder that already holds starpack.yaml is
left alone.`,
		Example: `  starpack init my-prep && cd my-prep && starpack import ~/notes/stories.txt
  starpack init --example demo && cd demo && starpack build`,
		Args: argsOf(0, 1, "starpack init my-prep", arg{"DIR", "the folder to make the workspace in"}),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return a.initRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.example, "example", false, "make the sample workspace: an example bank, role and candidate, ready to build")
	return cmd
}

func (a *app) initRun(opts *initOptions) error {
	files, err := config.Create(opts.dir, opts.dir, opts.example)
	if err != nil {
		return err
	}
	cd := ""
	if filepath.Clean(opts.dir) != "." {
		cd = "cd " + opts.dir + " && "
	}
	if opts.example {
		fmt.Fprintf(a.out(), "made the sample workspace in %s: %d files of sample data (starpack.yaml, stories/, roles/example.yaml)\n", opts.dir, len(files))
		fmt.Fprintf(a.out(), "next: %sstarpack build example\n", cd)
		return nil
	}
	fmt.Fprintf(a.out(), "made an empty workspace in %s: starpack.yaml, stories/, roles/\n", opts.dir)
	fmt.Fprintf(a.out(), "next: %sstarpack import YOUR-NOTES.txt, then starpack new role acme\n", cd)
	return nil
}
