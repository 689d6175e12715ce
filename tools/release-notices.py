#!/usr/bin/env python3
"""Writes THIRD-PARTY-NOTICES.md for a published build: every NuGet package in the build's assets file (with its
licence from the package's nuspec, and the licence text where the package ships one), the .NET runtime's own notices,
the npm packages copied into wwwroot/lib, and the NOTICE.md / SOURCE.md files of data bundled in the binary.

Usage: release-notices.py REPO_ROOT ASSETS_JSON RID OUT_FILE
"""
import json
import os
import re
import sys

root, assets_path, rid, out_path = sys.argv[1:5]
packages_root = os.environ.get("NUGET_PACKAGES") or os.path.expanduser("~/.nuget/packages")
assets = json.load(open(assets_path, encoding="utf-8"))
target = next(v for k, v in assets["targets"].items() if k.endswith("/" + rid))
lines = ["# Third-party notices", "",
         "DuLuan bundles the software and data below. Each keeps its own licence; the texts follow the list.", ""]
texts = []


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read().strip()


lines += ["## NuGet packages (compiled into this build)", "", "| package | version | licence |", "| --- | --- | --- |"]
for key, info in sorted(target.items(), key=lambda kv: kv[0].lower()):
    if info.get("type") != "package":
        continue
    shipped = [f for section in ("runtime", "native", "runtimeTargets", "resource") for f in info.get(section, {})]
    if not any(not f.endswith("_._") for f in shipped):
        continue  # analyzers and reference-only packages: nothing of theirs is in the build
    name, version = key.split("/")
    folder = os.path.join(packages_root, name.lower(), version.lower())
    nuspec = os.path.join(folder, name.lower() + ".nuspec")
    licence = "see package"
    if os.path.exists(nuspec):
        spec = read(nuspec)
        m = re.search(r'<license type="expression">([^<]+)</license>', spec)
        f = re.search(r'<license type="file">([^<]+)</license>', spec)
        u = re.search(r"<licenseUrl>([^<]+)</licenseUrl>", spec)
        if m:
            licence = m.group(1)
        elif f:
            licence = "file " + f.group(1)
            text_path = os.path.join(folder, f.group(1))
            if os.path.exists(text_path):
                texts.append((f"{name} {version}", read(text_path)))
        elif u:
            licence = u.group(1)
    lines.append(f"| {name} | {version} | {licence} |")

lines += ["", "## .NET runtime (self-contained)", ""]
for pack in ("microsoft.netcore.app.runtime." + rid, "microsoft.aspnetcore.app.runtime." + rid):
    base = os.path.join(packages_root, pack)
    if not os.path.isdir(base):
        continue
    version = sorted(os.listdir(base))[-1]
    lines.append(f"- {pack} {version}: MIT; its THIRD-PARTY-NOTICES are below.")
    notices = os.path.join(base, version, "THIRD-PARTY-NOTICES.TXT")
    if os.path.exists(notices):
        texts.append((f"{pack} {version} THIRD-PARTY-NOTICES", read(notices)))

lines += ["", "## Front-end packages (npm, copied into wwwroot/lib at build time)", ""]
node_modules = os.path.join(root, "src", "DuLuan", "node_modules")
for package in json.load(open(os.path.join(root, "src", "DuLuan", "package.json")))["dependencies"]:
    meta = json.load(open(os.path.join(node_modules, package, "package.json"), encoding="utf-8"))
    lines.append(f"- {package} {meta['version']}: {meta.get('license', 'see package')}")
    for candidate in ("LICENSE", "LICENSE.md", "LICENSE.txt"):
        path = os.path.join(node_modules, package, candidate)
        if os.path.exists(path):
            texts.append((f"{package} {meta['version']}", read(path)))
            break

lines += ["", "## Data bundled in the binary", ""]
for folder, _, files in sorted(os.walk(os.path.join(root, "src"))):
    if "node_modules" in folder or "/bin" in folder or "/obj" in folder:
        continue
    for name in sorted(files):
        if name in ("NOTICE.md", "SOURCE.md"):
            rel = os.path.relpath(os.path.join(folder, name), root)
            lines.append(f"- `{rel}`")
            texts.append((rel, read(os.path.join(folder, name))))

lines += ["", "---", ""]
for title, text in texts:
    lines += [f"## {title}", "", "```", text, "```", ""]
with open(out_path, "w", encoding="utf-8") as out:
    out.write("\n".join(lines) + "\n")
print(f"{out_path}: {sum(1 for l in lines if l.startswith('| ') and not l.startswith('| package') and not l.startswith('| ---'))} NuGet packages, {len(texts)} licence texts")
