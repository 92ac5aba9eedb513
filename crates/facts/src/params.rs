//! Parameter lists and the call-compatibility rules derived from them.

use serde::{Deserialize, Serialize};

/// How a parameter can be passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamKind {
    /// The receiver: Python `self`/`cls` on a method, Rust `self`, Go's method receiver.
    /// Never counted in arity.
    Receiver,
    /// Positional only (Python before `/`; every parameter in Rust, Go, Java, C, C++).
    PositionalOnly,
    /// Positional or keyword (a plain Python parameter; a plain JS/TS parameter).
    Positional,
    /// Keyword only (Python after `*` or `*args`).
    KeywordOnly,
    /// Collects extra positional arguments: `*args`, `...rest`, Java `T... xs`,
    /// Go `xs ...T`, C `...`.
    VarPositional,
    /// Collects extra keyword arguments: `**kwargs`.
    VarKeyword,
}

/// One parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param {
    /// The name, or `_` where the language allows none (C prototypes, Go `_`).
    pub name: String,
    pub kind: ParamKind,
    /// Has a default value (or is optional: TS `x?`, C++ `= 0`), so it may be omitted.
    pub has_default: bool,
    /// The type annotation as written, whitespace folded, if any.
    pub type_text: Option<String>,
}

/// A callable's parameter list, in declaration order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Params {
    pub list: Vec<Param>,
}

impl Params {
    pub fn new(list: Vec<Param>) -> Self {
        Params { list }
    }

    /// Whether the callable takes a receiver (`self`, `this` via a method receiver).
    pub fn has_receiver(&self) -> bool {
        self.list.iter().any(|p| p.kind == ParamKind::Receiver)
    }

    fn positional(&self) -> impl Iterator<Item = &Param> {
        self.list
            .iter()
            .filter(|p| matches!(p.kind, ParamKind::PositionalOnly | ParamKind::Positional))
    }

    /// The fewest positional arguments a call must pass (receiver excluded).
    pub fn min_positional(&self) -> u32 {
        self.positional().filter(|p| !p.has_default).count() as u32
    }

    /// The most positional arguments a call may pass (receiver excluded);
    /// `None` when a variadic parameter takes any number.
    pub fn max_positional(&self) -> Option<u32> {
        if self.is_variadic() {
            None
        } else {
            Some(self.positional().count() as u32)
        }
    }

    pub fn is_variadic(&self) -> bool {
        self.list.iter().any(|p| p.kind == ParamKind::VarPositional)
    }

    pub fn accepts_any_keyword(&self) -> bool {
        self.list.iter().any(|p| p.kind == ParamKind::VarKeyword)
    }

    /// Keyword-only parameters without a default: a call must name them.
    pub fn required_keywords(&self) -> impl Iterator<Item = &str> {
        self.list
            .iter()
            .filter(|p| p.kind == ParamKind::KeywordOnly && !p.has_default)
            .map(|p| p.name.as_str())
    }

    /// Whether `name=` is accepted as a keyword argument.
    pub fn accepts_keyword(&self, name: &str) -> bool {
        self.accepts_any_keyword()
            || self.list.iter().any(|p| {
                matches!(p.kind, ParamKind::Positional | ParamKind::KeywordOnly) && p.name == name
            })
    }

    /// Whether a call with `positional` positional arguments and the given
    /// keyword names can bind to this parameter list. `spread` means the call
    /// splats a sequence or mapping, so only an upper-bound violation is certain.
    pub fn call_fits(
        &self,
        positional: u32,
        keywords: &[String],
        spread: bool,
    ) -> Result<(), ArityError> {
        if let Some(max) = self.max_positional()
            && positional > max
        {
            return Err(ArityError::TooMany {
                given: positional,
                max,
            });
        }
        if spread {
            return Ok(());
        }
        // Keywords may fill positional-or-keyword parameters that have no default.
        let filled_by_keyword = self
            .positional()
            .skip(positional as usize)
            .filter(|p| !p.has_default && keywords.iter().any(|k| k == &p.name))
            .count() as u32;
        let min = self.min_positional();
        if positional + filled_by_keyword < min {
            return Err(ArityError::TooFew {
                given: positional + filled_by_keyword,
                min,
            });
        }
        Ok(())
    }

    /// A compact human summary such as `(a, b=…, *args, key, **kw)`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for p in &self.list {
            let s = match p.kind {
                ParamKind::Receiver => p.name.clone(),
                ParamKind::VarPositional => format!("*{}", p.name),
                ParamKind::VarKeyword => format!("**{}", p.name),
                _ if p.has_default => format!("{}=…", p.name),
                _ => p.name.clone(),
            };
            parts.push(s);
        }
        format!("({})", parts.join(", "))
    }
}

/// Why a call's arguments cannot bind to a parameter list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArityError {
    TooMany { given: u32, max: u32 },
    TooFew { given: u32, min: u32 },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, kind: ParamKind, has_default: bool) -> Param {
        Param {
            name: name.into(),
            kind,
            has_default,
            type_text: None,
        }
    }

    #[test]
    fn python_style_rules() {
        let ps = Params::new(vec![
            p("self", ParamKind::Receiver, false),
            p("a", ParamKind::Positional, false),
            p("b", ParamKind::Positional, true),
            p("key", ParamKind::KeywordOnly, false),
        ]);
        assert_eq!(ps.min_positional(), 1);
        assert_eq!(ps.max_positional(), Some(2));
        assert!(ps.accepts_keyword("b"));
        assert!(!ps.accepts_keyword("c"));
        assert_eq!(ps.required_keywords().collect::<Vec<_>>(), vec!["key"]);
        assert_eq!(
            ps.call_fits(3, &[], false),
            Err(ArityError::TooMany { given: 3, max: 2 })
        );
        assert_eq!(
            ps.call_fits(0, &[], false),
            Err(ArityError::TooFew { given: 0, min: 1 })
        );
        assert_eq!(ps.call_fits(0, &["a".into()], false), Ok(()));
        assert_eq!(ps.call_fits(0, &[], true), Ok(()));
        assert_eq!(ps.summary(), "(self, a, b=…, key)");
    }
}
