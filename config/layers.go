package config

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/starpack/starpack/stories/source"
)

// Layers are the settings that command-line flags and STARPACK_*
// environment variables set over starpack.yaml: flags first, then the
// environment, then the file, then the defaults. It is the one reader of
// STARPACK_* variables, through one viper instance (never viper's global
// one). Only single values are layered; lists and maps come from the file
// alone, since viper would lower-case their keys.
type Layers struct {
	v     *viper.Viper
	flags *pflag.FlagSet
}

// layered are the settings keys that flags and variables may set, as
// viper names them; the variable is EnvName(key).
var layered = []string{"paper", "out", "templates", "accent", "margins", "candidate.name", "candidate.email", "candidate.pitch"}

// flagKeys are the settings with a command-line flag of the same name (on
// the commands that have it).
var flagKeys = []string{"out"}

// EnvName is the environment variable for a settings key:
// candidate.name is STARPACK_CANDIDATE_NAME.
func EnvName(key string) string {
	return "STARPACK_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// NewLayers reads the layered settings from the environment and from
// flags, the parsed flags of a command (nil for none).
func NewLayers(flags *pflag.FlagSet) *Layers {
	v := viper.New()
	for _, k := range layered {
		_ = v.BindEnv(k, EnvName(k))
	}
	_ = v.BindEnv("workspace", EnvName("workspace"))
	if flags != nil {
		for _, k := range flagKeys {
			if f := flags.Lookup(k); f != nil {
				_ = v.BindPFlag(k, f)
			}
		}
	}
	return &Layers{v: v, flags: flags}
}

// workspace returns the workspace folder named by --workspace and by
// STARPACK_WORKSPACE ("" when not named).
func (l *Layers) workspace() (flag, env string) {
	if l.flags != nil {
		if f := l.flags.Lookup("workspace"); f != nil && f.Changed {
			flag = f.Value.String()
		}
	}
	return flag, l.v.GetString("workspace")
}

// apply sets over s the settings that flags and variables give, and
// reports whether out was among them (a layered out is relative to the
// current folder, not to the workspace). It checks the result: a bad value
// from a flag or variable is an error saying where settings come from.
func (l *Layers) apply(s *Settings) (outLayered bool, err error) {
	str := map[string]*string{
		"paper":           &s.Paper,
		"out":             &s.Out,
		"templates":       &s.Templates,
		"accent":          &s.Accent,
		"candidate.name":  &s.Candidate.Name,
		"candidate.email": &s.Candidate.Email,
		"candidate.pitch": &s.Candidate.Pitch,
	}
	for key, p := range str {
		if l.v.IsSet(key) {
			*p = l.v.GetString(key)
		}
	}
	if l.v.IsSet("margins") {
		m := l.v.GetString("margins")
		f, err := strconv.ParseFloat(m, 64)
		if err != nil {
			return false, &source.Error{Msg: fmt.Sprintf("%s=%q is not a number", EnvName("margins"), m), Hint: "margins are in millimetres, e.g. 18"}
		}
		s.Margins = f
	}
	if err := s.Check(); err != nil {
		var fe *source.FieldError
		if errors.As(err, &fe) {
			return false, &source.Error{Msg: l.origin(fe.Field) + ": " + fe.Msg, Hint: fe.Hint, Err: err}
		}
		return false, err
	}
	return l.v.IsSet("out"), nil
}

// origin names where the setting key came from for a message: its flag or
// its variable when one of them set it, else every place settings come
// from.
func (l *Layers) origin(key string) string {
	if l.flags != nil {
		if f := l.flags.Lookup(key); f != nil && f.Changed {
			return "--" + key
		}
	}
	if v, ok := os.LookupEnv(EnvName(key)); ok && key != "" {
		return fmt.Sprintf("%s=%q", EnvName(key), v)
	}
	return "settings (flags, STARPACK_* or starpack.yaml)"
}
