package schema_test

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/config/schema"
	"github.com/starpack/starpack/internal/golden"
	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/plaintext"
)

// TestGenerated regenerates each schema from the Go types and compares it
// with the committed (embedded) copy.
func TestGenerated(t *testing.T) {
	for _, name := range schema.Names {
		t.Run(name, func(t *testing.T) {
			got, err := schema.Generate(name)
			if err != nil {
				t.Fatal(err)
			}
			file := name + ".json"
			golden.Check(t, file, got)
			if golden.Updating() {
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			embedded, err := schema.File(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(embedded, want) {
				t.Errorf("embedded %s differs from the file", file)
			}
		})
	}
}

func compile(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for _, name := range schema.Names {
		data, err := schema.File(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		url := "https://starpack.dev/schema/" + name + ".json"
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		if out[name], err = c.Compile(url); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// validate reads YAML as editors do (YAML to JSON) and validates it.
func validate(s *jsonschema.Schema, data []byte) error {
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return err
	}
	if v == nil {
		v = map[string]any{}
	}
	js, err := json.Marshal(v)
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return err
	}
	return s.Validate(doc)
}

// kindOf says which schema a workspace file follows.
func kindOf(name string) string {
	switch {
	case name == config.FileName:
		return schema.Settings
	case strings.HasPrefix(name, "stories/"):
		return schema.Story
	case strings.HasPrefix(name, config.RolesDir+"/"):
		return schema.Role
	}
	return ""
}

// TestWorkspacesValidate checks that every file of the example workspace
// and of the test workspaces, which starpack loads, passes its schema.
func TestWorkspacesValidate(t *testing.T) {
	schemas := compile(t)
	spaces := map[string]fs.FS{"example": config.Example()}
	for _, dir := range []string{"notes", "select"} {
		spaces[dir] = os.DirFS(filepath.Join("..", "..", "testdata", dir))
	}
	for name, fsys := range spaces {
		n := 0
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || kindOf(p) == "" || (path.Ext(p) != ".yaml" && path.Ext(p) != ".yml") {
				return err
			}
			n++
			t.Run(name+"/"+p, func(t *testing.T) {
				data, err := fs.ReadFile(fsys, p)
				if err != nil {
					t.Fatal(err)
				}
				if err := validate(schemas[kindOf(p)], data); err != nil {
					t.Errorf("%s/%s: %v", name, p, err)
				}
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n < 2 {
			t.Errorf("%s: only %d files checked", name, n)
		}
	}
}

// TestImportedValidates checks the story files the importer writes for the
// real bank, and a résumé project with highlights and no stories.
func TestImportedValidates(t *testing.T) {
	schemas := compile(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "import", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := plaintext.Parse("seed.txt", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	projects := append(res.Projects, &stories.Project{Project: "Data platform", Company: "Acme", When: "2019-2021",
		Highlights: []string{"Cut costs by 40%"}})
	for _, p := range projects {
		t.Run(p.Project, func(t *testing.T) {
			out, err := stories.MarshalProject(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(schemas[schema.Story], out); err != nil {
				t.Errorf("%v\n%s", err, out)
			}
		})
	}
}

// TestMistakesFail checks that the schemas reject what the loader rejects.
func TestMistakesFail(t *testing.T) {
	schemas := compile(t)
	tests := []struct {
		name, kind, yaml string
	}{
		{"unknown story field", schema.Story, "project: P\nstories:\n  - question: conflict\n    situaton: typo\n"},
		{"unknown project field", schema.Story, "project: P\nsumary: x\nstories: []\n"},
		{"missing project", schema.Story, "stories: []\n"},
		{"story without question", schema.Story, "project: P\nstories:\n  - id: x\n"},
		{"stories not a list", schema.Story, "project: P\nstories: one\n"},
		{"unknown role field", schema.Role, "company: Acme\ntitel: Engineer\n"},
		{"per_question not a number", schema.Role, "company: Acme\nper_question: two\n"},
		{"unknown settings key", schema.Settings, "papr: A4\n"},
		{"unknown candidate key", schema.Settings, "candidate: {name: Sam, phone: 1}\n"},
		{"weights key", schema.Settings, "weights: {questoin: 2}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := validate(schemas[tt.kind], []byte(tt.yaml)); err == nil {
				t.Errorf("%s validates:\n%s", tt.kind, tt.yaml)
			}
		})
	}
}

func TestPath(t *testing.T) {
	tests := []struct{ name, rel, want string }{
		{schema.Settings, "starpack.yaml", ".starpack/schema/settings.json"},
		{schema.Story, "stories/x.yaml", "../.starpack/schema/story.json"},
		{schema.Role, "roles/acme.yaml", "../.starpack/schema/role.json"},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			if got := schema.Path(tt.name, tt.rel); got != tt.want {
				t.Errorf("Path(%q, %q) = %q, want %q", tt.name, tt.rel, got, tt.want)
			}
		})
	}
	if got := schema.Path(schema.Story, "stories/x.yaml"); got != stories.SchemaPath {
		t.Errorf("stories.SchemaPath = %q, want %q", stories.SchemaPath, got)
	}
}
