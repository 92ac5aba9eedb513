//! Python imports: `import a.b as c`, `from ..m import x as y`, `from m import *`,
//! `from __future__ import ...`, and the pre-scan of module-level imported names.

use plumb_facts::{Import, ImportedName};
use tree_sitter::Node;

use super::{Extractor, F, Level, Scope};
use crate::extractor::RecursiveWalk;
use crate::util;

impl<'s, 't> Extractor<'s, 't> {
    /// Collect names bound by imports at module level (also inside module-level
    /// `if`/`try`/`with` blocks) before the walk, so uses above a late import still count.
    pub(super) fn prescan_imports(&mut self, node: Node<'t>) {
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                let ch = c.node();
                match ch.kind() {
                    "import_statement" | "import_from_statement" | "future_import_statement" => {
                        self.import_names(ch, &mut |ex, n| {
                            ex.imported.insert(ex.text(n).into_owned());
                        });
                    }
                    "if_statement" | "try_statement" | "with_statement" | "block"
                    | "else_clause" | "elif_clause" | "except_clause" | "finally_clause" => {
                        self.prescan_imports(ch)
                    }
                    _ => {}
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
    }

    /// Call `bind` with each identifier node an import statement binds.
    fn import_names(&mut self, node: Node<'t>, bind: &mut dyn FnMut(&mut Self, Node<'t>)) {
        let from = node.kind() != "import_statement";
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                let ch = c.node();
                if c.field_name() == Some("name") {
                    match ch.kind() {
                        "aliased_import" => {
                            if let Some(a) = ch.child_by_field_id(F.alias) {
                                bind(self, a);
                            }
                        }
                        "dotted_name" => {
                            // `import a.b` binds `a`; `from m import x` binds `x`.
                            if let Some(first) = ch.named_child(0) {
                                let last = ch
                                    .named_child((ch.named_child_count() as u32).saturating_sub(1));
                                bind(self, if from { last.unwrap_or(first) } else { first });
                            }
                        }
                        _ => {}
                    }
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
    }

    pub(super) fn import(&mut self, node: Node<'t>, sc: &Scope) {
        let span = util::span(node);
        if sc.level != Level::Module {
            let local = sc.local;
            self.import_names(node, &mut |ex, n| {
                ex.imported.insert(ex.text(n).into_owned());
                ex.bind(n, local);
            });
        }
        if node.kind() == "import_statement" {
            let mut c = self.cursor(node);
            if c.goto_first_child() {
                loop {
                    let ch = c.node();
                    if c.field_name() == Some("name") {
                        let (module, alias) = match ch.kind() {
                            "aliased_import" => (
                                ch.child_by_field_id(F.name)
                                    .map(|n| self.text(n).into_owned()),
                                ch.child_by_field_id(F.alias)
                                    .map(|n| self.text(n).into_owned()),
                            ),
                            _ => (Some(self.text(ch).into_owned()), None),
                        };
                        if let Some(module) = module {
                            self.note_module(&module);
                            self.facts.imports.push(Import {
                                module,
                                alias,
                                span,
                                ..Default::default()
                            });
                        }
                    }
                    if !c.goto_next_sibling() {
                        break;
                    }
                }
            }
            self.release(c);
            return;
        }
        let mut imp = Import {
            span,
            ..Default::default()
        };
        if node.kind() == "future_import_statement" {
            imp.module = "__future__".to_string();
        }
        let mut c = self.cursor(node);
        if c.goto_first_child() {
            loop {
                let ch = c.node();
                match (c.field_name(), ch.kind()) {
                    (Some("module_name"), "relative_import") => {
                        imp.relative = true;
                        for i in 0..ch.named_child_count() as u32 {
                            let Some(part) = ch.named_child(i) else {
                                continue;
                            };
                            match part.kind() {
                                "import_prefix" => {
                                    imp.relative_level =
                                        self.text(part).bytes().filter(|b| *b == b'.').count()
                                            as u32
                                }
                                _ => imp.module = self.text(part).into_owned(),
                            }
                        }
                    }
                    (Some("module_name"), _) => imp.module = self.text(ch).into_owned(),
                    (Some("name"), "aliased_import") => imp.names.push(ImportedName {
                        name: ch
                            .child_by_field_id(F.name)
                            .map(|n| self.text(n).into_owned())
                            .unwrap_or_default(),
                        alias: ch
                            .child_by_field_id(F.alias)
                            .map(|n| self.text(n).into_owned()),
                    }),
                    (Some("name"), _) => imp.names.push(ImportedName {
                        name: self.text(ch).into_owned(),
                        alias: None,
                    }),
                    (_, "wildcard_import") => imp.wildcard = true,
                    _ => {}
                }
                if !c.goto_next_sibling() {
                    break;
                }
            }
        }
        self.release(c);
        if !imp.relative {
            let m = imp.module.clone();
            self.note_module(&m);
        }
        self.facts.imports.push(imp);
    }

    fn note_module(&mut self, module: &str) {
        if module == "importlib" || module.starts_with("importlib.") {
            self.facts.dynamic = true;
        }
    }
}
