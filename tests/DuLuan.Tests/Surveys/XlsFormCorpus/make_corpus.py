#!/usr/bin/env python3
"""Writes the XLSForm test corpus (.xlsx) and corpus.tsv (file, expected outcome, questions DuLuan supports).
Forms written for DuLuan in the styles of KoboToolbox and ODK users (see SOURCE.md). Run it, then make the .xls
copies with LibreOffice (see SOURCE.md): soffice --headless --convert-to xls --outdir . <file>.xlsx, and the .lo.xlsx
copies (re-saved by LibreOffice Calc) with --convert-to xlsx into a scratch folder, renamed <file>.lo.xlsx."""
import os, zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
# Types DuLuan keeps as questions (the XLSForm spec's spellings and pyxform's aliases), used only to count expectations.
SELECTS = ('select_one ', 'select_multiple ', 'select one ', 'select multiple ', 'select all that apply ', 'select1 ',
           'select_one_external ', 'select_one_from_file ', 'select one from file ', 'add select one prompt using ')
SIMPLE = {'integer', 'int', 'decimal', 'text', 'string', 'date', 'range', 'add integer prompt', 'add text prompt',
          'add decimal prompt', 'add date prompt'}

def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def sheet_xml(rows, pad_to=0):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, 1):
        cells = []
        for c, v in enumerate(row):
            if v is None or v == '':
                if pad_to:
                    cells.append(f'<c r="{col(c)}{r}" s="1"/>')
                continue
            if isinstance(v, (int, float)):
                cells.append(f'<c r="{col(c)}{r}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{col(c)}{r}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
        for c in range(len(row), pad_to):
            cells.append(f'<c r="{col(c)}{r}" s="1"/>')
        out.append(f'<row r="{r}">' + ''.join(cells) + '</row>')
    if pad_to:
        for r in range(len(rows) + 1, len(rows) + 40):
            out.append(f'<row r="{r}" s="1" customFormat="1">' + ''.join(f'<c r="{col(c)}{r}" s="1"/>' for c in range(pad_to)) + '</row>')
    out.append('</sheetData></worksheet>')
    return '\n'.join(out)

STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
          '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF99"/><bgColor indexed="64"/></patternFill></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/></cellXfs>'
          '</styleSheet>')

def write_xlsx(path, sheets, pad_to=0):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        ct = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>',
              '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
              '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
        rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
        book = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
        for i, (name, rows) in enumerate(sheets, 1):
            z.writestr(f'xl/worksheets/sheet{i}.xml', sheet_xml(rows, pad_to))
            ct.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
            rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
            book.append(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
        n = len(sheets) + 1
        rels.append(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
        z.writestr('[Content_Types].xml', ''.join(ct) + '</Types>')
        z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr('xl/workbook.xml', ''.join(book) + '</sheets></workbook>')
        z.writestr('xl/_rels/workbook.xml.rels', ''.join(rels) + '</Relationships>')
        z.writestr('xl/styles.xml', STYLES)

def count_questions(survey):
    t = [h.strip().lower() for h in survey[0]].index('type')
    depth = n = 0
    for row in survey[1:]:
        typ = ' '.join(str(row[t]).split()).lower() if t < len(row) and row[t] else ''
        if typ.startswith(('begin repeat', 'begin_repeat', 'begin loop')):
            depth += 1
        elif typ.startswith(('end repeat', 'end_repeat', 'end loop')):
            depth -= 1
        elif depth == 0 and (typ in SIMPLE or typ.startswith(SELECTS)):
            n += 1
    return n

from corpus_forms import FORMS  # noqa: E402

lines = []
for name, valid, sheets, options in FORMS:
    write_xlsx(os.path.join(HERE, name + '.xlsx'), sheets, pad_to=options.get('pad', 0))
    survey = dict(sheets).get('survey', [['type']])
    lines.append(f'{name}.xlsx\t{"valid" if valid else "invalid"}\t{count_questions(survey) if valid else 0}')
    if options.get('lo'):
        lines.append(f'{name}.lo.xlsx\t{"valid" if valid else "invalid"}\t{count_questions(survey) if valid else 0}')
    if options.get('xls'):
        lines.append(f'{name}.xls\t{"valid" if valid else "invalid"}\t{count_questions(survey) if valid else 0}')
open(os.path.join(HERE, 'corpus.tsv'), 'w').write('\n'.join(lines) + '\n')
