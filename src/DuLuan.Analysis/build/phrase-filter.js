// Build step (run by DuLuan.Analysis.csproj after `npm ci`): turns two npm packages into the compact word list the
// keyphrase finder embeds, so the repository holds no copy of either.
//   S <word>  a Vietnamese stopword of stopwords-iso 1.1.0 (MIT)
//   M <word>  a word whose every sense in @vntk/dictionary 1.0.0 (MIT) is an adjective (A) or adverb (R)
// Usage: node build/phrase-filter.js <out-file>
'use strict';
const fs = require('fs');
const path = require('path');

const out = process.argv[2];
const stopwords = require('stopwords-iso').vi;
const dictionary = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'node_modules', '@vntk', 'dictionary', 'data', 'dictionary.json'), 'utf8'));
const lines = [];
for (const word of stopwords) {
  lines.push('S\t' + word.normalize('NFC').toLowerCase());
}
for (const [word, senses] of Object.entries(dictionary)) {
  if (senses.length > 0 && senses.every(s => s.pos === 'A' || s.pos === 'R')) {
    lines.push('M\t' + word.normalize('NFC').toLowerCase());
  }
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, lines.sort().join('\n') + '\n');
