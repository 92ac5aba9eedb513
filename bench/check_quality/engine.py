"""Running `plumb check` and scoring what it says.

Owns the contract with the engine (docs/check-json.md): the command line,
exit codes 0/1/2, the JSON report, and the rule that a mutation counts as
caught when a finding of the expected kind lands on the mutated line ±1.
"""
import json
import subprocess
import time

NOT_FALSE = {"unverifiable"}  # notes, not claims that the code is wrong
# Advice, not a claim that the code is wrong: counted and shown apart from false findings.
ADVISORY = {"duplicate-function"}


class Engine:
    def __init__(self, plumb):
        self.plumb = plumb
        self.available = None
        self.error = None

    def probe(self, repo):
        """Whether this plumb has a `check` subcommand at all."""
        cp = subprocess.run([str(self.plumb), "-C", str(repo), "check", "--help"], capture_output=True, text=True)
        self.available = cp.returncode == 0
        if not self.available:
            self.error = (cp.stderr or cp.stdout).strip().splitlines()[:1]
        return self.available

    def check(self, repo, args, index=None):
        """Run one check; returns (findings or None on error, wall seconds, exit code, stderr tail)."""
        if not self.available:
            return None, 0.0, None, "plumb check unavailable"
        cmd = [str(self.plumb), "-C", str(repo)]
        if index:
            cmd += ["--index", str(index)]
        cmd += ["check", *args, "--format", "json"]
        t0 = time.perf_counter()
        cp = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if cp.returncode not in (0, 1):
            return None, wall, cp.returncode, cp.stderr[-400:]
        try:
            rep = json.loads(cp.stdout)
        except ValueError:
            return None, wall, cp.returncode, "unparsable JSON: " + cp.stdout[:200]
        findings = rep.get("findings", [])
        if (cp.returncode == 1) != bool(findings):
            # Exit code disagrees with the report: recorded, not fatal.
            rep.setdefault("_contract", []).append(f"exit {cp.returncode} with {len(findings)} findings")
        return findings, wall, cp.returncode, ""


def caught(findings, case):
    """(strict, any): a finding of the expected kind on the mutated line ±1; any finding kind there."""
    strict = anyk = False
    for f in findings or []:
        if f.get("file") != case["file"] or abs(int(f.get("line", 0)) - case["line"]) > 1:
            continue
        if f.get("kind") in NOT_FALSE or f.get("kind") in ADVISORY:
            continue
        anyk = True
        if f.get("kind") == case["kind"]:
            strict = True
    return strict, anyk


def false_findings(findings):
    """Findings on unmodified code, by kind (advisory kinds included; callers separate them)."""
    out = {}
    for f in findings or []:
        k = f.get("kind", "?")
        if k in NOT_FALSE:
            continue
        out[k] = out.get(k, 0) + 1
    return out
