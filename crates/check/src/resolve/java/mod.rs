//! Java: imports (JDK packages and classes from the generated list, the
//! project's own packages under its root packages, declared Maven/Gradle
//! dependencies), bare calls through the enclosing classes and their
//! project supertypes and static imports, `this.m()`, `super.m()`,
//! `Type.m()` for project classes and listed JDK classes, `x.m()` where `x`
//! is declared with a project class, `new C(..)`, and
//! the arity of calls whose overloads are all known (`T...` is variadic).
//!
//! Calls on values of other types, method references, and members of
//! classes with a supertype outside the project or Lombok annotations are
//! never findings.
//!
//! Split by concern: [`project`] (files, packages), [`classes`] (project
//! classes and their headers), [`build`] (what build files say), [`types`]
//! (type names in scope, methods through supertypes), [`context`] (class
//! bodies around a reference), [`imports`], [`deps`] (which dependency
//! provides a package), [`calls`], [`ctors`] (constructors and arity), [`values`] (declared types of receivers).

mod build;
mod calls;
mod classes;
mod context;
mod ctors;
mod deps;
mod imports;
mod project;
mod types;
mod values;

pub use calls::check_ref;
pub use imports::check_import;
