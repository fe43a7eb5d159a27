package packet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"text/template"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/export/markdown"
	"github.com/starpack/starpack/export/pdf"
	"github.com/starpack/starpack/stories/source"
)

// Assets are what the renderers of every packet of a build share, loaded
// once: the notes template (the user's laid over the built-in one) and the
// PDF layout settings and fallback fonts.
type Assets struct {
	Notes *template.Template
	PDF   pdf.Options
}

// maxFontSize is the largest fallback font starpack reads (CJK fonts run
// to tens of megabytes).
const maxFontSize = 64 << 20

// loadAssets loads the templates, and the fonts when a PDF is among outs.
func loadAssets(ws *config.Workspace, outs []Output) (*Assets, error) {
	a := &Assets{}
	var err error
	if t := ws.Settings.Templates; t != "" {
		a.Notes, err = markdown.Load(os.DirFS(ws.Path(t)), filepath.Join(ws.Display, t))
	} else {
		a.Notes, err = markdown.Load(nil, "")
	}
	if err != nil {
		return nil, err
	}
	for _, o := range outs {
		if filepath.Ext(o.File) == ".pdf" {
			a.PDF, err = pdfOptions(ws)
			break
		}
	}
	return a, err
}

// pdfOptions gathers the PDF settings of a workspace: margins, accent
// colour and the fallback fonts, read and checked once per build. A font
// that cannot be read or is not a usable TrueType font is an error pointing
// at its line in starpack.yaml.
func pdfOptions(ws *config.Workspace) (pdf.Options, error) {
	s := &ws.Settings
	opt := pdf.Options{Margins: s.Margins, Accent: s.Accent, TopPerQuestion: s.Brief.StoriesPerQuestion}
	for i, name := range s.Fonts.Fallback {
		pos := source.Position{File: ws.Show(config.FileName)}
		if i < len(s.Fonts.FallbackPos) && s.Fonts.FallbackPos[i].Line > 0 {
			pos = s.Fonts.FallbackPos[i]
		}
		shown := ws.Path(name)
		data, err := readFont(ws, name)
		if err != nil {
			return opt, source.Errorf(pos, "fonts.fallback paths are relative to the workspace folder",
				"fonts.fallback: cannot read %s: %v", shown, err)
		}
		if err := pdf.CheckFont(data); err != nil {
			return opt, source.Errorf(pos, "use a TrueType font (.ttf), e.g. Noto Sans SC or DejaVu Sans",
				"fonts.fallback: %s is not a usable font: %v", shown, err)
		}
		opt.Fallback = append(opt.Fallback, data)
	}
	return opt, nil
}

// readFont reads a font named in the settings, relative to the workspace.
func readFont(ws *config.Workspace, name string) ([]byte, error) {
	var (
		st  fs.FileInfo
		err error
		rd  func() ([]byte, error)
	)
	if ws.Embedded() && !filepath.IsAbs(name) {
		st, err = fs.Stat(ws.FS, filepath.ToSlash(filepath.Clean(name)))
		rd = func() ([]byte, error) { return fs.ReadFile(ws.FS, filepath.ToSlash(filepath.Clean(name))) }
	} else {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(ws.Dir, p)
		}
		st, err = os.Stat(p)
		rd = func() ([]byte, error) { return os.ReadFile(p) }
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("no such file")
	case err != nil:
		return nil, bare(err)
	case st.IsDir():
		return nil, errors.New("it is a folder")
	case st.Size() > maxFontSize:
		return nil, fmt.Errorf("the file is %s bytes; starpack reads fonts of up to %s bytes (%s)", source.Bytes(st.Size()), source.Bytes(maxFontSize), source.MiB(maxFontSize))
	}
	data, err := rd()
	if err != nil {
		return nil, bare(err)
	}
	return data, nil
}

// bare drops the path a file error repeats: messages name the file already.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
