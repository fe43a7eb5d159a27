package config

import (
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/starpack/starpack/stories"
	"github.com/starpack/starpack/stories/source"
)

// Speaking is the speaking-time model of every output and of lint's length
// rule (starpack.yaml `speaking:`): the rate, and the window each kind of
// answer should fit in, as m:ss.
//
//	speaking:
//	  words_per_minute: 150
//	  star:  {min: "1:30", max: "2:00"}   # STAR stories (and failures)
//	  short: {min: "0:20", max: "0:45"}   # short answers: what you learned, enjoyed most
type Speaking struct {
	WordsPerMinute int         `yaml:"words_per_minute"`
	STAR           SpeakWindow `yaml:"star"`
	Short          SpeakWindow `yaml:"short"`
	pos            map[string]source.Position
}

// SpeakWindow is a window as written: m:ss or whole seconds.
type SpeakWindow struct {
	Min string `yaml:"min"`
	Max string `yaml:"max"`
}

// The speaking rates starpack accepts.
const (
	MinWordsPerMinute = 60
	MaxWordsPerMinute = 300
)

// UnmarshalYAML decodes the settings and remembers where each value is.
func (sp *Speaking) UnmarshalYAML(n *yaml.Node) error {
	type plain Speaking
	if err := n.Decode((*plain)(sp)); err != nil {
		return err
	}
	sp.pos = map[string]source.Position{}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		sp.pos[k.Value] = source.Position{Line: v.Line, Col: v.Column}
		if v.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(v.Content); j += 2 {
				sp.pos[k.Value+"."+v.Content[j].Value] = source.Position{Line: v.Content[j+1].Line, Col: v.Content[j+1].Column}
			}
		}
	}
	return nil
}

// Check validates the speaking settings. Errors name the key first
// (`speaking: ...`) and carry the position of the bad value when known.
func (sp *Speaking) Check() error {
	errAt := func(key, hint, format string, args ...any) error {
		msg := "speaking: " + fmt.Sprintf(format, args...)
		if p, ok := sp.pos[key]; ok {
			return &source.Error{Line: p.Line, Col: p.Col, Msg: msg, Hint: hint}
		}
		return &source.FieldError{Field: "speaking", Msg: msg, Hint: hint}
	}
	if r := sp.WordsPerMinute; r != 0 && (r < MinWordsPerMinute || r > MaxWordsPerMinute) {
		return errAt("words_per_minute", "people speak about 150 words a minute",
			"words_per_minute must be between %d and %d, not %d", MinWordsPerMinute, MaxWordsPerMinute, r)
	}
	for _, w := range []struct {
		key string
		win SpeakWindow
		def stories.Window
	}{{"star", sp.STAR, stories.DefaultSTARWindow}, {"short", sp.Short, stories.DefaultShortWindow}} {
		if _, at, err := w.win.window(w.def); err != nil {
			return errAt(w.key+"."+at, fmt.Sprintf(`write the window as m:ss, for example: %s: {min: "%s", max: "%s"}`,
				w.key, stories.Clock(w.def.Min), stories.Clock(w.def.Max)), "%s: %v", w.key, err)
		}
	}
	return nil
}

// maxWindow is the longest answer a window may allow.
const maxWindow = 10 * time.Minute

// window reads the window over the default def; on a mistake it says
// which key is wrong (min or max).
func (w SpeakWindow) window(def stories.Window) (stories.Window, string, error) {
	out := def
	var err error
	if w.Min != "" {
		if out.Min, err = stories.ParseClock(w.Min); err != nil {
			return def, "min", err
		}
	}
	if w.Max != "" {
		if out.Max, err = stories.ParseClock(w.Max); err != nil {
			return def, "max", err
		}
	}
	switch {
	case out.Max > maxWindow:
		return def, "max", fmt.Errorf("max %s is longer than %s", stories.Clock(out.Max), stories.Clock(maxWindow))
	case out.Min >= out.Max:
		at := "min"
		if w.Min == "" {
			at = "max"
		}
		return def, at, fmt.Errorf("min %s must be below max %s", stories.Clock(out.Min), stories.Clock(out.Max))
	}
	return out, "", nil
}

// Speech returns the speaking-time model of the settings: `speaking:`, with
// the older `lint: words_per_minute` as the rate when `speaking:` sets
// none. Call it on checked settings.
func (s *Settings) Speech() stories.Speech {
	sp := stories.DefaultSpeech()
	if s.Speaking.WordsPerMinute > 0 {
		sp.WordsPerMinute = s.Speaking.WordsPerMinute
	} else if s.Lint.WordsPerMinute > 0 {
		sp.WordsPerMinute = s.Lint.WordsPerMinute
	}
	sp.STAR, _, _ = s.Speaking.STAR.window(sp.STAR)
	sp.Short, _, _ = s.Speaking.Short.window(sp.Short)
	return sp
}
