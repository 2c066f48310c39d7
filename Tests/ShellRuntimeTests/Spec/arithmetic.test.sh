# $((…)) beyond + - * / (tagged arithmetic): C's conditional, comma and assignment operators, bases, recursion.

#### conditional operator, nested
a=1 b=2
echo $((a > b ? 5 : 10)) $((1 ? 2 ? 3 : 4 : 5))
## stdout: 10 3
## tags: arithmetic

#### assignment operators
a=20
echo $((a += 1)) $((a -= 3)) $((a *= 2)) $((a /= 4)) $((a %= 5)) $((a <<= 2)) $((a |= 1)) $a
## stdout: 21 18 36 9 4 16 17 17
## tags: arithmetic

#### division truncates towards zero
a=-20
: $((a /= 3))
echo $((-10 / 3)) $((10 / -3)) $a
## stdout: -3 -3 -6
## tags: arithmetic

#### the branch not taken assigns nothing and cannot divide by zero
echo $((1 ? a=1 : 42)) $((0 && 1/0)) $((1 || 1/0)) a=$a
## stdout: 1 0 1 a=1
## tags: arithmetic

#### comma, increments and bases
a=4
echo $((a++)) $a $((++a)) $((a--)) $((1, 2)) $((16#1b)) $((2#101)) $((36#z)) $((64#@))
## stdout: 4 5 6 6 2 27 5 35 62
## OK dash STDOUT:
## END
## OK dash status: 2
## tags: arithmetic

#### a variable holding a name or an expression is evaluated
foo=5 bar=foo blank=' '
echo $((bar + 1)) $((blank))
## stdout: 6 0
## OK dash STDOUT:
## END
## OK dash status: 2
## tags: arithmetic

#### an unset variable with set -u stops the script
set -u
x=$((nope + 1))
echo not reached
## status: 1
## OK bash status: 127
## OK dash stdout: not reached
## OK dash status: 0
## tags: arithmetic
