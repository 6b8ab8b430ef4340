package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"reportsite/generator/internal/testsite"
)

// Faults while publishing, through the generator binary as a publisher runs
// it: a build killed at random points, two builds at once, a read-only
// destination. The published site must always be one whole build.

// binary builds the generator into a temporary directory.
func binary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the generator with")
	}
	bin := filepath.Join(t.TempDir(), "generator")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// sourceTree writes a site of n copies of the committed report into a
// temporary directory.
func sourceTree(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	cfg, err := os.ReadFile(filepath.Join("..", "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "config.toml"), cfg, 0o644)
	for i := range n {
		dst := filepath.Join(dir, "content", fmt.Sprintf("r%02d", i+1))
		if err := os.CopyFS(dst, os.DirFS(filepath.Join("..", "content", "2020-plan-report"))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// generator runs the binary and returns its exit code and output.
func generator(t *testing.T, bin string, cred *syscall.Credential, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

// assertOnlyOurs checks that nothing but the source, public/ and the
// publisher's lock and staging directory lies in dir.
func assertOnlyOurs(t *testing.T, dir, when string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		switch e.Name() {
		case "config.toml", "content", "public", ".publish-public.lock", ".publish-public-spare":
		default:
			t.Errorf("%s: %s left beside public/", when, e.Name())
		}
	}
}

// TestKilledBuild kills builds with SIGKILL at random points between two
// known sites A and B: public/ must be all of A or all of B, byte for byte,
// and the next build must succeed and leave no leftovers.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 20-report site about 30 times")
	}
	bin := binary(t)
	src := sourceTree(t, 20)
	public := filepath.Join(src, "public")
	page := filepath.Join(src, "content", "r07", "01", "02.md")
	original, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	edited := append(bytes.Clone(original), "\n新增一段，只在 B 版中出现。\n"...)

	build := func(when string) time.Duration {
		t.Helper()
		start := time.Now()
		if code, out := generator(t, bin, nil, "build", "-source", src); code != 0 {
			t.Fatalf("%s: build failed (%d):\n%s", when, code, out)
		}
		assertOnlyOurs(t, src, when)
		return time.Since(start)
	}
	build("build A")
	sites := map[bool]map[string]string{false: testsite.MustSnapshot(t, public)}
	os.WriteFile(page, edited, 0o644)
	took := build("build B")
	sites[true] = testsite.MustSnapshot(t, public)
	if maps.Equal(sites[false], sites[true]) {
		t.Fatal("builds A and B are the same")
	}

	live := true // public/ holds B
	outcomes := map[string]int{}
	for i := range 15 {
		next := !live
		data := map[bool][]byte{false: original, true: edited}[next]
		os.WriteFile(page, data, 0o644)
		delay := time.Duration(rand.Int64N(int64(took)))
		cmd := exec.Command(bin, "build", "-source", src)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := testsite.MustSnapshot(t, public)
		switch {
		case maps.Equal(got, sites[live]):
			outcomes["old site"]++
		case maps.Equal(got, sites[next]):
			outcomes["new site"]++
			live = next
		default:
			t.Fatalf("kill %d after %v: public/ is neither build A nor build B (%d files)", i+1, delay, len(got))
		}
		build(fmt.Sprintf("build after kill %d", i+1))
		if !maps.Equal(testsite.MustSnapshot(t, public), sites[next]) {
			t.Fatalf("build after kill %d did not publish exactly its site", i+1)
		}
		live = next
	}
	t.Logf("15 kills within a %v build: %v", took.Round(time.Millisecond), outcomes)
}

// TestConcurrentBuilds starts two builds of one site at once: one publishes,
// the other refuses and says why; public/ is one whole build.
func TestConcurrentBuilds(t *testing.T) {
	bin := binary(t)
	src := sourceTree(t, 10)
	public := filepath.Join(src, "public")
	if code, out := generator(t, bin, nil, "build", "-source", src); code != 0 {
		t.Fatalf("build failed:\n%s", out)
	}
	want := testsite.MustSnapshot(t, public)
	for try := 1; try <= 5; try++ {
		var outs [2]bytes.Buffer
		var cmds [2]*exec.Cmd
		for i := range cmds {
			cmds[i] = exec.Command(bin, "build", "-source", src)
			cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
			if err := cmds[i].Start(); err != nil {
				t.Fatal(err)
			}
		}
		var codes [2]int
		for i, c := range cmds {
			c.Wait()
			codes[i] = c.ProcessState.ExitCode()
		}
		if !maps.Equal(testsite.MustSnapshot(t, public), want) {
			t.Fatal("public/ is not one whole build after two concurrent builds")
		}
		if codes == [2]int{0, 0} {
			continue // one finished before the other started to publish
		}
		for i := range codes {
			if codes[i] == 0 {
				continue
			}
			msg := outs[i].String()
			if codes[1-i] != 0 || codes[i] != 1 || !strings.Contains(msg, "another build is publishing to this directory right now") ||
				!strings.Contains(msg, "the previous output was left as it was") {
				t.Fatalf("builds exited %v; the refused one said:\n%s", codes, msg)
			}
			for _, l := range strings.Split(msg, "\n") {
				if strings.Contains(l, "another build") {
					t.Logf("try %d: build %d refused: %s", try, i+1, l)
				}
			}
		}
		return
	}
	t.Error("five pairs of builds never overlapped")
}

// TestReadOnlyDestination: with public/'s parent read-only the build fails
// with a clear message and public/ stays as it was; a read-only public/ is
// replaced (only its parent need be writable), and later builds still work.
// Root ignores permissions, so as root the builds run as nobody.
func TestReadOnlyDestination(t *testing.T) {
	bin := binary(t)
	src := sourceTree(t, 1)
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		for _, d := range []string{filepath.Dir(bin), filepath.Dir(filepath.Dir(bin)), filepath.Dir(src)} {
			os.Chmod(d, 0o755)
		}
		filepath.WalkDir(src, func(p string, _ fs.DirEntry, err error) error {
			if err == nil {
				os.Lchown(p, 65534, 65534)
			}
			return err
		})
	}
	public := filepath.Join(src, "public")
	build := func() (int, string) { return generator(t, bin, cred, "build", "-source", src) }
	if code, out := build(); code != 0 {
		t.Fatalf("build failed:\n%s", out)
	}
	want := testsite.MustSnapshot(t, public)

	os.Chmod(src, 0o555)
	code, out := build()
	os.Chmod(src, 0o755)
	if code != 1 || !strings.Contains(out, "cannot write beside "+public) || !strings.Contains(out, "permission denied") {
		t.Errorf("build with a read-only parent: exit %d\n%s", code, out)
	}
	if !maps.Equal(testsite.MustSnapshot(t, public), want) {
		t.Error("a failed build changed public/")
	}

	readOnly := func(dir string) {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil {
				os.Chmod(p, map[bool]fs.FileMode{true: 0o555, false: 0o444}[d.IsDir()])
			}
			return nil
		})
	}
	for i := 1; i <= 3; i++ {
		readOnly(public)
		if code, out := build(); code != 0 {
			t.Fatalf("build %d over a read-only public/: exit %d\n%s", i, code, out)
		}
		if !maps.Equal(testsite.MustSnapshot(t, public), want) {
			t.Fatalf("build %d over a read-only public/ published something else", i)
		}
	}
	t.Cleanup(func() {
		for _, d := range []string{public, filepath.Join(src, ".publish-public-spare")} {
			filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
				if err == nil && e.IsDir() {
					os.Chmod(p, 0o755)
				}
				return nil
			})
		}
	})
}
