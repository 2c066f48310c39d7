# Field splitting of unquoted expansions: default IFS (space, tab, newline), custom IFS, empty values vanish
# unless quoted, literal text is never split.

#### default IFS splits on spaces tabs and newlines
X=$(printf 'a  b\tc\nd')
printf '[%s]\n' $X
## STDOUT:
[a]
[b]
[c]
[d]
## END

#### leading and trailing whitespace is dropped
X='  a b  '
printf '[%s]\n' $X
## STDOUT:
[a]
[b]
## END

#### quoted expansion is not split
X='  a b  '
printf '[%s]\n' "$X"
## stdout: [  a b  ]

#### empty unquoted value vanishes
E=
printf '[%s]\n' a $E b $U
## STDOUT:
[a]
[b]
## END

#### empty quoted value stays
E=
printf '[%s]\n' a "$E" b "$U"
## STDOUT:
[a]
[]
[b]
[]
## END

#### value of only spaces vanishes
X='   '
printf '[%s]\n' a $X b
## STDOUT:
[a]
[b]
## END

#### custom IFS comma
IFS=,
X=a,b,c
printf '[%s]\n' $X
## STDOUT:
[a]
[b]
[c]
## END

#### non-whitespace IFS keeps empty fields
IFS=,
X='a,,b'
printf '[%s]\n' $X
## STDOUT:
[a]
[]
[b]
## END

#### trailing non-whitespace separator makes no empty field
IFS=,
X='a,b,'
printf '[%s]\n' $X
## STDOUT:
[a]
[b]
## END

#### IFS whitespace around a comma
IFS=' ,'
X='a , b'
printf '[%s]\n' $X
## STDOUT:
[a]
[b]
## END

#### empty IFS disables splitting
IFS=
X='a b'
printf '[%s]\n' $X
## stdout: [a b]

#### unset IFS means the default
IFS=,
unset IFS
X='a b,c'
printf '[%s]\n' $X
## STDOUT:
[a]
[b,c]
## END

#### literal words are not split by IFS
IFS=,
printf '[%s]\n' a,b
## stdout: [a,b]

#### command substitution split by custom IFS
IFS=:
printf '[%s]\n' $(echo x:y)
## STDOUT:
[x]
[y]
## END

#### quotes inside a value are not syntax
X='"a b"'
printf '[%s]\n' $X
## STDOUT:
["a]
[b"]
## END

#### quoted dollar-star joins with the first IFS character
set -- a b c
IFS=,
echo "$*"
## stdout: a,b,c

#### splitting happens after expansion, not on the assignment
X='a b'
Y=$X
printf '[%s]\n' "$Y"
## stdout: [a b]

#### unquoted dollar-star with an empty IFS still gives one field per parameter
set -- '1 2' '3  4'
IFS=
printf '[%s]\n' $*
## STDOUT:
[1 2]
[3  4]
## END

#### unquoted dollar-at splits each parameter on a custom IFS
set -- x 'y:z'
IFS=:
printf '[%s]\n' $@ =$@=
## STDOUT:
[x]
[y]
[z]
[=x]
[y]
[z=]
## END

#### empty parameters of unquoted dollar-at vanish
set -- '' a '' b ''
printf '[%s]\n' $@
## STDOUT:
[a]
[b]
## END

#### quotes inside an unquoted default keep words together
printf '[%s]\n' 1 ${U:-"2 3" "4 5"} 6
## STDOUT:
[1]
[2 3]
[4 5]
[6]
## END

#### an unquoted default's own text splits on IFS, its quoted text does not
IFS=_
printf '[%s]\n' 1${U:-"2_3"x_x"4_5"}6
## STDOUT:
[12_3x]
[x4_56]
## END

#### a double-quoted default is never split
IFS=x
echo "${U:-AxBxC}"x ${U:-AxBxC} ${U:-"AxBxC"}
## stdout: AxBxCx A B C AxBxC

#### whitespace around a non-whitespace IFS character is one separator
IFS=' :'
X='a : b: :c'
printf '[%s]\n' $X
## STDOUT:
[a]
[b]
[]
[c]
## END

#### dollar-star with operators: set when there are parameters
set -- '' ''
IFS=
echo "[${*:-minus}]" "[${*:+plus}]" "[${@:-minus}]"
## stdout: [minus] [] [ ]
