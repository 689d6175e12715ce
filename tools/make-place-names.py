#!/usr/bin/env python3
"""Writes src/DuLuan.Analysis/Text/Dedup/place-names.txt from the official unit list (MIT, see NOTICE in that folder):
one line per unit, 'P' (province) or 'C' (commune, ward, special zone), a tab, the name as written."""
import json, pathlib, sys
root = pathlib.Path(__file__).resolve().parent.parent
source = root / "src/DuLuan/Features/Units/Official/vn-units-2026-07-25.json"
lines = []
for province in json.loads(source.read_text(encoding="utf-8")):
    lines.append("P\t" + province["Name"])
    for ward in province["Wards"]:
        lines.append("C\t" + ward["Name"])
out = root / "src/DuLuan.Analysis/Text/Dedup/place-names.txt"
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(lines)} names -> {out}", file=sys.stderr)
