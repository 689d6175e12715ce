#!/usr/bin/env python3
"""Writes src/DuLuan/Resources/SharedResource(.en).resx from tools/strings.tsv and tools/strings/*.tsv
(key, Vietnamese, English). Each feature may keep its own TSV under tools/strings/ so parallel work
does not collide. Edit a TSV, run this, commit both: the TSV keeps the two languages side by side."""
import glob, os, sys
from xml.sax.saxutils import escape
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
files = [os.path.join(root, 'tools/strings.tsv')] + sorted(glob.glob(os.path.join(root, 'tools/strings/*.tsv')))
rows = [l.rstrip('\n').split('\t') for p in files for l in open(p, encoding='utf-8') if l.strip()]
bad = [r for r in rows if len(r) != 3]
if bad: sys.exit(f'bad rows: {bad}')
keys = [r[0] for r in rows]
dupes = sorted({k for k in keys if keys.count(k) > 1})
if dupes: sys.exit(f'duplicate keys: {dupes}')
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for suffix, col in (('', 1), ('.en', 2)):
    with open(os.path.join(root, f'src/DuLuan/Resources/SharedResource{suffix}.resx'), 'w', encoding='utf-8') as f:
        f.write(head)
        for r in sorted(rows):
            f.write(f'  <data name="{escape(r[0])}" xml:space="preserve"><value>{escape(r[col])}</value></data>\n')
        f.write('</root>\n')
