#!/usr/bin/env python3
"""Fits a re-collected excerpt to its manifest sha256.

    python3 tests/realdev/fit_text.py .realdev/texts/FILE

Reads the sha256 from tests/realdev/statements/<FILE stem>.toml, tries the forms a text was kept in
(single line breaks doubled into paragraphs, menu lines dropped at the top, a cut-off half sentence
dropped at the end, the leading space of a " date YYYY-MM-DD" mark kept or not, a final newline or
not) and rewrites FILE to the form that matches. Prints MATCH or DIFF; exits 1 on DIFF."""
import hashlib
import pathlib
import re
import sys
import tomllib

HEAD_LINES_DROPPED_MAX = 24
TAIL_SENTENCES_TRIED = 4
TAIL_LINES_DROPPED_MAX = 4
SENTENCE_END = re.compile(r'[.!?…"”’)\]](?=\s|$)')


def paragraph_forms(text):
    yield text
    yield re.sub(r'(?<!\n)\n(?!\n)', '\n\n', text)
    yield re.sub(r'\n{2,}', '\n', text)


def head_forms(text):
    lines = text.split('\n')
    for dropped in range(min(HEAD_LINES_DROPPED_MAX, len(lines))):
        yield '\n'.join(lines[dropped:])


def tail_forms(text):
    yield text
    for end in reversed(list(SENTENCE_END.finditer(text))[-TAIL_SENTENCES_TRIED:]):
        yield text[:end.end()]
    lines = text.split('\n')
    for dropped in range(1, TAIL_LINES_DROPPED_MAX + 1):
        if len(lines) > dropped:
            yield '\n'.join(lines[:-dropped])


def edge_forms(text):
    for body in (text.strip(), ' ' + text.strip(), text.rstrip()):
        for inner in (body, re.sub(r'\n{3,}', '\n\n', body)):
            yield inner
            yield inner + '\n'


def main():
    path = pathlib.Path(sys.argv[1])
    manifest = pathlib.Path(__file__).parent / 'statements' / (path.stem + '.toml')
    want = tomllib.loads(manifest.read_text())['statement']['sha256']
    text = path.read_text(encoding='utf-8')
    seen = set()
    for para in paragraph_forms(text.rstrip()):
        for head in head_forms(para):
            for tail in tail_forms(head):
                for form in edge_forms(tail):
                    if form in seen:
                        continue
                    seen.add(form)
                    if hashlib.sha256(form.encode()).hexdigest() == want:
                        path.write_text(form, encoding='utf-8')
                        print('MATCH')
                        return 0
    print(f'DIFF ({len(seen)} forms tried)')
    return 1


if __name__ == '__main__':
    sys.exit(main())
