//! What a `Deref` impl whose target is one of its own generic parameters
//! (`impl<K, V> Deref for RefMut<'_, K, V> { type Target = V; }`) adds to
//! `self` inside another impl of the same type: the methods the bounds of the
//! parameter in that position give there (`impl<K: Eq, V> RefMut<'_, K, V>`:
//! none but std's blanket ones). Reads impl header texts only; anything it
//! cannot place (a concrete argument, a receiver other than `self`, bounds of
//! dependency or project traits) is left to the caller.

use plumb_facts::Reference;

use super::super::FileCtx;
use super::generics::{MARKER_TRAITS, bounds_of, close, impl_header, split_top};
use super::scan::TraitImpl;
use super::*;

/// `Some(whether the target may have `name`)` where the answer is known.
pub(super) fn generic_target_may_provide(
    ctx: &FileCtx,
    r: &Reference,
    ti: &TraitImpl,
    target: &str,
    name: &str,
) -> Option<bool> {
    let target = target.trim();
    if r.qualifier.as_deref() != Some("self")
        || target.is_empty()
        || !target.chars().all(|c| c.is_alphanumeric() || c == '_')
    {
        return None;
    }
    let impl_file = ctx.project.facts_of(&ti.file)?;
    let deref_header = impl_file.0.get(ti.at..)?;
    let deref_header = &deref_header[..deref_header.find('{')?];
    let (deref_params, deref_self) = split_impl_header(deref_header)?;
    if !deref_params.iter().any(|p| p == target) {
        return None;
    }
    let (ty, deref_args) = type_args(deref_self)?;
    let pos = deref_args.iter().position(|a| a == target)?;
    let f = ctx.enclosing_function(r)?;
    let site_header = impl_header(ctx.text, f.span.start_byte as usize)?;
    let (_, site_self) = split_impl_header(site_header)?;
    let (site_ty, site_args) = type_args(site_self)?;
    // Trailing arguments with defaults (`A = Global`) may be left out.
    if site_ty != ty || pos >= site_args.len() {
        return None;
    }
    // Std traits with known methods (and std's blanket impls) give std
    // names only; any other bound could give anything.
    let bounds = bounds_of(ctx, r, &site_args[pos])?;
    bounds
        .iter()
        .all(|b| MARKER_TRAITS.contains(&b.as_str()) || std_trait_methods_known(b))
        .then(|| std_fn_names().contains(name))
}

/// The generic parameter names and the self type of an `impl<..> [Trait for] Type<..>` header.
fn split_impl_header(header: &str) -> Option<(Vec<String>, &str)> {
    let h = header.split(" where").next().unwrap_or(header).trim();
    let h = h.strip_prefix("unsafe ").unwrap_or(h).trim_start();
    let rest = h.strip_prefix("impl")?.trim_start();
    let (params, rest) = match rest.strip_prefix('<') {
        Some(inner) => {
            let (list, after) = angle_list(inner)?;
            let names = split_top(list, ',')
                .into_iter()
                .map(|p| {
                    let p = p.trim();
                    let p = p.strip_prefix("const ").unwrap_or(p);
                    p.split([':', '=']).next().unwrap_or(p).trim().to_string()
                })
                .collect();
            (names, after)
        }
        None => (Vec::new(), rest),
    };
    let self_ty = match rest.find(" for ") {
        Some(k) => &rest[k + 5..],
        None => rest,
    };
    Some((params, self_ty.trim()))
}

/// `RefMut<'a, K, V>` -> ("RefMut", ["'a", "K", "V"]).
fn type_args(ty: &str) -> Option<(&str, Vec<String>)> {
    let ty = ty.trim();
    let Some(open) = ty.find('<') else {
        let base = ty.rsplit("::").next().unwrap_or(ty);
        return Some((base, Vec::new()));
    };
    let base = ty[..open].trim();
    let (list, _) = angle_list(&ty[open + 1..])?;
    let args = split_top(list, ',')
        .into_iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    Some((base.rsplit("::").next().unwrap_or(base), args))
}

/// The text of a `<..>` list whose `<` was just consumed, and what follows it.
fn angle_list(s: &str) -> Option<(&str, &str)> {
    let end = close(s);
    Some((&s[..end], s.get(end + 1..)?))
}
