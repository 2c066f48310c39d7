# echo and printf. lp-shell's echo follows bash: no escape processing unless -e, options -n -e -E.
# dash's echo has no -e and always interprets backslash escapes (marked OK dash).

#### echo joins arguments with one space
echo a b   c
## stdout: a b c

#### echo without arguments prints a newline
echo
echo x
## STDOUT:

x
## END

#### echo -n has no newline
echo -n abc
echo '|'
## stdout: abc|

#### echo -n alone prints nothing
echo -n

#### echo keeps backslashes without -e
echo 'a\nb' 'c\td'
## stdout: a\nb c\td
## OK dash STDOUT:
a
b c	d
## END

#### echo -e newline and tab
echo -e 'a\nb\tc'
## STDOUT:
a
b	c
## END
## N-I dash STDOUT:
-e a
b	c
## END

#### echo -e backslash
echo -e 'x\\y'
## stdout: x\y
## N-I dash stdout: -e x\y

#### echo -e backslash-c stops output
echo -e 'ab\cdef'
echo '|'
## stdout: ab|
## N-I dash stdout: -e ab|

#### echo -e octal \0NNN writes one byte, its low eight bits
echo -en '\03777\0777' | od -A n -t x1 | tr -d ' '
## stdout: ff37ff
## N-I dash stdout: 2d656e20ff37ff0a

#### echo -E keeps backslashes
echo -E 'a\tb'
## stdout: a\tb
## N-I dash stdout: -E a	b

#### echo prints a double dash
echo -- a
## stdout: -- a

#### echo prints unknown options
echo -x y
## stdout: -x y

#### echo of a variable with spaces
X='a   b'
echo $X "$X"
## stdout: a b a   b

#### echo to a closed pipe reader does not hang
echo hi | true
echo ok
## stdout: ok

#### printf reuses the format for extra arguments
printf '%s\n' a b c
## STDOUT:
a
b
c
## END

#### printf reuse with two conversions
printf '%s-%s\n' a b c
## STDOUT:
a-b
c-
## END

#### printf integers
printf '%d %d\n' 42 -7
## stdout: 42 -7

#### printf zero-padded integer
printf '%05d\n' 42
## stdout: 00042

#### printf width wider than 512 bytes is not cut
printf '%0600d|%700.1f|\n' 7 2.5 | wc -c
## stdout: 1303

#### printf right-aligned width
printf '[%5s]\n' ab
## stdout: [   ab]

#### printf left-aligned width
printf '[%-5s]|\n' ab
## stdout: [ab   ]|

#### printf precision on strings
printf '%.3s\n' abcdef
## stdout: abc

#### printf hex and octal
printf '%x %o %X\n' 255 8 255
## stdout: ff 10 FF

#### printf character
printf '%c\n' hello
## stdout: h

#### printf b interprets escapes in the argument
printf '%b\n' 'a\tb\\c'
## stdout: a	b\c

#### printf s keeps escapes in the argument
printf '%s\n' 'a\tb'
## stdout: a\tb

#### printf percent sign
printf '100%%\n'
## stdout: 100%

#### printf missing arguments are empty or zero
printf '%s|%d|%s\n' only
## stdout: only|0|

#### printf format escapes
printf 'a\tb\\c\n'
## stdout: a	b\c

#### printf without a trailing newline
printf 'no newline'
echo
## stdout: no newline

#### printf with no conversion and no arguments
printf '%s\n'
## STDOUT:

## END

#### printf with an invalid number
printf '%d\n' abc
echo $?
## STDOUT:
0
1
## END

#### printf without a format is a usage error
printf
echo $?
## stdout: 2

#### printf octal escape in the format
printf '\101\102\n'
## stdout: AB

#### printf numbers from hex and octal arguments
printf '%d %d\n' 0x1F 010
## stdout: 31 8

#### printf %b takes octal as \NNN and \0NNN
printf '%b|%b|%b|%b\n' '\141' '\0141' '\1419' '\558'
## stdout: a|a|a9|-8

#### printf \377 is one byte, kept through $( ) and variables
x=$(printf '\377')
printf '%s' "$x" | od -A n -t x1 | tr -d ' '
echo ${#x}
## STDOUT:
ff
1
## END

#### patterns match characters, not bytes
v='μ-'
x=${v#?}
echo "${#x}" "${#v}"
case $x in -) echo stripped ;; esac
## STDOUT:
1 2
stripped
## END
## N-I dash stdout: 2 3

#### a byte outside UTF-8 keeps its value in printf's 'c form
x=$(printf '\316\316')
printf '%x\n' "'$x"
## stdout: ce

#### printf numbers: leading blanks are fine, trailing text is an error with the number read so far
printf '%d|' ' -42'; echo $?
printf '%d|' ' -42 ' 2>/dev/null; echo $?
printf '%d|' '' ; echo $?
## STDOUT:
-42|0
-42|1
0|0
## END

#### printf clamps an out-of-range number and fails
printf '%d\n' 99999999999999999999 2>/dev/null; echo $?
printf '%u\n' -18446744073709551615; echo $?
## STDOUT:
9223372036854775807
1
1
0
## END
## OK bash STDOUT:
9223372036854775807
0
1
0
## END

#### printf with an unknown conversion stops with status 2
printf '[%z]\n' 2>/dev/null; echo " $?"
## stdout: [ 2
## OK bash stdout: [ 1
