//! Python checks that follow classes, modules and packages across files:
//! `self.m()` through project base classes in other modules, `super().m()`,
//! `module.Class.m()`, mangled `self.__m()`, signature-keeping decorators,
//! nested functions, private names and wildcard imports, and the import
//! mistakes of packages (a sibling module imported without its dot, a
//! dotted import below a standard module that is not a package). Each test
//! indexes a small real project and asserts the exact findings.

mod project;

use project::{Proj, summary};

/// Findings of whole files written over (or added to) the project.
fn files(p: &Proj, files: &[(&str, &str)]) -> Vec<String> {
    summary(&p.check_files(files))
}

const BASE_PY: &str = "\
class Handler:
    def __init__(self, level=0):
        self.level = level

    def emit(self, record):
        return record

    def flush(self):
        pass

    @classmethod
    def parse(cls, text):
        return cls()
";

fn project() -> Proj {
    Proj::new(&[
        ("app/__init__.py", ""),
        ("app/base.py", BASE_PY),
        ("app/loader.py", "def load(path):\n    return path\n"),
    ])
}

#[test]
fn self_calls_follow_bases_imported_from_other_modules() {
    let p = project();
    let got = files(
        &p,
        &[(
            "app/stream.py",
            "\
from . import base
from .base import Handler


class Stream(Handler):
    def write(self, msg):
        self.emit(msg)
        self.flush_all()
        self.flush(msg)
        self.level = 2


class Other(base.Handler):
    def run(self):
        self.emit()
        return super().emit(1), super().emitt(1)

    def go(self):
        return self.parse(\"x\"), self.parse()
",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol app/stream.py:8 class 'Stream' has no attribute 'flush_all'",
            "arity-mismatch app/stream.py:9 'flush' takes at most 0 positional argument(s) but 1 were given",
            "arity-mismatch app/stream.py:15 'emit' needs at least 1 positional argument(s) but 0 were given",
            "unknown-symbol app/stream.py:16 class 'Other' has no attribute 'emitt'",
            "arity-mismatch app/stream.py:19 'parse' needs at least 1 positional argument(s) but 0 were given",
        ]
    );
}

#[test]
fn unknown_or_dynamic_bases_mixins_and_late_attributes_are_not_findings() {
    let p = project();
    let got = files(
        &p,
        &[(
            "app/dyn.py",
            "\
import collections
from .base import Handler


def make():
    return Handler


class A(make()):
    def f(self):
        return self.anything()


class B(collections.OrderedDict, Handler):
    def f(self):
        return self.nothing_here()


class C(Handler):
    def __getattr__(self, name):
        return name

    def f(self):
        return self.whatever()


class D(dict):
    def f(self):
        return self.no_such()


class Checks:
    def f(self):
        return self.assertTrue(1)


class ChecksMixin:
    def f(self):
        return self.assertFalse(1)


class Case(Checks, collections.OrderedDict):
    pass


def utc():
    import datetime
    return datetime.timezone.utc, datetime.timezone.utcc
",
        )],
    );
    assert_eq!(
        got,
        vec!["unknown-symbol app/dyn.py:48 class 'timezone' has no attribute 'utcc'"]
    );
}

#[test]
fn standard_library_bases_written_in_python_are_followed() {
    let p = project();
    let got = files(
        &p,
        &[(
            "app/dec.py",
            "import json\nimport collections.abc as cabc\n\n\nclass Dec(json.JSONDecoder):\n    def f(self, s):\n        return self.decode(s), self.decode_all(s)\n\n\nclass Tags(cabc.Collection[str]):\n    def f(self):\n        return self.__len__(), self.isWeak()\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol app/dec.py:7 class 'Dec' has no attribute 'decode_all'",
            "unknown-symbol app/dec.py:12 class 'Tags' has no attribute 'isWeak'",
        ]
    );
}

#[test]
fn mangled_private_methods_are_looked_up_in_their_own_class() {
    let p = project();
    let got = files(
        &p,
        &[(
            "app/priv.py",
            "\
class P:
    def __calc(self, a):
        return a

    def run(self):
        return self.__calc(1), self.__calc(), self.__calcs(1)
",
        )],
    );
    assert_eq!(
        got,
        vec![
            "arity-mismatch app/priv.py:6 '__calc' needs at least 1 positional argument(s) but 0 were given",
            "unknown-symbol app/priv.py:6 class 'P' has no attribute '__calcs'",
        ]
    );
}

#[test]
fn signature_keeping_decorators_and_nested_functions_are_checked() {
    let p = project();
    let got = files(
        &p,
        &[(
            "app/funcs.py",
            "\
import contextlib
import functools


@functools.lru_cache(maxsize=8)
def cached(seconds):
    return seconds


def outer(items):
    def scan(string, idx):
        return scan(string, idx, 1)

    def plain(x):
        return x

    def again(x):
        return x

    again = plain
    print(scan)
    return cached(1, 2), scan(items, 0), again(1, 2)


@contextlib.contextmanager
def block(extra=None):
    yield extra


def run():
    # Calls after a comment that ends with a period are still calls.
    return outer([], 1)


def layout():
    with block(extra=1), block(callback=2):
        pass
",
        )],
    );
    assert_eq!(
        got,
        vec![
            "arity-mismatch app/funcs.py:12 'scan' takes at most 2 positional argument(s) but 3 were given",
            "arity-mismatch app/funcs.py:22 'cached' takes at most 1 positional argument(s) but 2 were given",
            "arity-mismatch app/funcs.py:32 'outer' takes at most 1 positional argument(s) but 2 were given",
            "unknown-keyword app/funcs.py:36 'block' has no parameter 'callback'",
        ]
    );
}

#[test]
fn imported_class_methods_and_module_classes() {
    let p = project();
    let got = files(
        &p,
        &[(
            "app/use.py",
            "\
from app import base
from app.base import Handler


def run():
    Handler.parse(\"a\")
    Handler.parse_all(\"a\")
    base.Handler.flush(None, 1)
    return Handler(1, 2)


class Holder:
    def __init__(self):
        self.base = None

    def run(self):
        return base.Handler.parse_one()
",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol app/use.py:7 class 'Handler' has no attribute 'parse_all'",
            "arity-mismatch app/use.py:8 'flush' takes at most 0 positional argument(s) but 1 were given",
            "arity-mismatch app/use.py:9 'Handler' takes at most 1 positional argument(s) but 2 were given",
            "unknown-symbol app/use.py:17 class 'Handler' has no attribute 'parse_one'",
        ]
    );
}

#[test]
fn package_import_mistakes() {
    let p = project();
    let got = files(
        &p,
        &[(
            "app/imp.py",
            "\
import functools
from loader import load
from functools.base import Result
from os.errors import Error
import os.path
import __main__
",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-import app/imp.py:2 no top-level module 'loader': 'loader' is a module of package 'app', imported relatively as '.loader'",
            "unknown-import app/imp.py:3 module 'functools.base' does not exist",
            "unknown-import app/imp.py:4 module 'os.errors' does not exist",
        ]
    );
}

#[test]
fn private_names_come_from_a_wildcard_only_through_all() {
    let p = Proj::new(&[
        ("lib/__init__.py", ""),
        (
            "lib/impl.py",
            "__all__ = ['_exported', 'public']\n\ndef _exported():\n    pass\n\ndef _hidden():\n    pass\n\ndef public():\n    pass\n",
        ),
    ]);
    let got = files(
        &p,
        &[(
            "lib/user.py",
            "from .impl import *\n\n\ndef f():\n    return _exported(), public(), _hidden(), _nowhere()\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-symbol lib/user.py:5 '_hidden' is not defined",
            "unknown-symbol lib/user.py:5 '_nowhere' is not defined",
        ]
    );
}

#[test]
fn arity_follows_re_exports_of_packages() {
    let p = Proj::new(&[
        ("lib/__init__.py", "from ._impl import compute\n"),
        ("lib/_impl.py", "def compute(a, b):\n    return a + b\n"),
    ]);
    let got = files(
        &p,
        &[(
            "main.py",
            "import lib\nfrom lib import compute\n\n\ndef run():\n    return compute(1, 2, 3), lib.compute(1), compute(1, 2), lib.compute(1, b=2, c=3)\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "arity-mismatch main.py:6 'compute' takes at most 2 positional argument(s) but 3 were given",
            "arity-mismatch main.py:6 'compute' needs at least 2 positional argument(s) but 1 were given",
            "unknown-keyword main.py:6 'compute' has no parameter 'c'",
        ]
    );
}

#[test]
fn forwarding_decorators_and_star_reexports_are_followed() {
    let p = Proj::new(&[
        (
            "web/deco.py",
            "import functools\n\n\ndef setupmethod(f):\n    def wrapper(self, *args, **kwargs):\n        return f(self, *args, **kwargs)\n\n    return functools.update_wrapper(wrapper, f)\n\n\ndef injecting(f):\n    def wrapper(request, *args):\n        return f(request, *args)\n\n    return functools.wraps(f)(wrapper)\n\n\nREG = []\n\n\ndef registers(name=None):\n    def wrap(func):\n        REG.append((name, func))\n        return func\n\n    return wrap\n",
        ),
        ("web/__init__.py", ""),
        ("web/tz/__init__.py", "from .tz import *\n"),
        (
            "web/tz/tz.py",
            "def tzoffset(name, offset):\n    return name\n",
        ),
    ]);
    let got = files(
        &p,
        &[(
            "web/app.py",
            "from .deco import setupmethod, injecting, registers\nfrom . import tz\n\n\nclass App:\n    @setupmethod\n    def register(self, code, f):\n        return code\n\n    @injecting\n    def view(self, a):\n        return a\n\n    def run(self):\n        self.register(1)\n        self.view(1, 2, 3)\n        return tz.tzoffsets(1), tz.tzoffset(\"a\", 1)\n\n\n@registers(\"x\")\ndef is_x(instance):\n    return instance\n\n\nis_x(1, 2)\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "arity-mismatch web/app.py:15 'register' needs at least 2 positional argument(s) but 1 were given",
            "unknown-symbol web/app.py:17 module 'tz' has no attribute 'tzoffsets'",
            "arity-mismatch web/app.py:25 'is_x' takes at most 1 positional argument(s) but 2 were given",
        ]
    );
}

#[test]
fn import_paths_name_modules_and_private_names_are_checked() {
    let p = Proj::new(&[
        ("webpkg/__init__.py", "VERSION = 1\n"),
        (
            "webpkg/helpers.py",
            "def _hidden(x):\n    return x\n\nutils = None\n",
        ),
        ("webpkg/web/app.py", "from ..helpers import _hidden\n"),
    ]);
    let got = files(
        &p,
        &[(
            "webpkg/web/app.py",
            "from ..helpers import _hidden\nfrom helpers.impl import thing\nfrom webpkg.helpers.utils import x\nfrom .. import helpers\n\n\ndef run():\n    return helpers._hidden(1), helpers._hiddenn(1), helpers.__doc__\n",
        )],
    );
    assert_eq!(
        got,
        vec![
            "unknown-import webpkg/web/app.py:2 no top-level module 'helpers': 'helpers' is a module of package 'webpkg', imported relatively as '..helpers.impl'",
            "unknown-import webpkg/web/app.py:3 module 'webpkg.helpers.utils' does not exist",
            "unknown-symbol webpkg/web/app.py:8 module 'helpers' has no attribute '_hiddenn'",
        ]
    );
}

#[test]
fn private_standard_submodules_are_modules() {
    let p = project();
    let got = files(
        &p,
        &[(
            "app/mail.py",
            "from email import _header_value_parser\nfrom email import _no_such_part\n",
        )],
    );
    assert_eq!(
        got,
        vec!["unknown-import app/mail.py:2 module 'email' has no name '_no_such_part'"]
    );
}
