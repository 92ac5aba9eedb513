//! The Go resolver end to end on small real-looking modules: index a
//! temporary directory, check a change, assert the exact findings. Covers
//! imports (standard library, the module's own directories, go.mod
//! requirements, the module cache), bare names across a package's files,
//! package members, receiver methods and arity, and valid code that must
//! stay clean.

mod project;

use project::{Proj, summary};

const GO_MOD: &str = "module example.com/shop\n\ngo 1.22\n\nrequire (\n\tgithub.com/spf13/pflag v1.0.5\n\tgolang.org/x/sync v0.7.0 // indirect\n)\n";

const CART_GO: &str = r#"// Package cart keeps a shopping cart.
package cart

import (
	"fmt"
	"sync"
)

// Item is one line of a cart.
type Item struct {
	SKU   string
	Qty   int
	price int
}

// Cart holds items.
type Cart struct {
	sync.Mutex
	base
	items  []Item
	onAdd  func(Item)
	Labels map[string]string
}

type base struct {
	id string
}

func (b *base) ID() string { return b.id }

// New makes an empty cart.
func New(id string) *Cart {
	return &Cart{base: base{id: id}}
}

// Add puts qty of sku in the cart.
func (c *Cart) Add(sku string, qty int) {
	c.Lock()
	defer c.Unlock()
	c.items = append(c.items, Item{SKU: sku, Qty: qty})
	if c.onAdd != nil {
		c.onAdd(c.items[len(c.items)-1])
	}
}

// Total sums the cart.
func (c *Cart) Total() int {
	n := 0
	for _, it := range c.items {
		n += it.Qty * it.price
	}
	return n
}

func describe(c *Cart, sep string, extra ...string) string {
	return fmt.Sprint(c.ID(), sep, len(extra))
}
"#;

const PRICE_GO: &str = r#"package cart

import "strings"

const maxQty = 99

var ErrEmpty = errorString("empty cart")

type errorString string

func (e errorString) Error() string { return string(e) }

func normalize(sku string) string {
	return strings.ToUpper(strings.TrimSpace(sku))
}

func split(s string) (string, string) {
	a, b, _ := strings.Cut(s, "-")
	return a, b
}

func join(a, b string) string { return a + "-" + b }

type Set map[string]bool

func (s Set) Has(k string) bool { return s[k] }
"#;

fn shop() -> Proj {
    Proj::new(&[
        ("go.mod", GO_MOD),
        ("cart/cart.go", CART_GO),
        ("cart/price.go", PRICE_GO),
        (
            "cmd/shop/main.go",
            "package main\n\nimport \"example.com/shop/cart\"\n\nfunc main() {\n\tc := cart.New(\"a\")\n\tc.Add(\"x\", 1)\n}\n",
        ),
    ])
}

#[test]
fn imports_of_std_project_required_and_undeclared_paths() {
    let p = shop();
    let r = p.check_files(&[(
        "cmd/shop/extra.go",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os/base\"\n\t\"example.com/shop/cart\"\n\t\"example.com/shop/carts\"\n\t\"github.com/spf13/pflag\"\n\t\"golang.org/x/sync/errgroup\"\n\t\"github.com/spf13/pflagx\"\n\t\"github.com/pkg/errors\"\n\tyaml \"gopkg.in/yaml.v3\"\n\t\"C\"\n)\n\nvar _ = fmt.Sprint(cart.New, pflag.Parse, errors.New, yaml.Marshal, errgroup.Group{})\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import cmd/shop/extra.go:5 package 'os/base' is not in the Go standard library",
            "unknown-import cmd/shop/extra.go:7 package 'example.com/shop/carts' does not exist in module example.com/shop",
            "undeclared-package cmd/shop/extra.go:10 'github.com/spf13/pflagx' is not provided by any module that go.mod requires (github.com/spf13/pflagx?); not in the module cache either",
            "undeclared-package cmd/shop/extra.go:11 'github.com/pkg/errors' is not provided by any module that go.mod requires (github.com/pkg/errors?); not in the module cache either",
            "undeclared-package cmd/shop/extra.go:12 'gopkg.in/yaml.v3' is not provided by any module that go.mod requires (gopkg.in/yaml.v3?); not in the module cache either",
            // Required modules whose source is not at hand: one note each.
            "unverifiable cmd/shop/extra.go:16 the source of module github.com/spf13/pflag v1.0.5 is not in the module cache or vendor/; 'pflag.Parse' cannot be checked",
            "unverifiable cmd/shop/extra.go:16 the source of module golang.org/x/sync v0.7.0 is not in the module cache or vendor/; 'errgroup.Group' cannot be checked",
        ]
    );
    // The near miss is offered for the misspelt module.
    let pflagx = &r.findings[2];
    assert_eq!(pflagx.candidates[0].name, "github.com/spf13/pflag");
}

#[test]
fn bare_names_resolve_across_the_package_files() {
    let p = shop();
    let r = p.check_files(&[(
        "cart/checkout.go",
        r#"package cart

import "errors"

// Checkout validates and totals.
func Checkout(c *Cart, skus ...string) (total int, err error) {
	if len(skus) > maxQty {
		return 0, errors.New("too many")
	}
	seen := Set{}
	for _, s := range skus {
		s = normalize(s)
		a, b := split(s)
		seen[join(a, b)] = true
		seen[normalise(s)] = true
	}
	check := func(n int) bool { return n > 0 }
	if !check(c.Total()) {
		err = ErrEmpty
	}
	total = min(c.Total(), int(maxQty))
	describe(c, ",", skus...)
	describe(c, ",", "a", "b")
	describe(c)
	join(split("a-b"))
	join("a")
	join(normalize("a"))
	normalize("a", "b")
	_ = Item{SKU: "x"}
	var w Widget
	_ = w
	return total, err
}

// normalise and Widget are mentioned here and in "normalise", which binds nothing.
"#,
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol cart/checkout.go:15 undefined: normalise",
            "arity-mismatch cart/checkout.go:24 not enough arguments in call to describe: have 1, want at least 2",
            "arity-mismatch cart/checkout.go:26 not enough arguments in call to join: have 1, want 2",
            "arity-mismatch cart/checkout.go:27 not enough arguments in call to join: have 1, want 2",
            "arity-mismatch cart/checkout.go:28 too many arguments in call to normalize: have 2, want 1",
            "unknown-symbol cart/checkout.go:30 undefined: Widget",
        ]
    );
    let normalise = &r.findings[0];
    assert_eq!(normalise.candidates[0].name, "normalize");
    assert_eq!(normalise.candidates[0].file, "cart/price.go");
}

#[test]
fn members_of_project_packages_and_external_tests() {
    let p = shop();
    let r = p.check_files(&[
        (
            "cmd/shop/run.go",
            "package main\n\nimport (\n\tshop \"example.com/shop/cart\"\n)\n\nfunc run() {\n\tc := shop.New(\"a\")\n\tshop.Neww(\"b\")\n\tshop.New()\n\t_ = shop.ErrEmpty\n\tvar it shop.Item\n\t_ = it\n\tvar s shop.Basket\n\t_ = s\n\t_ = shop.normalize(\"x\")\n\t_ = c\n}\n",
        ),
        (
            "cart/cart_test.go",
            "package cart_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/shop/cart\"\n)\n\nfunc TestNew(t *testing.T) {\n\tc := cart.New(\"id\")\n\tc.Add(\"x\", 2)\n\tnormalize(\"x\")\n\tt.Log(c.Total())\n}\n",
        ),
    ]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol cart/cart_test.go:12 undefined: normalize",
            "unknown-symbol cmd/shop/run.go:9 undefined: shop.Neww",
            "arity-mismatch cmd/shop/run.go:10 not enough arguments in call to New: have 0, want 1",
            "unknown-symbol cmd/shop/run.go:14 undefined: shop.Basket",
            "unknown-symbol cmd/shop/run.go:16 cannot refer to unexported name shop.normalize",
        ]
    );
}

#[test]
fn dot_imports_bring_exported_names_with_their_arity() {
    let p = shop();
    let r = p.check_files(&[(
        "cart/dot_test.go",
        "package cart_test\n\nimport (\n\t. \"example.com/shop/cart\"\n\t. \"strings\"\n)\n\nfunc use() {\n\t_ = New(\"a\")\n\t_ = New()\n\t_ = ToUpper(\"x\")\n\t_ = normalize(\"x\")\n\t_ = Neww(\"b\")\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "arity-mismatch cart/dot_test.go:10 not enough arguments in call to New: have 0, want 1",
            "unknown-symbol cart/dot_test.go:12 undefined: normalize",
            "unknown-symbol cart/dot_test.go:13 undefined: Neww",
        ]
    );
}

#[test]
fn receiver_methods_fields_and_promoted_members() {
    let p = shop();
    let r = p.check_files(&[(
        "cart/more.go",
        r#"package cart

// Clear empties the cart.
func (c *Cart) Clear() {
	c.Lock()
	c.items = nil
	c.onAdd(Item{})
	_ = c.ID()
	_ = c.Labels
	c.Add("x")
	c.Reset()
	_ = c.TryLock()
	func(c *Item) {
		_ = c.Anything()
	}(nil)
}

func (s Set) Add(k string) {
	s[k] = true
	_ = s.Has(k)
	_ = s.Contains(k)
}

func (e errorString) Wrap() error {
	return e.Unwrap()
}
"#,
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "arity-mismatch cart/more.go:10 not enough arguments in call to Add: have 1, want 2",
            "unknown-symbol cart/more.go:11 c.Reset undefined (type Cart has no field or method Reset)",
            "unknown-symbol cart/more.go:21 s.Contains undefined (type Set has no field or method Contains)",
            "unknown-symbol cart/more.go:25 e.Unwrap undefined (type errorString has no field or method Unwrap)",
        ]
    );
}

#[test]
fn parameters_of_named_types() {
    let p = shop();
    let r = p.check_files(&[(
        "cmd/shop/serve.go",
        r#"package main

import (
	"context"
	"net/http"

	"example.com/shop/cart"
)

func serve[T any](w http.ResponseWriter, r *http.Request, ctx context.Context, c *cart.Cart, err error, v T, items []cart.Item) {
	w.WriteHeader(200)
	_ = r.URL
	r.ParseForm()
	r.ParseForms()
	<-ctx.Done()
	ctx.Cancel()
	c.Add("x", 1)
	c.Remove("x")
	_ = c.ID()
	_ = err.Error()
	_ = err.Unwrap()
	_ = v.Whatever()
	_ = items
	go func(r *cart.Item) {
		_ = r.Anything()
	}(nil)
}

func layout(http http.Header, context context.Context) {
	http.Add("k", "v")
	http.Append("k")
	_ = context.Err()
}
"#,
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol cmd/shop/serve.go:14 r.ParseForms undefined (type http.Request has no field or method ParseForms)",
            "unknown-symbol cmd/shop/serve.go:16 ctx.Cancel undefined (type context.Context has no field or method Cancel)",
            "unknown-symbol cmd/shop/serve.go:18 c.Remove undefined (type Cart has no field or method Remove)",
            "unknown-symbol cmd/shop/serve.go:21 err.Unwrap undefined (type error has no field or method Unwrap)",
            // Parameters named like the package of their own type.
            "unknown-symbol cmd/shop/serve.go:31 http.Append undefined (type http.Header has no field or method Append)",
        ]
    );
}

#[test]
fn locals_declared_with_a_written_type() {
    let p = shop();
    let r = p.check_files(&[(
        "cmd/shop/locals.go",
        r#"package main

import (
	"net/http"
	"strings"

	"example.com/shop/cart"
)

func locals() {
	c := &cart.Cart{}
	c.Add("x", 1)
	c.Empty()
	var b strings.Builder
	b.WriteString("x")
	b.Append("y")
	cl := http.Client{}
	cl.Fetch("u")
	n := new(cart.Item)
	n.Price()
	s := cart.Set{}.Has("x")
	_ = s
	it, ok := cart.New("a"), true
	it.Nothing()
	_ = ok
	for _, c := range []*cart.Cart{} {
		c.Whatever()
	}
	if c := cart.New("b"); c != nil {
		c.Other()
	}
}
"#,
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol cmd/shop/locals.go:13 c.Empty undefined (type Cart has no field or method Empty)",
            "unknown-symbol cmd/shop/locals.go:16 b.Append undefined (type strings.Builder has no field or method Append)",
            "unknown-symbol cmd/shop/locals.go:18 cl.Fetch undefined (type http.Client has no field or method Fetch)",
            "unknown-symbol cmd/shop/locals.go:20 n.Price undefined (type Item has no field or method Price)",
        ]
    );
}

#[test]
fn package_level_variables_of_written_types() {
    let p = shop();
    let r = p.check_files(&[
        (
            "cmd/shop/vars.go",
            "package main\n\nimport (\n\tdb \"database/sql\"\n\n\t\"example.com/shop/cart\"\n)\n\nvar (\n\tstore *db.DB\n\tdefaultCart = &cart.Cart{\n\t\tLabels: map[string]string{},\n\t}\n\tfirst, second = cart.New(\"a\"), 2\n)\n",
        ),
        (
            "cmd/shop/use.go",
            "package main\n\nfunc use() {\n\t_, _ = store.Query(\"select 1\")\n\t_ = store.Fetch()\n\tdefaultCart.Add(\"x\", 1)\n\tdefaultCart.Drop()\n\tfirst.Anything()\n}\n",
        ),
    ]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol cmd/shop/use.go:5 store.Fetch undefined (type db.DB has no field or method Fetch)",
            "unknown-symbol cmd/shop/use.go:7 defaultCart.Drop undefined (type Cart has no field or method Drop)",
        ]
    );
}

#[test]
fn dependencies_in_the_module_cache() {
    let p = shop().with_go_cache(&[
        (
            "github.com/spf13/pflag@v1.0.5/flag.go",
            "package pflag\n\nfunc Parse() {}\n\nfunc Bool(name string, value bool, usage string) *bool { return nil }\n\nfunc Args() []string { return nil }\n",
        ),
        (
            "github.com/spf13/pflag@v1.0.5/flag_test.go",
            "package pflag\n\nfunc TestOnly() {}\n",
        ),
        (
            "github.com/!burnt!sushi/toml@v1.3.2/decode.go",
            "package toml\n\nfunc Decode(data string, v any) error { return nil }\n",
        ),
    ]);
    let r = p.check_files(&[(
        "cmd/shop/flags.go",
        "package main\n\nimport (\n\t\"github.com/spf13/pflag\"\n\t\"github.com/spf13/pflag/nosuch\"\n\t\"github.com/BurntSushi/toml\"\n\t\"golang.org/x/sync/errgroup\"\n)\n\nfunc flags() {\n\tpflag.Parse()\n\tpflag.Parsed()\n\tpflag.Bool(\"v\", false)\n\t_ = pflag.Args()\n\tpflag.TestOnly()\n\t_ = toml.Decode\n\t_ = nosuch.X\n\tvar g errgroup.Group\n\t_ = g\n\terrgroup.WithContext(nil)\n}\n",
    )]);
    let cache = p.go_cache.clone().unwrap();
    assert_eq!(
        summary(&r),
        vec![
            "unknown-import cmd/shop/flags.go:5 module github.com/spf13/pflag v1.0.5 has no package 'github.com/spf13/pflag/nosuch'".to_string(),
            format!(
                "undeclared-package cmd/shop/flags.go:6 'github.com/BurntSushi/toml' is not provided by any module that go.mod requires (github.com/BurntSushi/toml?); the module cache has {}",
                cache.join("github.com/!burnt!sushi/toml@v1.3.2").display()
            ),
            "unknown-symbol cmd/shop/flags.go:12 undefined: pflag.Parsed".into(),
            "arity-mismatch cmd/shop/flags.go:13 not enough arguments in call to Bool: have 2, want 3".into(),
            "unknown-symbol cmd/shop/flags.go:15 undefined: pflag.TestOnly".into(),
            "unverifiable cmd/shop/flags.go:18 the source of module golang.org/x/sync v0.7.0 is not in the module cache or vendor/; 'errgroup.Group' cannot be checked".into(),
        ]
    );
}

#[test]
fn a_change_that_declares_its_new_dependency_is_clean() {
    let p = shop();
    let diff = "--- a/go.mod\n+++ b/go.mod\n@@ -5,4 +5,5 @@\n require (\n \tgithub.com/spf13/pflag v1.0.5\n \tgolang.org/x/sync v0.7.0 // indirect\n+\tgithub.com/google/uuid v1.6.0\n )\n--- a/cmd/shop/main.go\n+++ b/cmd/shop/main.go\n@@ -1,8 +1,11 @@\n package main\n \n-import \"example.com/shop/cart\"\n+import (\n+\t\"example.com/shop/cart\"\n+\t\"github.com/google/uuid\"\n+)\n \n func main() {\n-\tc := cart.New(\"a\")\n+\tc := cart.New(uuid.NewString())\n \tc.Add(\"x\", 1)\n }\n";
    let r = p.diff(diff);
    assert_eq!(
        summary(&r),
        vec![
            "unverifiable cmd/shop/main.go:9 the source of module github.com/google/uuid v1.6.0 is not in the module cache or vendor/; 'uuid.NewString' cannot be checked",
        ]
    );
}

#[test]
fn valid_code_stays_clean() {
    let p = shop();
    let r = p.check_files(&[
        ("cart/cart.go", CART_GO),
        ("cart/price.go", PRICE_GO),
        (
            "cart/generic.go",
            r#"package cart

import (
	. "strings"
	"unsafe"
)

// #include <stdio.h>
import "C"

type List[T any] struct {
	items []T
}

func (l *List[T]) Push(v T) { l.items = append(l.items, v) }

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func lengths(xs []string) (n []int, err error) {
	n = Map(xs, func(s string) int { return len(TrimSpace(s)) })
	var l List[int]
	l.Push(1)
	_ = unsafe.Sizeof(l)
	C.puts(nil)
	type local struct{ v int }
	_ = local{v: 1}
	switch v := any(l).(type) {
	case error:
		_ = v.Error()
	}
	return n, err
}
"#,
        ),
    ]);
    assert_eq!(summary(&r), Vec::<String>::new());
}

#[test]
fn generated_files_the_index_leaves_out_still_define_names() {
    let p = Proj::new(&[
        ("go.mod", GO_MOD),
        ("cart/cart.go", CART_GO),
        (
            "cart/zz_generated.flags.go",
            "// Code generated by gen-flags. DO NOT EDIT.\n\npackage cart\n\ntype StringFlag struct {\n\tName string\n}\n\nfunc (f *StringFlag) Names() []string { return []string{f.Name} }\n\nfunc NewStringFlag(name string) *StringFlag { return &StringFlag{Name: name} }\n",
        ),
    ]);
    let r = p.check_files(&[(
        "cart/flags.go",
        "package cart\n\nfunc flags() {\n\tf := NewStringFlag(\"a\")\n\t_ = f.Names()\n\t_ = StringFlag{Name: \"b\"}\n\tNewBoolFlag(\"c\")\n\tNewStringFlag()\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec![
            "unknown-symbol cart/flags.go:7 undefined: NewBoolFlag",
            "arity-mismatch cart/flags.go:8 not enough arguments in call to NewStringFlag: have 0, want 1",
        ]
    );
}

#[test]
fn gopath_code_without_go_mod_checks_only_the_standard_library() {
    let p = Proj::new(&[("lib/a.go", "package lib\n\nfunc A() {}\n")]);
    let r = p.check_files(&[(
        "lib/b.go",
        "package lib\n\nimport (\n\t\"fmt\"\n\t\"myorg/util\"\n\t\"github.com/x/y\"\n)\n\nfunc B() {\n\tA()\n\tutil.Do()\n\ty.Go()\n\tfmt.Printlnn()\n}\n",
    )]);
    assert_eq!(
        summary(&r),
        vec!["unknown-symbol lib/b.go:13 undefined: fmt.Printlnn"]
    );
}
