import KubeAPI

// The Go runtime behaviour the patch code needs to match kubectl and the apiserver byte for
// byte, over JSON as the apiserver decodes it (integers are Go `int64`, other numbers
// `float64`, objects `map[string]interface {}`, arrays `[]interface {}`): how `fmt` prints
// such values in error messages (through GoFmt, the printers' package fmt), their dynamic
// types, and `sort.SliceStable`'s exact algorithm (its result depends on the algorithm when
// the comparison is not a strict weak order, which strategic merge's ordering code relies on).
// Quoting, strconv and encoding/json are KubeAPI's GoText, GoStrconv and GoJSON.

enum GoCompat {

    // MARK: fmt

    /// `fmt.Sprintf("%v", x)` for a decoded JSON value; `nil` is a Go nil interface.
    static func v(_ value: JSONValue?) -> String { GoFmt.v(GoDynamic(value ?? .null)) }

    /// `fmt.Sprintf("%s", x)`: strings print bare, other scalars as `%!s(type=value)`.
    static func s(_ value: JSONValue?) -> String { GoFmt.sprintf("%s", [GoDynamic(value ?? .null)]) }

    /// `reflect.TypeOf(x).String()` for a decoded JSON value (`<nil>` for a nil interface).
    static func typeName(_ value: JSONValue?) -> String { GoDynamic(value ?? .null).typeName }

    /// The dynamic Go type of a value, for "same type?" checks (`reflect.TypeOf(a) != reflect.TypeOf(b)`).
    enum Kind: Equatable { case nilValue, bool, int, double, string, array, object }

    static func kind(_ value: JSONValue?) -> Kind {
        guard let value else { return .nilValue }
        switch value {
        case .null: return .nilValue
        case .bool: return .bool
        case .int: return .int
        case .double: return .double
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    // MARK: sort.SliceStable

    /// Go's `sort.SliceStable(x, less)` — the same insertion-sort blocks and SymMerge passes,
    /// so that inconsistent `less` functions give the same order Go gives.
    static func sliceStable<T>(_ items: inout [T], _ lessFn: (T, T) -> Bool) {
        let n = items.count
        func lessAt(_ i: Int, _ j: Int) -> Bool { lessFn(items[i], items[j]) }
        func swapAt(_ i: Int, _ j: Int) { items.swapAt(i, j) }

        func insertionSort(_ a: Int, _ b: Int) {
            var i = a + 1
            while i < b {
                var j = i
                while j > a && lessAt(j, j - 1) {
                    swapAt(j, j - 1)
                    j -= 1
                }
                i += 1
            }
        }
        func swapRange(_ a: Int, _ b: Int, _ count: Int) {
            for i in 0..<count { swapAt(a + i, b + i) }
        }
        func rotate(_ a: Int, _ m: Int, _ b: Int) {
            var i = m - a
            var j = b - m
            while i != j {
                if i > j {
                    swapRange(m - i, m, j)
                    i -= j
                } else {
                    swapRange(m - i, m + j - i, i)
                    j -= i
                }
            }
            swapRange(m - i, m, i)
        }
        func symMerge(_ a: Int, _ m: Int, _ b: Int) {
            if m - a == 1 {
                var i = m
                var j = b
                while i < j {
                    let h = (i + j) >> 1
                    if lessAt(h, a) { i = h + 1 } else { j = h }
                }
                var k = a
                while k < i - 1 {
                    swapAt(k, k + 1)
                    k += 1
                }
                return
            }
            if b - m == 1 {
                var i = a
                var j = m
                while i < j {
                    let h = (i + j) >> 1
                    if !lessAt(m, h) { i = h + 1 } else { j = h }
                }
                var k = m
                while k > i {
                    swapAt(k, k - 1)
                    k -= 1
                }
                return
            }
            let mid = (a + b) >> 1
            let nn = mid + m
            var start: Int
            var r: Int
            if m > mid {
                start = nn - b
                r = mid
            } else {
                start = a
                r = m
            }
            let p = nn - 1
            while start < r {
                let c = (start + r) >> 1
                if !lessAt(p - c, c) { start = c + 1 } else { r = c }
            }
            let end = nn - start
            if start < m && m < end { rotate(start, m, end) }
            if a < start && start < mid { symMerge(a, start, mid) }
            if mid < end && end < b { symMerge(mid, end, b) }
        }

        var blockSize = 20
        var a = 0
        var b = blockSize
        while b <= n {
            insertionSort(a, b)
            a = b
            b += blockSize
        }
        insertionSort(a, n)
        while blockSize < n {
            a = 0
            b = 2 * blockSize
            while b <= n {
                symMerge(a, a + blockSize, b)
                a = b
                b += 2 * blockSize
            }
            let m = a + blockSize
            if m < n { symMerge(a, m, n) }
            blockSize *= 2
        }
    }
}
