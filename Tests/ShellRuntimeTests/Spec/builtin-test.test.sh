# test and [ : string, integer and file operators, ! -a -o, and usage errors (status 2).

#### -z and -n
test -z ""; echo $?
test -z a; echo $?
test -n a; echo $?
test -n ""; echo $?
## STDOUT:
0
1
0
1
## END

#### bracket form
[ -n a ] && echo yes
## stdout: yes

#### string equality and inequality
[ a = a ]; echo $?
[ a = b ]; echo $?
[ a != b ]; echo $?
[ a != a ]; echo $?
## STDOUT:
0
1
0
1
## END

#### quoted empty variable compared
E=
[ "$E" = "" ] && echo empty
## stdout: empty

#### integer equal and not equal
[ 3 -eq 3 ]; echo $?
[ 3 -ne 3 ]; echo $?
[ 3 -ne 4 ]; echo $?
## STDOUT:
0
1
0
## END

#### integer less and greater
[ 1 -lt 2 ]; echo $?
[ 2 -lt 1 ]; echo $?
[ 2 -gt 1 ]; echo $?
[ 1 -gt 2 ]; echo $?
## STDOUT:
0
1
0
1
## END

#### integer less-equal and greater-equal
[ 2 -le 2 ]; echo $?
[ 3 -le 2 ]; echo $?
[ 2 -ge 2 ]; echo $?
[ 1 -ge 2 ]; echo $?
## STDOUT:
0
1
0
1
## END

#### integers compare numerically
[ 10 -gt 9 ] && echo numeric
[ -1 -lt 0 ] && echo negative
## STDOUT:
numeric
negative
## END

#### non-number in an integer test is an error
[ a -eq 1 ]
echo $?
## stdout: 2

#### file tests -e -f -d
touch f
mkdir d
[ -e f ]; echo $?
[ -f f ]; echo $?
[ -d f ]; echo $?
[ -d d ]; echo $?
[ -f d ]; echo $?
[ -e missing ]; echo $?
## STDOUT:
0
0
1
0
1
1
## END

#### -s means non-empty
touch empty
echo x > full
[ -s empty ]; echo $?
[ -s full ]; echo $?
[ -s missing ]; echo $?
## STDOUT:
1
0
1
## END

#### -r and -w
touch f
[ -r f ]; echo $?
[ -w f ]; echo $?
[ -r missing ]; echo $?
## STDOUT:
0
0
1
## END

#### -x
touch f
chmod +x f
[ -x f ]; echo $?
chmod -x f
[ -x f ]; echo $?
## STDOUT:
0
1
## END

#### negation
[ ! -e missing ] && echo absent
[ ! a = a ]; echo $?
## STDOUT:
absent
1
## END

#### -a and -o
[ -n a -a -n b ]; echo $?
[ -n a -a -z b ]; echo $?
[ -z a -o -n b ]; echo $?
[ -z a -o -z b ]; echo $?
## STDOUT:
0
1
0
1
## END

#### one argument is true when non-empty
[ abc ]; echo $?
[ "" ]; echo $?
## STDOUT:
0
1
## END

#### no arguments is false
test; echo $?
[ ]; echo $?
## STDOUT:
1
1
## END

#### missing closing bracket is an error
[ a = a
echo $?
## stdout: 2

#### unknown operator is an error
[ a -q b ]
echo $?
## stdout: 2

#### unary operator without an operand is an error
[ -q a ]
echo $?
## stdout: 2

#### test in an and-list with a variable
LP_JWT=abc
[ -n "$LP_JWT" ] && echo have-token
## stdout: have-token

#### unset variable needs quotes
[ -z "$NOPE" ] && echo unset
## stdout: unset

#### file type and mode operators
touch f
chmod 1755 f
test -k f && echo sticky
test -u f || echo no-setuid
test -c /dev/null && echo char
test -b /dev/null || echo no-block
test -S f || echo no-socket
test -O f && test -G f && echo owned
## STDOUT:
sticky
no-setuid
char
no-block
no-socket
owned
## END
## tags: test

#### -nt -ot -ef
touch -d '2001-01-01' old
touch new
ln -s new link
test new -nt old && echo newer
test old -ot new && echo older
test new -nt missing && echo newer-than-missing
test new -ef link && echo same
test new -ef old || echo different
## STDOUT:
newer
older
newer-than-missing
same
different
## END
## OK dash STDOUT:
newer
older
same
different
## END
## tags: test
