#!/usr/bin/python3
"""./jynq run: execute a notebook headlessly with the JYNQ kernel (nbclient, as nbconvert does).

Unlike `jupyter nbconvert --execute`, a failing cell is reported as a reader wants it: the cell's
number, the source line the error points at, and the Java error the kernel gave (its traceback is
already Java's, a few lines), not Python's stack. The executed notebook is written in every case
(to a temporary name, then renamed), so its outputs up to the failure can be read.
Exit status: 0 when every cell ran (or --allow-errors), 1 when a cell failed, 2 on bad arguments.
"""
import argparse
import os
import re
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

CELL_LINE = re.compile(r"cell line (\d+), column (\d+)")
TRACEBACK_LINES = 12


def parse_args(argv):
    p = argparse.ArgumentParser(prog="./jynq run", description="Execute a notebook with the JYNQ kernel.")
    p.add_argument("notebook")
    p.add_argument("--output", help="where to write the executed notebook (default: NB.nbconvert.ipynb, "
                                    "or NB.html with --to html)")
    p.add_argument("--to", choices=["notebook", "html"], default="notebook")
    p.add_argument("--allow-errors", action="store_true",
                   help="run every cell even after one fails, and exit 0")
    p.add_argument("--timeout", type=int, default=600,
                   help="seconds each cell may run (default 600); -1 for no limit")
    p.add_argument("--kernel", default="jynq", help="kernelspec name (default jynq)")
    return p.parse_args(argv)


def output_path(args):
    if args.output:
        return os.path.abspath(args.output)
    stem = os.path.splitext(os.path.abspath(args.notebook))[0]
    return stem + (".html" if args.to == "html" else ".nbconvert.ipynb")


def source_line(cell, traceback):
    """The line of the cell an error points at: the kernel's 'cell line N' if it gives one."""
    lines = cell.source.splitlines() or [""]
    for t in traceback:
        m = CELL_LINE.search(t)
        if m and 1 <= int(m.group(1)) <= len(lines):
            return int(m.group(1)), lines[int(m.group(1)) - 1]
    return 1, lines[0]


def report(nb):
    """Prints each error output as cell number, line and the Java error; returns how many."""
    n = 0
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for number, cell in enumerate(code_cells, 1):
        for out in cell.get("outputs", []):
            if out.get("output_type") != "error":
                continue
            n += 1
            tb = [re.sub(r"\x1b\[[0-9;]*m", "", t) for t in out.get("traceback", [])]
            line_no, text = source_line(cell, tb)
            print(f"jynq run: code cell {number} failed at its line {line_no}:", file=sys.stderr)
            print(f"    {text.strip()}", file=sys.stderr)
            print(f"  {out.get('ename')}: {out.get('evalue')}", file=sys.stderr)
            for t in tb[:TRACEBACK_LINES]:
                for piece in t.splitlines():
                    print(f"    {piece}", file=sys.stderr)
            if len(tb) > TRACEBACK_LINES:
                print(f"    ... {len(tb) - TRACEBACK_LINES} more lines in the executed notebook", file=sys.stderr)
    return n


def write(nb, args, path):
    tmp = path + ".tmp"
    if args.to == "html":
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_notebook_node(nb)
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(body)
    else:
        nbformat.write(nb, tmp)
    os.replace(tmp, path)


def main(argv):
    args = parse_args(argv)
    nb = nbformat.read(args.notebook, as_version=4)
    client = NotebookClient(nb, timeout=None if args.timeout < 0 else int(args.timeout), kernel_name=args.kernel,
                            allow_errors=args.allow_errors,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.notebook))}})
    current = {}
    client.on_cell_start = lambda cell, cell_index: current.update(cell=cell)
    stopped = None
    try:
        client.execute()
    except CellTimeoutError:
        stopped = f"a cell did not finish within {args.timeout} s (--timeout)"
    except CellExecutionError:
        pass  # the error output is in the notebook; report() prints it
    except DeadKernelError as e:
        stopped = f"the kernel died: {e}"
    path = output_path(args)
    write(nb, args, path)
    errors = report(nb)
    if stopped:
        code = [c for c in nb.cells if c.cell_type == "code"]
        cell = current.get("cell")
        where = ""
        if cell is not None and cell in code:
            number = code.index(cell) + 1
            where = f" (code cell {number}: {(cell.source.splitlines() or [''])[0].strip()})"
        print(f"jynq run: {stopped}{where}", file=sys.stderr)
    print(f"jynq run: wrote {path}", file=sys.stderr)
    if (errors or stopped) and not args.allow_errors:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
