/// Builtins defined in jq itself, as in jq's `builtin.jq`; parsed once per process.
enum Prelude {
    static let source = """
        def map(f): [.[] | f];
        def values: select(. != null);
        def nulls: select(. == null);
        def booleans: select(type == "boolean");
        def numbers: select(type == "number");
        def strings: select(type == "string");
        def arrays: select(type == "array");
        def objects: select(type == "object");
        def iterables: select(type|. == "array" or . == "object");
        def scalars: select(type|. != "array" and . != "object");
        def isfinite: type == "number" and (isinfinite | not);
        def finites: select(isfinite);
        def normals: select(isnormal);
        def map_values(f): .[] |= f;
        def recurse(f; cond): def r: ., (f | select(cond) | r); r;
        def from_entries: reduce .[] as $x ({};
            . + { ($x | if .key == null then .k // .name // .Name // .K // .Key else .key end
                      | if type == "string" then . else tojson end):
                  ($x | if has("value") then .value elif has("Value") then .Value else .v end) });
        def with_entries(f): to_entries | map(f) | from_entries;
        def paths: path(..) | select(length > 0);
        def paths(node_filter): . as $dot | paths | select(. as $p | $dot | getpath($p) | node_filter);
        def leaf_paths: paths(scalars);
        def del(f): delpaths([path(f)]);
        def in(xs): . as $x | xs | has($x);
        def inside(xs): . as $x | xs | contains($x);
        def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $w | [$x] + $w end;
        def combinations(n): . as $dot | [range(n)] | map($dot) | combinations;
        def walk(f): def w: if type == "object" then map_values(w) elif type == "array" then map(w) else . end | f; w;
        def first: .[0];
        def last: .[-1];
        def nth($n): .[$n];
        def nth($n; f): if $n < 0 then error("nth doesn't support negative indices")
            else label $out | foreach f as $item ($n + 1; . - 1; if . <= 0 then $item, break $out else empty end) end;
        def range($x): range(0; $x);
        def todate: strftime("%Y-%m-%dT%H:%M:%SZ");
        def todateiso8601: strftime("%Y-%m-%dT%H:%M:%SZ");
        def fromdateiso8601: strptime("%Y-%m-%dT%H:%M:%SZ") | mktime;
        def fromdate: fromdateiso8601;
        def date: todate;
        def dateadd(u; n): . + n;
        def datesub(u; n): . - n;
        def any: reduce .[] as $x (false; . or $x);
        def all: reduce .[] as $x (true; . and $x);
        def any(f): reduce (.[] | f) as $x (false; . or $x);
        def all(f): reduce (.[] | f) as $x (true; . and $x);
        def any(g; cond): isempty(first(g | cond or empty)) | not;
        def all(g; cond): isempty(first(g | cond and empty));
        def IN(s): any(s == .; .);
        def IN(src; s): any(src == s; .);
        def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] |= $row);
        def INDEX(idx_expr): INDEX(.[]; idx_expr);
        def JOIN($idx; idx_expr): [.[] | [., $idx[idx_expr]]];
        def JOIN($idx; stream; idx_expr): stream | [., $idx[idx_expr]];
        def JOIN($idx; stream; idx_expr; join_expr): stream | [., $idx[idx_expr]] | join_expr;
        def abs: if type == "number" and . < 0 then - . else . end;
        def toarray: if type == "array" then . else [.] end;
        def have_literal_numbers: true;
        def have_decnum: false;
        def error(msg): msg | error;
        def halt_error: halt_error(5);
        def debug(msg): (msg | debug | empty), .;
        def pick(pathexps): . as $top | reduce path(pathexps) as $p (null; setpath($p; $top | getpath($p)));
        def match(re; mode): _match_impl(re; mode; false) | .[];
        def match($val): ($val | type) as $vt | if $vt == "string" then match($val; null)
            elif $vt == "array" and ($val | length) > 1 then match($val[0]; $val[1])
            elif $vt == "array" and ($val | length) > 0 then match($val[0]; null)
            else error($vt + " not a string or array") end;
        def test($val): ($val | type) as $vt | if $vt == "string" then test($val; null)
            elif $vt == "array" and ($val | length) > 1 then test($val[0]; $val[1])
            elif $vt == "array" and ($val | length) > 0 then test($val[0]; null)
            else error($vt + " not a string or array") end;
        def capture(re; mods): match(re; mods) | reduce (.captures | .[] | select(.name != null)
            | { key: .name, value: .string }) as $pair ({}; . + {($pair.key): $pair.value});
        def capture($val): ($val | type) as $vt | if $vt == "string" then capture($val; null)
            elif $vt == "array" and ($val | length) > 1 then capture($val[0]; $val[1])
            elif $vt == "array" and ($val | length) > 0 then capture($val[0]; null)
            else error($vt + " not a string or array") end;
        def scan($re; $flags): match($re; "g" + ($flags // ""))
            | if (.captures | length > 0) then [.captures | .[] | .string] else .string end;
        def scan($re): scan($re; null);
        def split($re; flags): . as $s
            | [match($re; "g" + (flags // "")) | (.offset, .offset + .length)] as $ms
            | ([0] + $ms + [$s | length]) as $bounds
            | [range(0; $bounds | length; 2) as $i | $s[$bounds[$i]:$bounds[$i + 1]]];
        def splits($re; flags): split($re; flags) | .[];
        def splits($re): splits($re; null);
        def sub(re; str): sub(re; str; "");
        def gsub(re; str; flags): sub(re; str; flags + "g");
        def gsub(re; str): sub(re; str; "g");
        def ascii(i): [i] | implode;
        def fromstream(f): { x: null, e: false } as $init
            | foreach f as $i ($init;
                if .e then $init else . end
                | if $i | length == 2
                  then setpath(["e"]; $i[0] | length == 0) | setpath(["x"] + $i[0]; $i[1])
                  else setpath(["e"]; $i[0] | length == 1) end;
                if .e then .x else empty end);
        def truncate_stream(stream): . as $n | null | stream | . as $input
            | if (.[0] | length) > $n then setpath([0]; .[0][$n:]) else empty end;
        """

    /// The parsed definitions, innermost last, with an environment holding them.
    static let definitions: [FunctionDefinition] = {
        var result: [FunctionDefinition] = []
        var node = (try? Parser.parse(source + " .")) ?? .identity
        while case .definition(let definition, let rest) = node {
            result.append(definition)
            node = rest
        }
        return result
    }()

    /// `name/arity` of every prelude function, as parsed from `source` (a test checks `signatures` against it).
    static var parsedSignatures: [String] { definitions.map { "\($0.name)/\($0.parameters.count)" } }

    /// A prelude function's lookup key: hashing it builds no `name/arity` string on every call.
    struct Signature: Hashable {
        let name: String
        let arity: Int
    }

    /// The definitions by name and arity; parsing the prelude happens on first use.
    static let definitionsBySignature: [Signature: FunctionDefinition] = Dictionary(
        definitions.map { (Signature(name: $0.name, arity: $0.parameters.count), $0) },
        uniquingKeysWith: { _, last in last })

    /// The names in `signatures`: a call of any other name passes the prelude without parsing it.
    static let names = Set(signatures.map { String($0.prefix { $0 != "/" }) })

    /// `name/arity` of every prelude function, written out so that compiling a program does not parse the prelude.
    static let signatures: [String] = [
        "map/1", "values/0", "nulls/0", "booleans/0", "numbers/0", "strings/0", "arrays/0", "objects/0",
        "iterables/0", "scalars/0", "isfinite/0", "finites/0", "normals/0", "map_values/1", "recurse/2",
        "from_entries/0",
        "with_entries/1", "paths/0", "paths/1", "leaf_paths/0", "del/1", "in/1", "inside/1", "combinations/0",
        "combinations/1", "walk/1", "first/0", "last/0", "nth/1", "nth/2", "range/1", "todate/0", "todateiso8601/0",
        "fromdateiso8601/0", "fromdate/0", "date/0", "dateadd/2", "datesub/2", "any/0", "all/0", "any/1", "all/1",
        "any/2", "all/2", "IN/1", "IN/2", "INDEX/2", "INDEX/1", "JOIN/2", "JOIN/3", "JOIN/4", "abs/0", "toarray/0",
        "have_literal_numbers/0",
        "have_decnum/0", "error/1", "halt_error/0", "debug/1", "pick/1", "match/2", "match/1", "test/1",
        "capture/2", "capture/1", "scan/2", "scan/1", "split/2", "splits/2", "splits/1", "sub/2", "gsub/3",
        "gsub/2", "ascii/1", "fromstream/1", "truncate_stream/1",
    ]
}
