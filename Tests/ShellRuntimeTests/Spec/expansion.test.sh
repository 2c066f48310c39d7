# Tilde expansion (~ and ~/x use HOME) and pathname expansion with * on files each case creates.
# Results are sorted; a pattern that matches nothing is kept as it is; quoted patterns are not expanded.

#### tilde alone is HOME
test ~ = "$HOME" && echo same
## stdout: same

#### tilde slash path
test ~/x/y = "$HOME/x/y" && echo same
## stdout: same

#### quoted tilde is literal
printf '%s\n' '~' "~" \~
## STDOUT:
~
~
~
## END

#### tilde inside a word is literal
printf '%s\n' a~b x/~
## STDOUT:
a~b
x/~
## END

#### tilde after an assignment
X=~/d
test "$X" = "$HOME/d" && echo same
## stdout: same

#### tilde follows a changed HOME
HOME=/tmp/elsewhere
echo ~ ~/f
## stdout: /tmp/elsewhere /tmp/elsewhere/f

#### star matches files sorted
touch c b a
echo *
## stdout: a b c

#### star with a suffix
touch b.txt a.txt c.log
echo *.txt
## stdout: a.txt b.txt

#### star with a prefix and in a directory
mkdir d
touch d/y d/x d/z.log other
echo d/* d/*.log
## stdout: d/x d/y d/z.log d/z.log

#### pattern without a match is kept
echo *.nothing x*y
## stdout: *.nothing x*y

#### quoted star is literal
touch a.txt
echo "*.txt" '*.txt' \*.txt
## stdout: *.txt *.txt *.txt

#### star does not match hidden files
touch .hidden visible
echo *
## stdout: visible

#### unquoted variable holding a pattern is expanded
touch a.txt
P='*.txt'
echo $P "$P"
## stdout: a.txt *.txt

#### each match is its own argument
touch 'with space' plain
printf '[%s]\n' *
## STDOUT:
[plain]
[with space]
## END

#### star in an assignment is not expanded
touch f1 f2
A=*
printf '%s\n' "$A"
## stdout: *

#### empty directory keeps the pattern
printf '%s\n' *
## stdout: *

#### a tilde after a colon in an assignment expands
HOME=/h
x=~/a:~/b:c~:"~"
echo "$x"
## stdout: /h/a:/h/b:c~:~

#### a tilde in the operand of ${u:-~} expands, not inside double quotes
HOME=/h
echo ${u:-~} ${u:-~/x} "${u:-~}"
## stdout: /h /h/x ~
