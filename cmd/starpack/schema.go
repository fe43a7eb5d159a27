package main

import (
	"bytes"
	"os"
	"path/filepath"

	"github.com/starpack/starpack/config/schema"
	"github.com/starpack/starpack/stories/source"
)

// writeSchemas writes the JSON Schemas of the workspace's files into
// dir/.starpack/schema/, where the `# yaml-language-server: $schema=` line
// of every file starpack writes points. The folder is starpack's own: a
// schema that is missing or from another version is (re)written.
func writeSchemas(dir string) error {
	target := filepath.Join(dir, filepath.FromSlash(schema.Dir))
	for _, name := range schema.Names {
		data, err := schema.File(name)
		if err != nil {
			return err
		}
		path := filepath.Join(target, name+".json")
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.MkdirAll(target, 0o755); err != nil {
			return &source.Error{File: target, Msg: "cannot make the folder: " + err.Error(), Err: err}
		}
		if err := writeAtomic(path, data); err != nil {
			return err
		}
	}
	return nil
}
