#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Builtins {
    static func registerMath(_ table: inout [String: NativeFunction]) {
        // jq 1.7.1's libm builtins (src/libm.h), each calling the C function of its name.
        let functions: [(String, @Sendable (Double) -> Double)] = [
            ("floor", { $0.rounded(.down) }), ("ceil", { $0.rounded(.up) }), ("round", { Glibc.round($0) }),
            ("fabs", { Swift.abs($0) }), ("sqrt", { $0.squareRoot() }), ("log", { Glibc.log($0) }),
            ("log2", { Glibc.log2($0) }), ("log10", { Glibc.log10($0) }), ("exp", { Glibc.exp($0) }),
            ("exp2", { Glibc.exp2($0) }), ("exp10", { Glibc.pow(10, $0) }), ("pow10", { Glibc.pow(10, $0) }),
            ("sin", { Glibc.sin($0) }), ("cos", { Glibc.cos($0) }), ("tan", { Glibc.tan($0) }),
            ("asin", { Glibc.asin($0) }), ("acos", { Glibc.acos($0) }), ("atan", { Glibc.atan($0) }),
            ("asinh", { Glibc.asinh($0) }), ("acosh", { Glibc.acosh($0) }), ("atanh", { Glibc.atanh($0) }),
            ("trunc", { Glibc.trunc($0) }), ("cbrt", { Glibc.cbrt($0) }), ("significand", { Glibc.significand($0) }),
            ("logb", { Glibc.logb($0) }), ("gamma", { Glibc.lgamma($0) }), ("lgamma", { Glibc.lgamma($0) }),
            ("tgamma", { Glibc.tgamma($0) }), ("expm1", { Glibc.expm1($0) }), ("log1p", { Glibc.log1p($0) }),
            ("sinh", { Glibc.sinh($0) }), ("cosh", { Glibc.cosh($0) }), ("tanh", { Glibc.tanh($0) }),
            ("rint", { Glibc.rint($0) }), ("nearbyint", { Glibc.nearbyint($0) }), ("erf", { Glibc.erf($0) }),
            ("erfc", { Glibc.erfc($0) }), ("j0", { Glibc.j0($0) }), ("j1", { Glibc.j1($0) }),
            ("y0", { Glibc.y0($0) }), ("y1", { Glibc.y1($0) }),
        ]
        for (name, function) in functions {
            table["\(name)/0"] = unary { input in .number(function(try number(input, ""))) }
        }
        let binary: [(String, @Sendable (Double, Double) -> Double)] = [
            ("pow", { Glibc.pow($0, $1) }), ("atan2", { Glibc.atan2($0, $1) }), ("fmin", { Glibc.fmin($0, $1) }),
            ("fmax", { Glibc.fmax($0, $1) }), ("fmod", { Glibc.fmod($0, $1) }), ("hypot", { Glibc.hypot($0, $1) }),
            ("fdim", { Glibc.fdim($0, $1) }), ("remainder", { Glibc.remainder($0, $1) }),
            ("drem", { Glibc.remainder($0, $1) }), ("nextafter", { Glibc.nextafter($0, $1) }),
            ("nexttoward", { Glibc.nextafter($0, $1) }), ("copysign", { Glibc.copysign($0, $1) }),
            ("scalb", { Glibc.scalb($0, $1) }),
            // C converts the integer arguments; out-of-range doubles and NaN become INT_MIN there (x86).
            ("ldexp", { Glibc.ldexp($0, cInt32($1)) }), ("scalbln", { Glibc.scalbln($0, Int(cInt64($1))) }),
            ("jn", { Glibc.jn(cInt32($0), $1) }), ("yn", { Glibc.yn(cInt32($0), $1) }),
        ]
        for (name, function) in binary {
            table["\(name)/2"] = withValues { _, values in
                .number(function(try number(values[0], ""), try number(values[1], "")))
            }
        }
        table["fma/3"] = withValues { _, values in
            .number(Glibc.fma(try number(values[0], ""), try number(values[1], ""), try number(values[2], "")))
        }
        table["frexp/0"] = unary { input in
            var exponent: Int32 = 0
            let fraction = Glibc.frexp(try number(input, ""), &exponent)
            return .array([.number(fraction), .number(Double(exponent))])
        }
        table["modf/0"] = unary { input in
            var integral = 0.0
            let fraction = Glibc.modf(try number(input, ""), &integral)
            return .array([.number(fraction), .number(integral)])
        }
        table["lgamma_r/0"] = unary { input in
            var sign: Int32 = 0
            let value = Glibc.lgamma_r(try number(input, ""), &sign)
            return .array([.number(value), .number(Double(sign))])
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

/// C's conversion of a double to `int` on x86-64 (`cvttsd2si`): NaN and out-of-range values become INT_MIN.
func cInt32(_ value: Double) -> Int32 {
    guard value.isFinite, value > -2_147_483_649, value < 2_147_483_648 else { return Int32.min }
    return Int32(value.rounded(.towardZero))
}

/// C's conversion of a double to `long` on x86-64: NaN and out-of-range values become LONG_MIN.
func cInt64(_ value: Double) -> Int64 {
    guard value.isFinite, value >= -9.223372036854775808e18, value < 9.223372036854775808e18 else { return Int64.min }
    return Int64(value.rounded(.towardZero))
}
