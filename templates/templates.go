// Package templates holds the built-in Markdown templates and loads them,
// with a user's template folder laid over them: a user's file of the same
// name wins.
package templates

import (
	"embed"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"sync"
	"text/template"

	"github.com/starpack/starpack/stories/source"
)

//go:embed *.tmpl
var builtin embed.FS

// Notes is the name of the notes.md template.
const Notes = "notes.md.tmpl"

// Load parses the built-in templates, then the *.tmpl files of user (nil
// for none), so that a user's template replaces the built-in one of the same
// name. display names the user's folder in errors.
func Load(user fs.FS, display string, funcs template.FuncMap) (*template.Template, error) {
	t := template.New("").Funcs(funcs)
	if err := parseAll(t, builtin, "(built-in)"); err != nil {
		return nil, err
	}
	if user != nil {
		if err := parseAll(t, user, display); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func parseAll(t *template.Template, fsys fs.FS, display string) error {
	names, err := fs.Glob(fsys, "*.tmpl")
	if err != nil {
		return err
	}
	if len(names) == 0 && display != "(built-in)" {
		if _, err := fs.Stat(fsys, "."); err != nil {
			return &source.Error{File: display, Msg: "template folder not found", Hint: "fix `templates:` (in starpack.yaml, or STARPACK_TEMPLATES), or leave it out to use the built-in templates", Err: err}
		}
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return &source.Error{File: path.Join(display, name), Msg: "cannot read template", Err: err}
		}
		if err := source.CheckText(path.Join(display, name), data); err != nil {
			return err
		}
		if _, err := t.New(name).Parse(string(data)); err != nil {
			return templateError(path.Join(display, name), err)
		}
	}
	return nil
}

var tmplLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^template: [^:]+:(\d+)(?::(\d+))?: (.*)$`) })

// templateError positions a text/template error in file.
func templateError(file string, err error) error {
	e := &source.Error{File: file, Msg: err.Error(), Err: err,
		Hint: "see the built-in templates in the starpack repository (templates/) for the fields you can use"}
	if m := tmplLine().FindStringSubmatch(err.Error()); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Col, _ = strconv.Atoi(m[2])
		e.Msg = m[3]
	}
	return e
}

// ExecError positions an error from executing template name.
func ExecError(display string, err error) error {
	var ee template.ExecError
	if errors.As(err, &ee) {
		return templateError(path.Join(display, ee.Name), ee.Err)
	}
	return templateError(display, err)
}
