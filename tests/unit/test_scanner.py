"""bufio.Scanner loops in draft bodies (bodies/scanner.py): the shapes that become
`BufRead::lines()` keep Go's behaviour on a read error, and the others stay todo!()."""

from __future__ import annotations

from go2rs.api import Options, translate


def _draft(body: str, results: str = "(int, error)") -> str:
    go = f"""package main

import (
	"bufio"
	"fmt"
	"os"
)

func count(path string) {results} {{
	f, err := os.Open(path)
	if err != nil {{
		return 0, err
	}}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
{body}
}}

func main() {{ fmt.Println(count("x")) }}
"""
    return translate(go.encode(), Options(filename="p.go", format=False)).rust


def test_returning_sc_err_after_the_loop_is_the_question_mark_in_it() -> None:
    rust = _draft("\tfor sc.Scan() {\n\t\tn++\n\t}\n\treturn n, sc.Err()")
    assert "for text in sc {" in rust
    assert "text?;" in rust  # the line itself is unused
    assert "Ok(n)" in rust
    assert "todo!(" not in rust


def test_an_err_check_after_the_loop_runs_in_its_error_arm() -> None:
    rust = _draft(
        "\tfor sc.Scan() {\n\t\tn += len(sc.Text())\n\t}\n"
        '\tif err := sc.Err(); err != nil {\n\t\tfmt.Println("read failed")\n\t}\n'
        "\treturn n, nil"
    )
    # the handler does not return, so the loop ends after it, as Go's loop had ended
    assert 'Err(err) => {\nprintln!("read failed");\nbreak;\n}' in rust
    assert "todo!(" not in rust


def test_a_loop_without_an_err_check_stops_at_a_read_error() -> None:
    rust = _draft("\tfor sc.Scan() {\n\t\tn++\n\t}\n\treturn n, nil")
    assert "if text.is_err() {\nbreak;\n}" in rust
    rust = _draft("\tfor sc.Scan() {\n\t\tn += len(sc.Text())\n\t}\n\treturn n, nil")
    assert "let Ok(text) = text else {\nbreak;\n};" in rust


def test_a_numbered_loop_zips_a_counter_so_continue_keeps_counting() -> None:
    rust = _draft(
        '\tfor line := 1; sc.Scan(); line++ {\n\t\tif sc.Text() == "" {\n\t\t\tcontinue\n\t\t}\n'
        "\t\tn += line\n\t}\n\treturn n, sc.Err()"
    )
    assert "for (line, text) in (1_i64..).zip(sc) {" in rust


def test_a_scanner_used_after_its_loop_stays_todo() -> None:
    rust = _draft("\tfor sc.Scan() {\n\t\tn++\n\t}\n\tsc.Scan()\n\treturn n, nil")
    assert "used after its Scan loop" in rust


def test_a_custom_split_stays_todo() -> None:
    rust = _draft(
        "\tsc.Split(bufio.ScanWords)\n\tfor sc.Scan() {\n\t\tn++\n\t}\n\treturn n, sc.Err()"
    )
    assert "own split function" in rust
    assert "for text in sc" not in rust
