#!/usr/bin/env python3
"""docs/dtruss.md must name every syscall src/dtruss/dtruss_layouts.cc maps
to a dtruss clause, so the documented mapping cannot drift from the code."""
import re
import sys

root = sys.argv[1]
src = open(f"{root}/src/dtruss/dtruss_layouts.cc").read()
doc = open(f"{root}/docs/dtruss.md").read()
names = re.findall(r'\{"([a-z0-9_]+)", &k', src)
missing = [n for n in names if f"`{n}`" not in doc]
if not names or missing:
    print(f"docs/dtruss.md does not mention: {missing}" if names else "no mappings found")
    sys.exit(1)
