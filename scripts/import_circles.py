#!/usr/bin/env python3
"""Import circles between modules: exits 1 and names each circle found.

A module is a source file without its extension (extract/html.c and
extract/html.h are the module extract/html).  Module A imports module B when
a file of A has `#include "B.h"` (paths from the top of the tree).  A circle
is a strongly connected set of two or more modules (or a module importing
itself through another name), found with Tarjan's algorithm.
"""
import os
import re
import sys

DIRS = ["core", "normalize", "extract", "map", "emit", "pipeline", "cli", "include"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)\.h"', re.M)


def modules(root):
    edges = {}
    for d in DIRS:
        path = os.path.join(root, d)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith((".c", ".h")):
                continue
            mod = d + "/" + name[:-2]
            with open(os.path.join(path, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            deps = edges.setdefault(mod, set())
            for inc in INCLUDE.findall(text):
                if "/" not in inc:
                    inc = d + "/" + inc
                if inc != mod:
                    deps.add(inc)
    return edges


def circles(edges):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in edges:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    found = circles(modules(root))
    for comp in found:
        print("import circle: " + " <-> ".join(comp))
    if found:
        return 1
    print("import circles: none among %d modules" % len(modules(root)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
