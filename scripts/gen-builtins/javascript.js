#!/usr/bin/env node
// Generate crates/check/data/builtins/javascript.txt and typescript.txt.
//
// Usage (from the repo root):  node scripts/gen-builtins/javascript.js
//
// Sources:
//   - Node itself (the `node` running this script): globals from
//     Object.getOwnPropertyNames(globalThis), the module list from
//     require('module').builtinModules, and each builtin module's members
//     (own enumerable and non-enumerable property names of require(m)).
//   - TypeScript's own lib files (lib.dom.d.ts, lib.webworker.d.ts,
//     lib.es*.d.ts) from the `typescript` npm package, installed with npm into
//     a scratch directory (target/gen-builtins/npm): every `declare var`,
//     `declare function`, `declare namespace` name is a browser/ES global;
//     for typescript.txt also every `interface` and `type` name.
//   - @types/node (same scratch install, TYPES_NODE_VERSION: the newest
//     release, so APIs newer than the running Node are known): every
//     `declare module "x"` names a builtin module; those Node's
//     builtinModules does not list (scheme-only ones such as node:test) are
//     required by their `node:` name for members. The value declarations of
//     each module block (`function`, `const`, `class`, `namespace`, `enum`
//     at its top, and `export * from` another module) are members too, so a
//     member newer than the running Node (zlib.createZstdDecompress) is
//     known; a module whose block has `export = x` gets the members of the
//     interface `x` is declared with (`var process: NodeJS.Process`), when
//     most of them are on the runtime object already.
// Output format: see scripts/gen-builtins/python.py. Sorted, deterministic
// for a given Node and TypeScript version (both named in the header).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const TS_VERSION = '5.9.3';
const TYPES_NODE_VERSION = '26.6.11';
const OUT_DIR = 'crates/check/data/builtins';
const SCRATCH = 'target/gen-builtins/npm';

function installTypescript() {
  const lib = path.join(SCRATCH, 'node_modules', 'typescript', 'lib');
  const pkg = path.join(SCRATCH, 'node_modules', 'typescript', 'package.json');
  const typesPkg = path.join(SCRATCH, 'node_modules', '@types', 'node', 'package.json');
  const version = (f) => JSON.parse(fs.readFileSync(f, 'utf8')).version;
  if (!fs.existsSync(pkg) || !fs.existsSync(typesPkg) || version(pkg) !== TS_VERSION || version(typesPkg) !== TYPES_NODE_VERSION) {
    fs.mkdirSync(SCRATCH, { recursive: true });
    execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefix', SCRATCH, `typescript@${TS_VERSION}`, `@types/node@${TYPES_NODE_VERSION}`], {
      stdio: 'inherit',
    });
  }
  return lib;
}

const FN_OWN = new Set(['length', 'name', 'prototype', 'arguments', 'caller']);

function members(value) {
  const names = new Set();
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return names;
  for (const k of Object.keys(value)) names.add(k);
  for (const k of Object.getOwnPropertyNames(value)) {
    if (typeof value === 'function' && FN_OWN.has(k)) continue;
    names.add(k);
  }
  // A module that is a class (events, stream): its static methods are own
  // names; instance methods are not members of the module object.
  return names;
}

function nodeData() {
  const globals = new Set(Object.getOwnPropertyNames(globalThis));
  // Node's CommonJS module-scope names are not on globalThis.
  for (const g of ['require', 'module', 'exports', '__filename', '__dirname']) globals.add(g);
  const modules = {};
  const failed = [];
  const list = require('module').builtinModules.filter((m) => !m.startsWith('_'));
  for (const m of list) {
    try {
      modules[m] = [...members(require(m))];
    } catch (e) {
      modules[m] = ['*'];
      failed.push(m);
    }
  }
  // Modules @types/node declares: those builtinModules leaves out
  // (node:test) by their `node:` name, and the members each declares.
  const typesDir = path.join(SCRATCH, 'node_modules', '@types', 'node');
  const declared = typesModules(typesDir);
  for (const name of Object.keys(declared).sort()) {
    if (name in modules || !require('module').isBuiltin('node:' + name)) continue;
    try {
      modules[name] = [...members(require('node:' + name))];
    } catch (e) {
      modules[name] = ['*'];
      failed.push(name);
    }
  }
  const typed = (name, seen) => {
    const d = declared[name];
    if (!d || seen.has(name)) return null;
    // `export = process` of `var process: NodeJS.Process`: the interface's
    // members (`send?()`, `disconnect?()` exist when a parent opened IPC).
    if (d.exportAssigned) return d.assignedMembers;
    seen.add(name);
    const out = new Set(d.values);
    for (const other of d.reexports) for (const v of typed(other, seen) || []) out.add(v);
    return out;
  };
  for (const name of Object.keys(declared)) {
    const values = typed(name, new Set());
    if (!values) continue;
    if (!(name in modules)) modules[name] = [];
    if (modules[name].includes('*')) continue;
    if (declared[name].exportAssigned) {
      // The interface must describe the object require() returns: most of
      // its members are already there (process, cluster), unlike
      // `module`'s, which types the CommonJS `module` object, not the
      // Module class require('module') returns.
      const have = new Set(modules[name]);
      const shared = [...values].filter((v) => have.has(v)).length;
      if (shared * 2 < values.size) continue;
    }
    modules[name] = [...new Set([...modules[name], ...values])];
  }
  return { globals, modules, failed };
}

// `declare module "x" { … }` blocks of the @types/node files: per module
// (without `node:`), the names its top level declares as values, the
// modules it re-exports whole, and whether it has `export =`.
function typesModules(typesDir) {
  const out = {};
  for (const f of fs.readdirSync(typesDir, { recursive: true }).sort()) {
    if (!String(f).endsWith('.d.ts')) continue;
    const text = stripComments(fs.readFileSync(path.join(typesDir, String(f)), 'utf8'));
    for (const m of text.matchAll(/^\s*declare module ["']([^"']+)["']\s*\{/gm)) {
      const name = m[1].replace(/^node:/, '');
      const d = (out[name] ||= { values: new Set(), reexports: [], exportAssigned: false, assignedMembers: null });
      let depth = 1;
      let i = m.index + m[0].length;
      let line = '';
      for (; i < text.length && depth > 0; i++) {
        const c = text[i];
        if (c === '{') depth++;
        else if (c === '}') depth--;
        if (c === '\n') {
          topLevel(line, d);
          line = '';
        } else if (depth === 1 && c !== '}') line += c;
      }
      topLevel(line, d);
      const assigned = text.slice(m.index, i).match(/^\s*export\s*=\s*([A-Za-z_$][\w$]*)\s*;/m);
      if (assigned && !d.assignedMembers) d.assignedMembers = assignedMembers(text, assigned[1]);
    }
  }
  return out;
}

// The members of the interface a module's `export = NAME` value is typed
// with in the same file (`var process: NodeJS.Process` → `interface
// Process {…}`), or null when the file does not say.
function assignedMembers(text, name) {
  const v = text.match(new RegExp(`\\b(?:var|let|const)\\s+${name}\\s*:\\s*(?:[\\w$]+\\.)*([A-Za-z_$][\\w$]*)\\s*;`));
  if (!v) return null;
  const out = new Set();
  let found = false;
  for (const m of text.matchAll(new RegExp(`\\binterface\\s+${v[1]}\\b[^{]*\\{`, 'g'))) {
    found = true;
    for (const k of bodyMembers(text, m.index + m[0].length)) out.add(k);
  }
  return found ? out : null;
}

// The member names of the type body that opens just before `start` (an
// interface's or an object type's `{`): members start lines at brace depth
// 1 outside any parentheses (a parameter on its own line is no member);
// `get x()` / `set x(v)` name `x`; construct signatures (`new (…)`) and
// computed keys (`[Symbol.iterator]`) name nothing.
function bodyMembers(text, start) {
  const out = new Set();
  let depth = 1;
  let parens = 0;
  let line = '';
  let lineParens = 0;
  for (let i = start; i < text.length && depth > 0; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '(') parens++;
    else if (c === ')') parens--;
    if (c === '\n' || (c === ';' && depth === 1) || depth === 0) {
      const k = line.match(/^\s*(?:readonly\s+)?(?:(?:get|set)\s+)?([A-Za-z_$][\w$]*)\??\s*[(:<]/);
      if (k && lineParens === 0 && k[1] !== 'new') out.add(k[1]);
      line = '';
      lineParens = parens;
    } else if (depth === 1) line += c;
  }
  return out;
}

// The index just past the brace that closes the one opening before
// `start`.
function bodyEnd(text, start) {
  let depth = 1;
  let i = start;
  for (; i < text.length && depth > 0; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
  }
  return i;
}

// The declarations of the lib `files`: interfaces' members merged across
// files (`ifaceMembers` follows their `extends`, null when one reaches an
// interface no file declares), what each `declare var X` is typed with,
// and the values each `declare namespace` declares.
function libTypes(libDir, files) {
  const ifaces = new Map();
  const typed = new Map();
  const spaces = new Map();
  const add = (map, k, names) => {
    if (!map.has(k)) map.set(k, new Set());
    for (const n of names) map.get(k).add(n);
  };
  const bases = new Map();
  for (const f of files) {
    const text = stripComments(fs.readFileSync(path.join(libDir, f), 'utf8'));
    for (const m of text.matchAll(/^(?:declare\s+)?interface\s+([A-Za-z_$][\w$]*)\s*(<[^{]*?>)?\s*(?:extends\s+([^{]+))?\{/gm)) {
      add(ifaces, m[1], bodyMembers(text, m.index + m[0].length));
      const list = (m[3] || '').replace(/<[^<>]*(<[^<>]*>[^<>]*)*>/g, '');
      add(bases, m[1], list.split(',').map((b) => b.trim()).filter(Boolean));
    }
    for (const m of text.matchAll(/^declare\s+var\s+([A-Za-z_$][\w$]*)\s*:\s*/gm)) {
      const rest = text.slice(m.index + m[0].length);
      const named = rest.match(/^([A-Za-z_$][\w$]*)\s*;/);
      if (named) typed.set(m[1], { type: named[1] });
      else if (rest.startsWith('{')) {
        const start = m.index + m[0].length + 1;
        const end = bodyEnd(text, start);
        if (/^\s*;/.test(text.slice(end))) typed.set(m[1], { members: bodyMembers(text, start) });
        else typed.set(m[1], { unknown: true });
      } else typed.set(m[1], { unknown: true });
    }
    for (const m of text.matchAll(/^declare\s+namespace\s+([A-Za-z_$][\w$]*)\s*\{/gm)) {
      const start = m.index + m[0].length;
      const body = text.slice(start, bodyEnd(text, start));
      const names = [...body.matchAll(/^\s*(?:export\s+)?(?:var|let|const|function|class|namespace|enum)\s+([A-Za-z_$][\w$]*)/gm)].map((v) => v[1]);
      add(spaces, m[1], names);
    }
  }
  const ifaceMembers = (name, seen = new Set()) => {
    if (seen.has(name)) return new Set();
    seen.add(name);
    if (!ifaces.has(name)) return null;
    const out = new Set(ifaces.get(name));
    for (const b of bases.get(name) || []) {
      const inherited = ifaceMembers(b, seen);
      if (inherited === null) return null;
      for (const k of inherited) out.add(k);
    }
    return out;
  };
  return { typed, spaces, ifaceMembers };
}

// The static members of the ECMAScript and DOM globals, from the lib files
// (interfaces merged across files, their `extends` followed): for `declare
// var X: T;` the members of interface T, for `declare var X: {…}` the
// object type's, for `declare namespace X {…}` the values it declares;
// with what Node's own global of that name has (its own and inherited
// properties up to Function.prototype or Object.prototype). A global
// typed any other way (`Window & typeof globalThis`) is left out: its
// members are not known. Only the globals `listed` says are written: the
// instance-typed DOM globals (`document`, `navigator`) carry vendor and
// legacy members (`document.documentMode`) that no lib file declares.
function libGlobals(types, listed) {
  const { typed, spaces, ifaceMembers } = types;
  const out = {};
  for (const [name, t] of typed) {
    if (!listed(name)) continue;
    const members = t.members || (t.type && ifaceMembers(t.type));
    if (!members || t.unknown) continue;
    out[name] = new Set(members);
  }
  for (const [name, names] of spaces) {
    if (!listed(name) || (typed.has(name) && !out[name])) continue;
    out[name] = new Set([...(out[name] || []), ...names]);
  }
  for (const name of Object.keys(out)) {
    let v;
    try {
      v = globalThis[name];
    } catch {
      continue;
    }
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) continue;
    const stop = typeof v === 'function' ? Function.prototype : Object.prototype;
    for (let o = v; o && o !== stop; o = Object.getPrototypeOf(o)) {
      for (const k of Object.getOwnPropertyNames(o)) if (/^[A-Za-z_$][\w$]*$/.test(k)) out[name].add(k);
    }
    out[name].delete('prototype');
  }
  return out;
}

// The instance members of the DOM's classes (`declare var HTMLElement: {
// prototype: HTMLElement; new(): HTMLElement; }` with `interface
// HTMLElement extends Element, …`), for a TypeScript class extending one:
// the interface of the class's name, merged across the lib files, with
// its `extends` followed; a class whose interface reaches one that no lib
// file declares is left out.
function domClasses(types) {
  const { typed, ifaceMembers } = types;
  const out = {};
  for (const name of typed.keys()) {
    const t = typed.get(name);
    if (!t.members || !t.members.has('prototype')) continue;
    const members = ifaceMembers(name);
    if (members) out[name] = members;
  }
  return out;
}

function topLevel(line, d) {
  const v = line.match(/^\s*(?:export\s+)?(?:declare\s+)?(?:function\*?|const|let|var|class|abstract\s+class|namespace|enum)\s+([A-Za-z_$][\w$]*)/);
  if (v) d.values.add(v[1]);
  const r = line.match(/^\s*export\s+\*\s+from\s+["']([^"']+)["']/);
  if (r) d.reexports.push(r[1].replace(/^node:/, ''));
  if (/^\s*export\s*=/.test(line)) d.exportAssigned = true;
}

// Block and line comments out (JSDoc examples hold braces); strings kept.
function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\/|([^:"'`]|^)\/\/[^\n]*/g, (m, pre) => (pre === undefined ? m.replace(/[^\n]/g, ' ') : pre));
}

function libNames(libDir, files) {
  const globals = new Set();
  const types = new Set();
  for (const f of files) {
    const text = fs.readFileSync(path.join(libDir, f), 'utf8');
    for (const m of text.matchAll(/^declare\s+(?:var|let|const|function|namespace|class)\s+([A-Za-z_$][\w$]*)/gm)) globals.add(m[1]);
    for (const m of text.matchAll(/^(?:declare\s+)?(?:interface|type)\s+([A-Za-z_$][\w$]*)/gm)) types.add(m[1]);
  }
  return { globals, types };
}

function write(file, header, sections) {
  const lines = [...header];
  for (const [title, names] of sections) {
    lines.push(title);
    lines.push(...[...names].sort());
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(path.join(OUT_DIR, file), lines.join('\n') + '\n');
}

function main() {
  const libDir = installTypescript();
  const libFiles = fs.readdirSync(libDir).filter((f) => /^lib\..*\.d\.ts$/.test(f)).sort();
  const dom = libFiles.filter((f) => /^lib\.(dom|dom\.iterable|dom\.asynciterable|webworker|webworker\.importscripts|scripthost)\.d\.ts$/.test(f));
  const es = libFiles.filter((f) => /^lib\.(es\d+|es\d+\.\w+|esnext|esnext\.\w+|decorators|decorators\.legacy)\.d\.ts$/.test(f) || f === 'lib.es5.d.ts');
  const node = nodeData();
  const browser = libNames(libDir, dom);
  const ecma = libNames(libDir, es);
  const globals = new Set([...node.globals, ...browser.globals, ...ecma.globals]);
  const header = [
    '# JavaScript globals and Node builtin modules, generated by scripts/gen-builtins/javascript.js',
    `# from Node ${process.version} (globalThis, require('module').builtinModules, members of require(m))`,
    `# and @types/node ${JSON.parse(fs.readFileSync(path.join(SCRATCH, 'node_modules', '@types', 'node', 'package.json'), 'utf8')).version} module declarations,`,
    `# and TypeScript ${TS_VERSION} lib files (declare var/function/namespace/class): ${[...dom, ...es].length} files`,
    `# ${node.failed.length} modules listed without members (require failed): ${node.failed.join(' ')}`,
  ];
  const sections = [['@builtins', globals]];
  for (const m of Object.keys(node.modules).sort()) sections.push(['@module ' + m, node.modules[m]]);
  write('javascript.txt', header, sections);
  const tsTypes = new Set([...browser.types, ...ecma.types]);
  for (const g of globals) tsTypes.delete(g);
  write(
    'typescript.txt',
    [
      '# TypeScript global type names (interface/type declarations) beyond the JavaScript globals,',
      `# generated by scripts/gen-builtins/javascript.js from TypeScript ${TS_VERSION} lib files:`,
      `# ${[...dom, ...es].join(' ')}`,
      '# The checker reads javascript.txt too for TypeScript.',
    ],
    [['@builtins', tsTypes]],
  );
  // The ECMAScript globals, and `console`, which Node defines too.
  // (The lib files' declarations, read once for both data files below.)
  const types = libTypes(libDir, [...dom, ...es]);
  const statics = libGlobals(types, (g) => ecma.globals.has(g) || g === 'console');
  write(
    'js-globals.txt',
    [
      '# Static members of the ECMAScript globals and console (`Object.keys`, `Math.floor`, `console.log`),',
      `# generated by scripts/gen-builtins/javascript.js from TypeScript ${TS_VERSION} lib files (the same as`,
      `# typescript.txt's) and Node ${process.version}'s globals of the same names. A global typed otherwise`,
      '# than by one interface, an object type or a namespace is not listed (its members are unknown).',
    ],
    Object.keys(statics).sort().map((g) => ['@module ' + g, statics[g]]),
  );
  console.error(
    `js-globals.txt: ${Object.keys(statics).length} globals`,
  );
  const classes = domClasses(types);
  write(
    'dom-classes.txt',
    [
      '# Instance members of the DOM classes (`HTMLElement`, `EventTarget`), for TypeScript classes extending one,',
      `# generated by scripts/gen-builtins/javascript.js from TypeScript ${TS_VERSION} lib files (the same as`,
      "# typescript.txt's): each `declare var X: { prototype: X; … }`'s interface X, merged across files, with its `extends`.",
    ],
    Object.keys(classes).sort().map((c) => ['@class ' + c, classes[c]]),
  );
  console.error(`dom-classes.txt: ${Object.keys(classes).length} classes`);
  console.error(
    `javascript.txt: ${globals.size} globals, ${Object.keys(node.modules).length} modules; typescript.txt: ${tsTypes.size} type names`,
  );
}

main();
