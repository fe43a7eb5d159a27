package packet

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/starpack/starpack/config"
	"github.com/starpack/starpack/stories/source"
)

// A packet folder is replaced whole. Its files are written (each renderer
// streaming into its own) into a staging folder beside it,
// .<name>.staging-<pid>-<random>, with the files of the
// previous packet that this build does not write (--only) linked in, and
// a manifest; then the staging folder and the packet folder swap places
// in one step (renameat2 with RENAME_EXCHANGE on Linux; elsewhere two
// renames, the old folder parked as .<name>.old-<pid>-<random> in
// between). A kill at any instant leaves the whole old packet or the
// whole new one; the next build puts a parked folder back if the kill
// came between the two renames, and removes what killed runs left.

// RedactedDir is the folder, inside the output folder, of the redacted
// copies: out/redacted/<label>/. A redacted build never writes the
// private packet's folder.
const RedactedDir = "redacted"

// Dir returns the folder of the packet id (a role id or AllID) in out,
// out/<id>, or of its redacted copy, out/redacted/<label> when label is
// set, and makes the folder that holds it. It refuses ids that would lead
// out of the output folder and packet folders that are links.
func Dir(out, id, label string) (string, error) {
	if id != AllID {
		if _, err := config.RoleID(id); err != nil {
			return "", &source.Error{Msg: fmt.Sprintf("role id %q cannot name an output folder", id),
				Hint: "rename the role file to a plain name such as acme.yaml"}
		}
	}
	if id == RedactedDir && label == "" {
		return "", &source.Error{File: filepath.Join(out, id), Msg: fmt.Sprintf("role id %q names the folder of redacted copies", id),
			Hint: fmt.Sprintf("rename roles/%s.yaml (after the company, say); its feedback file, feedback/%s.yaml, goes with it", id, id)}
	}
	parent, name := out, id
	if label != "" {
		parent, name = filepath.Join(out, RedactedDir), label
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", &source.Error{File: parent, Msg: "cannot make the output folder: " + bare(err).Error(), Err: err, Hint: "check the --out folder and its permissions"}
	}
	dir := filepath.Join(parent, name)
	// A symlink inside out/ must not lead the packet elsewhere.
	for _, p := range []string{parent, dir} {
		st, err := os.Lstat(p)
		if err == nil && st.Mode()&fs.ModeSymlink != 0 && p != out {
			real, _ := filepath.EvalSymlinks(p)
			return "", &source.Error{File: p, Msg: "the output folder is a link to " + real,
				Hint: "remove the link; starpack writes only inside the output folder"}
		}
	}
	return dir, nil
}

// staging is the folder a new packet is written into before it takes the
// packet folder's place.
type staging struct {
	dir, parent, name string // the packet folder, its parent and its name
	stage             string
	names             map[string]bool // the files of the new packet, its manifest included
}

// newStaging clears what killed runs left beside the packet folder dir and
// makes the staging folder of a packet of the files names.
func newStaging(dir string, names []string) (*staging, error) {
	parent, name := filepath.Split(dir)
	st := &staging{dir: dir, parent: filepath.Clean(parent), name: name, names: map[string]bool{ManifestFile: true}}
	if err := Clean(dir); err != nil {
		return nil, err
	}
	for _, n := range names {
		st.names[n] = true
		if info, err := os.Stat(filepath.Join(dir, n)); err == nil && info.IsDir() {
			p := filepath.Join(dir, n)
			return nil, fmt.Errorf("%s is a folder, not a file: move it out of %s so that starpack can write %s there", p, dir, n)
		}
	}
	stage, err := os.MkdirTemp(st.parent, "."+name+".staging-"+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, folderError(st.parent, err)
	}
	if err := os.Chmod(stage, 0o755); err != nil {
		os.RemoveAll(stage)
		return nil, folderError(st.parent, err)
	}
	st.stage = stage
	return st, nil
}

// path is where file name of the new packet is written.
func (st *staging) path(name string) string { return filepath.Join(st.stage, name) }

// discard removes the staging folder: what a failed build wrote, or, once
// the folders were exchanged, the previous packet; a no-op once the
// staging folder was renamed into place.
func (st *staging) discard() { os.RemoveAll(st.stage) }

// finish completes the staged packet (the previous packet's other files
// linked in, the manifest m written with every file's hash) and swaps it
// into the packet folder's place.
func (st *staging) finish(m Manifest) error {
	if err := carry(st.dir, st.stage, st.names); err != nil {
		return err
	}
	var err error
	if m.Files, err = hashFiles(st.stage); err != nil {
		return folderError(st.parent, err)
	}
	data, _ := json.MarshalIndent(m, "", "  ")
	if err := writeSynced(st.path(ManifestFile), append(data, '\n')); err != nil {
		return folderError(st.parent, err)
	}
	syncDir(st.stage)
	if err := swap(st.stage, st.dir); err != nil {
		return &source.Error{File: st.dir, Msg: "cannot put the new packet in place: " + bare(err).Error(), Err: err,
			Hint: "close the packet's files in other programs and build again; the previous packet is unchanged"}
	}
	syncDir(st.parent)
	return nil
}

// folderError is an error writing into a folder: one line naming the
// folder and what to do.
func folderError(dir string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("cannot write into %s: permission denied; make the folder writable (chmod u+w %s) and build again", dir, dir)
	}
	return &source.Error{File: dir, Msg: "cannot write the packet: " + bare(err).Error(), Err: err, Hint: "check free space and the folder's permissions"}
}

// writeSynced writes a new file and flushes it to disk.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// create makes file name of the new packet, for a renderer to write into
// (through a buffer); close it with closeSynced.
func (st *staging) create(name string) (*os.File, error) {
	return os.OpenFile(st.path(name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// closeSynced flushes a file to disk and closes it.
func closeSynced(f *os.File) error {
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir flushes a folder's entries to disk, where the system allows.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// carry links (or copies) into stage what the packet folder dir holds
// besides the files named in skip and the leftovers of interrupted
// writes, so that a build of some outputs (--only) keeps the others.
func carry(dir, stage string, skip map[string]bool) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &source.Error{File: dir, Msg: "cannot read the packet folder: " + bare(err).Error(), Err: err}
	}
	for _, e := range entries {
		if skip[e.Name()] || isLeftover(e.Name()) {
			continue
		}
		if err := linkTree(filepath.Join(dir, e.Name()), filepath.Join(stage, e.Name())); err != nil {
			return &source.Error{File: filepath.Join(dir, e.Name()), Msg: "cannot keep the file in the new packet: " + bare(err).Error(), Err: err,
				Hint: "move it out of the packet folder and build again"}
		}
	}
	return nil
}

// linkTree makes to a hard link of the file from, or a copy where links
// are refused; a folder is made anew and its entries linked.
func linkTree(from, to string) error {
	st, err := os.Lstat(from)
	if err != nil {
		return err
	}
	switch {
	case st.IsDir():
		if err := os.Mkdir(to, st.Mode().Perm()); err != nil {
			return err
		}
		entries, err := os.ReadDir(from)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := linkTree(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
				return err
			}
		}
		return nil
	case st.Mode()&fs.ModeSymlink != 0:
		target, err := os.Readlink(from)
		if err != nil {
			return err
		}
		return os.Symlink(target, to)
	}
	if os.Link(from, to) == nil {
		return nil
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return writeSynced(to, data)
}

// isLeftover reports whether a file name is one of starpack's temporary
// files (config.WriteFile's .<name>.<n>.tmp).
func isLeftover(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp")
}

// Clean readies the place of packet folder dir after a killed build: it
// puts back a parked old packet when the folder is missing (a kill
// between the two renames of a swap), and removes the staging and parked
// folders of builds that are no longer running and the temporary files
// left in the packet folder.
func Clean(dir string) error {
	parent, name := filepath.Split(dir)
	parent = filepath.Clean(parent)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil // nothing to clean: the folder is new
	}
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		for _, e := range entries {
			if pid, ok := leftoverPID(e.Name(), name, ".old-"); ok && !running(pid) {
				if err := os.Rename(filepath.Join(parent, e.Name()), dir); err != nil {
					return &source.Error{File: dir, Msg: "cannot put back the previous packet: " + bare(err).Error(), Err: err,
						Hint: "rename " + filepath.Join(parent, e.Name()) + " to " + dir}
				}
				break
			}
		}
	}
	for _, e := range entries {
		for _, kind := range []string{".staging-", ".old-"} {
			if pid, ok := leftoverPID(e.Name(), name, kind); ok && !running(pid) {
				os.RemoveAll(filepath.Join(parent, e.Name()))
			}
		}
	}
	if inside, err := os.ReadDir(dir); err == nil {
		for _, e := range inside {
			if isLeftover(e.Name()) && !e.IsDir() {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	return nil
}

// leftoverPID reads the process id from the name of a staging or parked
// folder of packet folder name: .<name><kind><pid>-<random>.
func leftoverPID(entry, name, kind string) (int, bool) {
	rest, ok := strings.CutPrefix(entry, "."+name+kind)
	if !ok {
		return 0, false
	}
	pid, _, ok := strings.Cut(rest, "-")
	n, err := strconv.Atoi(pid)
	return n, ok && err == nil
}

// Leftovers lists, under the output folder out, what interrupted builds
// left: staging and parked folders and temporary files.
func Leftovers(out string) []string {
	var found []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == out {
			return nil
		}
		n := d.Name()
		if isLeftover(n) || (strings.HasPrefix(n, ".") && (strings.Contains(n, ".staging-") || strings.Contains(n, ".old-"))) {
			found = append(found, p)
			if d.IsDir() {
				return filepath.SkipDir
			}
		}
		return nil
	})
	return found
}

// ManifestFile is the manifest in each packet folder.
const ManifestFile = "manifest.json"

// Manifest says what a packet folder holds: the build, its date, the
// role (a redacted copy names its label instead), and the SHA-256 of each
// file. starpack trusts a packet's files only as the manifest has them.
type Manifest struct {
	Build    string            `json:"build"`
	Date     string            `json:"date"`
	Role     string            `json:"role,omitempty"`
	Label    string            `json:"label,omitempty"`
	Redacted bool              `json:"redacted,omitempty"`
	Files    map[string]string `json:"files"` // file name -> SHA-256, hex
}

// ReadManifest reads the manifest of the packet folder dir.
func ReadManifest(dir string) (*Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, err
	}
	m := &Manifest{}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Join(dir, ManifestFile), err)
	}
	return m, nil
}

// Check compares the files of the packet folder dir with the manifest
// and returns the names of those that differ or are missing.
func (m *Manifest) Check(dir string) []string {
	var bad []string
	for _, name := range slices.Sorted(maps.Keys(m.Files)) {
		if sum, err := hashFile(filepath.Join(dir, name)); err != nil || sum != m.Files[name] {
			bad = append(bad, name)
		}
	}
	return bad
}

// hashFiles returns the SHA-256 of each file in dir (its folders' files
// as dir/name), but the manifest.
func hashFiles(dir string) (map[string]string, error) {
	sums := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == ManifestFile {
			return nil
		}
		sums[filepath.ToSlash(rel)], err = hashFile(p)
		return err
	})
	return sums, err
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
