package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"reportsite/generator/check"
	"reportsite/generator/config"
	"reportsite/generator/content"
	"reportsite/generator/importer"
	"reportsite/generator/report/proofread"
)

// importSite returns the site directory that import writes into: siteFlag,
// or the current directory when it holds a config.toml. With -o (out set),
// it is "": the section is bare.
func importSite(out, siteFlag string) (string, error) {
	if out != "" {
		return "", nil
	}
	dir := siteFlag
	if dir == "" {
		dir = "."
	}
	if _, err := os.Stat(filepath.Join(dir, "config.toml")); err != nil {
		where := "the current directory"
		if siteFlag != "" {
			where = siteFlag
		}
		return "", fmt.Errorf("%s holds no config.toml, so it is not a site: create one with \"generator new DIR\" and import with -site DIR, or write a bare content section with -o DIR", where)
	}
	if _, _, err := config.Load(os.DirFS(dir)); err != nil {
		return "", fmt.Errorf("the site in %s cannot build until its config.toml is corrected: %w", dir, err)
	}
	return dir, nil
}

// importProof is what proving an import learnt about the new pages.
type importProof struct {
	keys      []check.Finding // front matter keys still empty
	config    []string        // the build's warnings about config.toml
	proofread int             // proofreading warnings on the pages as written
	halfWidth int             // of which half-width punctuation, which fix corrects
}

// proveImport builds the pages of the report slug in a temporary site that
// has siteDir's config.toml, layouts/ and assets/ (or, for a bare section,
// a config of its own), with the original file (name, src) the report was
// imported from under 附件, and verifies the result as check does. A build
// error or a finding that is not an empty field is returned as the error:
// the import would not publish.
func proveImport(siteDir, slug string, pages []*content.Page, name string, src []byte) (importProof, error) {
	var proof importProof
	tmp, err := os.MkdirTemp("", "reportsite-import-")
	if err != nil {
		return proof, err
	}
	defer os.RemoveAll(tmp)
	if siteDir != "" {
		cfg, err := os.ReadFile(filepath.Join(siteDir, "config.toml"))
		if err != nil {
			return proof, err
		}
		if err := os.WriteFile(filepath.Join(tmp, "config.toml"), cfg, 0o644); err != nil {
			return proof, err
		}
		for _, d := range []string{"layouts", "assets"} {
			if st, err := os.Stat(filepath.Join(siteDir, d)); err == nil && st.IsDir() {
				if err := os.CopyFS(filepath.Join(tmp, d), os.DirFS(filepath.Join(siteDir, d))); err != nil {
					return proof, err
				}
			}
		}
	} else {
		title := slug
		for _, p := range pages {
			if p.Meta.Report != nil {
				title = p.Meta.Title
			}
		}
		cfg := "title = " + strconv.Quote(title) + "\n"
		if err := os.WriteFile(filepath.Join(tmp, "config.toml"), []byte(cfg), 0o644); err != nil {
			return proof, err
		}
	}
	root := filepath.Join(tmp, "content", slug)
	if err := content.AttachOriginal(root, pages, name, src, content.WriteOptions{}); err != nil {
		return proof, err
	}
	if _, err := content.Write(root, pages, content.WriteOptions{}); err != nil {
		return proof, err
	}
	res, err := check.Run(context.Background(), check.Options{Source: tmp})
	if err != nil {
		return proof, err
	}
	proof.config = res.Warnings
	var errs []error
	for _, f := range res.Findings {
		if f.Key != "" {
			proof.keys = append(proof.keys, f)
			continue
		}
		errs = append(errs, errors.New(f.String()))
	}
	if len(errs) > 0 {
		return proof, errors.Join(errs...)
	}
	proof.proofread = len(res.Proofreading)
	for _, w := range res.Proofreading {
		if w.Kind == proofread.KindHalfWidth {
			proof.halfWidth++
		}
	}
	return proof, nil
}

// nextSteps prints what is left to do after an import into dest.
func nextSteps(w io.Writer, dest, siteDir string, pages []*content.Page, proof importProof) {
	fmt.Fprintln(w, "next steps:")
	for _, p := range pages {
		r := p.Meta.Report
		if r == nil {
			continue
		}
		var empty []string
		for _, k := range []struct{ key, label, val string }{
			{"index_no", "索引号", r.IndexNo},
			{"doc_no", "文号", r.DocNo},
			{"issued", "发文日期", r.Issued},
			{"written", "成文日期", r.Written},
			{"publisher", "发布机构", r.Publisher},
		} {
			if strings.TrimSpace(k.val) == "" {
				empty = append(empty, k.key+" ("+k.label+")")
			}
		}
		fmt.Fprintf(w, "  - %s: [report] still empty: ", filepath.Join(dest, filepath.FromSlash(p.Path)))
		if len(empty) == 0 {
			fmt.Fprintln(w, "none")
		} else {
			fmt.Fprintf(w, "%s (fill what the report states; leave doc_no and written empty if it has none)\n", strings.Join(empty, ", "))
		}
	}
	for _, f := range proof.keys {
		if f.Key != "report.issued" && f.Key != "report.publisher" {
			fmt.Fprintf(w, "  - %s\n", f)
		}
	}
	if siteDir != "" {
		if cfg, _, err := config.Load(os.DirFS(siteDir)); err == nil && cfg.BaseURL == "" {
			fmt.Fprintf(w, "  - %s: base_url is empty: set the address the site will be published at, for its canonical links and sitemap.xml\n", filepath.Join(siteDir, "config.toml"))
		}
		for _, c := range proof.config {
			if strings.HasPrefix(c, "config.toml") {
				c = filepath.Join(siteDir, c)
			}
			fmt.Fprintf(w, "  - %s\n", c)
		}
	}
	fix, check := "generator fix "+dest, "generator check"
	if siteDir != "." && siteDir != "" {
		check += " -source " + siteDir
	}
	if proof.proofread == 0 {
		fmt.Fprintln(w, "  - proofreading: no warnings")
	} else {
		fmt.Fprintf(w, "  - proofreading: %d warning(s) in the written pages, %d of them half-width punctuation that \"%s\" corrects; \"%s\" lists them all\n", proof.proofread, proof.halfWidth, fix, check)
	}
	if siteDir != "" {
		fmt.Fprintf(w, "  - preview: generator serve -source %s\n", siteDir)
	}
}

// metaSets is the repeatable "-set KEY=VALUE" flag of import.
type metaSets [][2]string

func (m *metaSets) String() string { return "" }

func (m *metaSets) Set(s string) error {
	k, v, ok := strings.Cut(s, "=")
	k = strings.TrimSpace(k)
	if !ok || !slices.Contains(importer.SetKeys, k) {
		return fmt.Errorf("want KEY=VALUE with KEY one of %s", strings.Join(importer.SetKeys, ", "))
	}
	if (k == "issued" || k == "written") && !isoDate.MatchString(v) {
		return fmt.Errorf("%s=%q: a date is written YYYY-MM-DD", k, v)
	}
	*m = append(*m, [2]string{k, strings.TrimSpace(v)})
	return nil
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
