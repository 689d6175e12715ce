#!/usr/bin/env python3
"""Prints file:line of every C# string literal with Vietnamese letters in src/DuLuan outside the places where
such literals belong (resources, demo seeds, operator CLI output, the data listed in DATA), then the count. UI text goes through tools/strings/*.tsv instead (see docs/architecture.md).
--joined lists only "Vietnamese / English" literals (one message in two languages joined by " / ").
Usage: python3 tools/vietnamese-literals.py [--joined] [--count]   (tests/DuLuan.Tests/Architecture/LocalisationTests.cs
keeps both counts from growing)."""
import os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
source = os.path.join(root, 'src', 'DuLuan')
# Folders and files where Vietnamese literals are the point, not UI text waiting for a resource key.
ALLOWED = (
    'Resources/',
    'Cli/',                      # operator output, bilingual by design
)
ALLOWED_NAMES = re.compile(r'(DemoSeed|Demo)[A-Za-z.]*\.cs$')
# Vietnamese that is data, not UI text: (file, pattern of the line, why). Only the lines matching are skipped.
DATA = (
    ('Features/Publish/Metrics/MetricsCsv.cs', re.compile(r'^\s*\["[^"]+"\] = "\w+",$'),
     'column headers of the platforms\' Vietnamese exports, matched when a metrics CSV is read'),
    ('Features/Units/UnitTree.cs', re.compile(r'RootName = "Việt Nam";'),
     'the stored name of the root unit above the provinces'),
)
VIETNAMESE = re.compile('[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]', re.IGNORECASE)
# Regular, verbatim, interpolated and raw string literals; comments are removed first.
LITERAL = re.compile(r'"""[\s\S]*?"""|\$?@?"(?:[^"\\\n]|\\.|"")*"|@\$"(?:[^"]|"")*"')
# Vietnamese, then " / ", then English words: "Tệp trống / The file is empty".
JOINED = re.compile(r' / (?:[^/"]*\b)?[A-Za-z]{2,} [A-Za-z]{2,}')


def strip_comments(text):
    # Keep string literals intact: blank out comments that are not inside one.
    out, i = [], 0
    for m in re.finditer(r'"""[\s\S]*?"""|@?\$?"(?:[^"\\\n]|\\.|"")*"|\'(?:[^\'\\\n]|\\.)\'|//[^\n]*|/\*[\s\S]*?\*/', text):
        out.append(text[i:m.start()])
        token = m.group(0)
        out.append(re.sub(r'[^\n]', ' ', token) if token.startswith('/') else token)
        i = m.end()
    out.append(text[i:])
    return ''.join(out)


def findings(joined=False):
    for folder, _, files in os.walk(source):
        for name in sorted(files):
            if not name.endswith('.cs'):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, source).replace(os.sep, '/')
            if rel.startswith(ALLOWED) or ALLOWED_NAMES.search(name):
                continue
            text = strip_comments(open(path, encoding='utf-8').read())
            lines = text.split('\n')
            data = [pattern for file, pattern, _ in DATA if file == rel]
            for m in LITERAL.finditer(text):
                line = text.count(chr(10), 0, m.start()) + 1
                if any(p.search(lines[line - 1]) for p in data):
                    continue
                if VIETNAMESE.search(m.group(0)) and (not joined or JOINED.search(m.group(0))):
                    yield f'src/DuLuan/{rel}:{line}: {m.group(0)[:100]}'


if __name__ == '__main__':
    found = sorted(findings('--joined' in sys.argv))
    if '--count' not in sys.argv:
        print('\n'.join(found))
    print(len(found))
