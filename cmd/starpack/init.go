package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/config/schema"
	"github.com/starpack/starpack/stories/source"
)

type initOptions struct {
	dir string
}

func newInitCmd(a *app) *cobra.Command {
	opts := &initOptions{dir: "."}
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Make a workspace with an example story bank and role",
		Long: `Init makes a workspace in DIR (default: the current folder): starpack.yaml,
stories/ with an example bank, and roles/example.yaml. It never overwrites a
file; a folder that already holds starpack.yaml is left alone.`,
		Example: `  starpack init my-prep && cd my-prep && starpack build`,
		Args:    argsUsage(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return a.initRun(opts)
		},
	}
}

func (a *app) initRun(opts *initOptions) error {
	dir := opts.dir
	if _, err := os.Stat(filepath.Join(dir, config.FileName)); err == nil {
		return &source.Error{File: filepath.Join(dir, config.FileName), Msg: "already a workspace",
			Hint: "build it with: starpack build --workspace " + dir}
	}
	example := config.Example()
	// Refuse before writing anything if a file is in the way.
	var files []string
	err := fs.WalkDir(example, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			return &source.Error{File: filepath.Join(dir, p), Msg: "already exists", Hint: "init only makes new files; pick an empty folder"}
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range files {
		data, err := fs.ReadFile(example, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return &source.Error{File: filepath.Dir(target), Msg: "cannot make folder: " + err.Error(), Err: err}
		}
		if err := config.WriteFile(target, data); err != nil {
			return err
		}
	}
	if err := schema.Write(dir); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "made a workspace in %s: %d files (starpack.yaml, stories/, roles/)\n", dir, len(files))
	fmt.Fprintf(a.stdout, "next: cd %s && starpack build example\n", dir)
	return nil
}
