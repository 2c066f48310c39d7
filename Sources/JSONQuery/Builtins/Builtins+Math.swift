#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Builtins {
    static func registerMath(_ table: inout [String: NativeFunction]) {
        let functions: [(String, @Sendable (Double) -> Double)] = [
            ("floor", { $0.rounded(.down) }), ("ceil", { $0.rounded(.up) }), ("round", { Glibc.round($0) }),
            ("fabs", { Swift.abs($0) }), ("sqrt", { $0.squareRoot() }), ("log", { Glibc.log($0) }),
            ("log2", { Glibc.log2($0) }), ("log10", { Glibc.log10($0) }), ("exp", { Glibc.exp($0) }),
            ("exp2", { Glibc.exp2($0) }), ("exp10", { Glibc.pow(10, $0) }), ("sin", { Glibc.sin($0) }),
            ("cos", { Glibc.cos($0) }), ("tan", { Glibc.tan($0) }), ("asin", { Glibc.asin($0) }),
            ("acos", { Glibc.acos($0) }), ("atan", { Glibc.atan($0) }), ("trunc", { Glibc.trunc($0) }),
            ("cbrt", { Glibc.cbrt($0) }), ("significand", { Glibc.significand($0) }),
            ("logb", { Glibc.logb($0) }), ("gamma", { Glibc.lgamma($0) }), ("lgamma", { Glibc.lgamma($0) }),
            ("tgamma", { Glibc.tgamma($0) }), ("expm1", { Glibc.expm1($0) }), ("log1p", { Glibc.log1p($0) }),
            ("sinh", { Glibc.sinh($0) }), ("cosh", { Glibc.cosh($0) }), ("tanh", { Glibc.tanh($0) }),
            ("rint", { Glibc.rint($0) }), ("nearbyint", { Glibc.nearbyint($0) }),
        ]
        for (name, function) in functions {
            table["\(name)/0"] = unary { input in
                guard let number = input.doubleValue else { throw fail("\(input.errorDescription) number required") }
                return .number(function(number))
            }
        }
        let binary: [(String, @Sendable (Double, Double) -> Double)] = [
            ("pow", { Glibc.pow($0, $1) }), ("atan2", { Glibc.atan2($0, $1) }), ("fmin", { Glibc.fmin($0, $1) }),
            ("fmax", { Glibc.fmax($0, $1) }), ("fmod", { Glibc.fmod($0, $1) }),
            ("ldexp", { Glibc.ldexp($0, Int32(clampedInteger($1))) }),
            ("scalb", { Glibc.scalbn($0, Int32(clampedInteger($1))) }), ("copysign", { Glibc.copysign($0, $1) }),
        ]
        for (name, function) in binary {
            table["\(name)/2"] = withValues { _, values in
                guard let a = values[0].doubleValue else { throw fail("\(values[0].errorDescription) number required") }
                guard let b = values[1].doubleValue else { throw fail("\(values[1].errorDescription) number required") }
                return .number(function(a, b))
            }
        }
        table["infinite/0"] = unary { _ in .number(.infinity) }
        table["nan/0"] = unary { _ in .number(.nan) }
        table["isinfinite/0"] = unary { input in
            guard let number = input.doubleValue else { throw fail("\(input.errorDescription) number required") }
            return .bool(number.isInfinite)
        }
        table["isnan/0"] = unary { input in
            guard let number = input.doubleValue else { throw fail("\(input.errorDescription) number required") }
            return .bool(number.isNaN)
        }
        table["isnormal/0"] = unary { input in
            guard let number = input.doubleValue else { throw fail("\(input.errorDescription) number required") }
            return .bool(number.isNormal)
        }
        table["now/0"] = unary { _ in
            var spec = timespec()
            clock_gettime(CLOCK_REALTIME, &spec)
            return .number(Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9)
        }
    }
}
