package pdf

import (
	"bytes"
	"testing"
)

func TestLook(t *testing.T) {
	p := workspacePacket(t, "testdata/bank", "acme")
	data, warns := build(t, func(b *bytes.Buffer) ([]string, error) { return Brief(b, p, Options{}) })
	writeArtifact(t, "brief.pdf", data)
	t.Log(warns)
	data, warns = build(t, func(b *bytes.Buffer) ([]string, error) { return CheatSheet(b, p, Options{}) })
	writeArtifact(t, "cheatsheet.pdf", data)
	t.Log(warns)
}
