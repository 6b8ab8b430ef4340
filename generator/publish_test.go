package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readmeCommands returns the commands of the first sh block of README.md's
// section titled title, each split into arguments as sh would (double
// quotes group), without the leading "go run ./generator".
func readmeCommands(t *testing.T, title string) [][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(b), "\n## "+title+"\n")
	if !ok {
		t.Fatalf("README.md has no section %q", title)
	}
	sec, _, _ = strings.Cut(sec, "\n## ")
	_, block, ok := strings.Cut(sec, "```sh\n")
	if !ok {
		t.Fatalf("README.md's section %q has no sh block", title)
	}
	block, _, _ = strings.Cut(block, "```")
	var cmds [][]string
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		var args []string
		var cur strings.Builder
		quoted, started := false, false
		for _, r := range line + " " {
			switch {
			case r == '"':
				quoted, started = !quoted, true
			case r == ' ' && !quoted:
				if started {
					args = append(args, cur.String())
				}
				cur.Reset()
				started = false
			default:
				cur.WriteRune(r)
				started = true
			}
		}
		if len(args) < 3 || args[0] != "go" || args[1] != "run" || args[2] != "./generator" {
			t.Fatalf("README.md: %q is not a generator command", line)
		}
		cmds = append(cmds, args[3:])
	}
	return cmds
}

// TestPublishYourOwnReport runs the commands of README.md's "Publish your
// own report", as written there, on a report of the corpus (the seed when
// the corpus is not beside the repository): new, import, fix, check and
// build all succeed, check passes, and public/ holds the site.
func TestPublishYourOwnReport(t *testing.T) {
	file := filepath.Join("..", "..", "shared", "corpus", "fuxin_2025_final.txt")
	if _, err := os.Stat(file); err != nil {
		t.Logf("no corpus (%v): the seed report instead", err)
		file = filepath.Join("report", "testdata", "seed.txt")
	}
	dir := filepath.Join(t.TempDir(), "mysite")
	cmds := readmeCommands(t, "Publish your own report")
	start := time.Now()
	outs := map[string]string{}
	for _, args := range cmds {
		for i, a := range args {
			switch {
			case a == "mysite":
				args[i] = dir
			case strings.HasPrefix(a, "mysite/"):
				args[i] = filepath.Join(dir, a[len("mysite/"):])
			case a == "report.txt":
				args[i] = file
			}
		}
		code, out, errs := runCmd(args...)
		if code != 0 {
			t.Fatalf("generator %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
		}
		outs[args[0]] = out + errs
	}
	t.Logf("%s: new, import, fix, check, build in %v", filepath.Base(file), time.Since(start).Round(time.Millisecond))
	if len(cmds) != 5 {
		t.Errorf("README.md has %d commands, want new, import, fix, check, build", len(cmds))
	}
	if !strings.Contains(outs["check"], "passes every check") {
		t.Errorf("check:\n%s", outs["check"])
	}
	if !strings.Contains(outs["import"], "next steps:") {
		t.Errorf("import printed no next steps:\n%s", outs["import"])
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Errorf("no public/index.html: %v", err)
	}
	if !strings.Contains(outs["fix"], " → ") {
		t.Errorf("fix corrected nothing:\n%s", outs["fix"])
	}
}
