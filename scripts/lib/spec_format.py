"""The Oils spec-file format and a case runner, shared by scripts/compare-shells and scripts/compare-oils.

A file is a list of cases:

    #### case name
    code ...
    ## stdout: one line                  (or ## stdout-json: "…", or ## STDOUT: … ## END)
    ## status: N
    ## OK bash/dash stdout: …            (per-shell variants; Oils also writes OK-2, BUG-2 for further ones)

`read_cases` splits a file into cases and their annotations without judging them: compare-shells checks its own
files strictly on top of that, compare-oils reads Oils' files as Oils' test/sh_spec.py does.
"""

import os
import re
import shutil
import subprocess
import tempfile

# `## [QUALIFIER[-N] SHELLS ]KEY[:][ VALUE]`; SHELLS is one name or several joined by '/'.
ANNOTATION = re.compile(r"^## (?:(OK|N-I|BUG)(?:-(\d+))? ([A-Za-z0-9_./-]+) )?([A-Za-z_-]+)(:)?(?: (.*))?$")
# The keys whose value may run over several lines, up to `## END`.
BLOCK_KEYS = {"STDOUT": "stdout", "STDERR": "stderr"}


class SpecError(Exception):
    pass


class Annotation:
    def __init__(self, line, qualifier, variant, shells, key, value):
        self.line = line  # the line number in the file
        self.qualifier = qualifier  # None, "OK", "N-I" or "BUG"
        self.variant = variant  # None for the first variant, 2, 3, … for Oils' OK-2, BUG-3, …
        self.shells = shells  # [] when the annotation is the main expectation
        self.key = key  # "stdout", "stdout-json", "status", "stderr", … (a block's key as "stdout"/"stderr")
        self.value = value  # the text after the colon; a block's lines each followed by "\n"
        self.is_block = False


class RawCase:
    def __init__(self, path, line, name):
        self.path = path
        self.line = line
        self.name = name
        self.code_lines = []
        self.annotations = []
        self.stray_lines = []  # (line number, text): non-blank text after the annotations

    @property
    def code(self):
        lines = list(self.code_lines)
        while lines and lines[-1].strip() == "":
            lines.pop()
        return "".join(line + "\n" for line in lines)


def read_cases(path):
    """Splits a spec file into RawCases; returns (header lines before the first case, cases)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        lines = handle.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    name = os.path.basename(path)
    header = []
    cases = []
    case = None
    in_code = False
    block = None  # (annotation, lines) while inside a STDOUT: … ## END block
    for number, line in enumerate(lines, start=1):
        if block is not None:
            if line in ("## END", "## END:"):  # Oils' files write both
                annotation, content = block
                annotation.value = "".join(item + "\n" for item in content)
                block = None
            else:
                block[1].append(line)
            continue
        if line.startswith("#### "):
            case = RawCase(path, number, line[5:].strip())
            cases.append(case)
            in_code = True
            continue
        if case is None:
            header.append((number, line))
            continue
        if line == "##" or line.startswith("## "):
            in_code = False
            match = ANNOTATION.match(line)
            if not match:
                raise SpecError(f"{name}:{number}: unknown annotation {line!r}")
            qualifier, variant, shells, key, _colon, value = match.groups()
            annotation = Annotation(
                number, qualifier, int(variant) if variant else None, shells.split("/") if shells else [], key,
                value or "",
            )
            case.annotations.append(annotation)
            if key in BLOCK_KEYS:
                annotation.key = BLOCK_KEYS[key]
                annotation.is_block = True
                block = (annotation, [])
            continue
        if in_code:
            case.code_lines.append(line)
        elif line.strip():
            case.stray_lines.append((number, line))
    if block is not None:
        raise SpecError(f"{name}: STDOUT block without ## END")
    return header, cases


def make_case_directories():
    """A fresh base directory with `home` and `tmp` inside; remove it with remove_case_directories."""
    base = tempfile.mkdtemp(prefix="spec-")
    os.mkdir(os.path.join(base, "home"))
    os.mkdir(os.path.join(base, "tmp"))
    return base


def remove_case_directories(base):
    for directory, subdirs, _files in os.walk(base):
        for sub in subdirs:
            try:
                os.chmod(os.path.join(directory, sub), 0o755)
            except OSError:
                pass
    shutil.rmtree(base, ignore_errors=True)


def run_code(argv, code, env, cwd, timeout):
    """Runs `argv -c code` with stdin /dev/null; returns (stdout bytes, stderr bytes, status) or None on a timeout.

    The whole process group is killed on a timeout, so a case's background children cannot keep the pipes open.
    """
    proc = subprocess.Popen(
        argv + ["-c", code],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        return None
    return stdout, stderr, proc.returncode


def kill_group(proc):
    try:
        os.killpg(proc.pid, 9)
    except OSError:
        pass
    try:
        proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def short(text):
    text = repr(text)
    return text if len(text) <= 200 else text[:197] + "..."


def debian_version(package):
    try:
        answer = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return answer.stdout.strip() if answer.returncode == 0 else None
