/// Go's `sort.Sort` / `sort.Slice` (pattern-defeating quicksort, Go 1.22+ sources), so that
/// elements that compare equal end up in the same order kubectl leaves them in. It is not
/// stable: with more than 12 elements equal ones can be reordered, and describe's event
/// table (sorted by lastTimestamp, second precision) shows exactly that.
enum DescribeGoSort {
    static func sort<T>(_ data: inout [T], by less: (T, T) -> Bool) {
        let n = data.count
        guard n > 1 else { return }
        withoutActuallyEscaping(less) { less in
            var s = Sorter(data: data, less: less)
            s.pdqsort(0, n, bitLength(n))
            data = s.data
        }
    }

    static func bitLength(_ n: Int) -> Int { n <= 0 ? 0 : Int.bitWidth - n.leadingZeroBitCount }

    private enum Hint { case unknown, increasing, decreasing }

    private struct Sorter<T> {
        var data: [T]
        let lessFn: (T, T) -> Bool

        init(data: [T], less: @escaping (T, T) -> Bool) { self.data = data; self.lessFn = less }

        func less(_ i: Int, _ j: Int) -> Bool { lessFn(data[i], data[j]) }
        mutating func swap(_ i: Int, _ j: Int) { data.swapAt(i, j) }

        mutating func insertionSort(_ a: Int, _ b: Int) {
            var i = a + 1
            while i < b {
                var j = i
                while j > a && less(j, j - 1) { swap(j, j - 1); j -= 1 }
                i += 1
            }
        }

        mutating func siftDown(_ lo: Int, _ hi: Int, _ first: Int) {
            var root = lo
            while true {
                var child = 2 * root + 1
                if child >= hi { return }
                if child + 1 < hi && less(first + child, first + child + 1) { child += 1 }
                if !less(first + root, first + child) { return }
                swap(first + root, first + child)
                root = child
            }
        }

        mutating func heapSort(_ a: Int, _ b: Int) {
            let first = a, lo = 0, hi = b - a
            var i = (hi - 1) / 2
            while i >= 0 { siftDown(i, hi, first); i -= 1 }
            i = hi - 1
            while i >= 0 { swap(first, first + i); siftDown(lo, i, first); i -= 1 }
        }

        mutating func pdqsort(_ a0: Int, _ b0: Int, _ limit0: Int) {
            var a = a0, b = b0, limit = limit0
            let maxInsertion = 12
            var wasBalanced = true
            var wasPartitioned = true
            while true {
                let length = b - a
                if length <= maxInsertion { insertionSort(a, b); return }
                if limit == 0 { heapSort(a, b); return }
                if !wasBalanced { breakPatterns(a, b); limit -= 1 }
                var (pivot, hint) = choosePivot(a, b)
                if hint == .decreasing {
                    reverseRange(a, b)
                    pivot = (b - 1) - (pivot - a)
                    hint = .increasing
                }
                if wasBalanced && wasPartitioned && hint == .increasing {
                    if partialInsertionSort(a, b) { return }
                }
                if a > 0 && !less(a - 1, pivot) {
                    a = partitionEqual(a, b, pivot)
                    continue
                }
                let (mid, alreadyPartitioned) = partition(a, b, pivot)
                wasPartitioned = alreadyPartitioned
                let leftLen = mid - a, rightLen = b - mid
                let balanceThreshold = length / 8
                if leftLen < rightLen {
                    wasBalanced = leftLen >= balanceThreshold
                    pdqsort(a, mid, limit)
                    a = mid + 1
                } else {
                    wasBalanced = rightLen >= balanceThreshold
                    pdqsort(mid + 1, b, limit)
                    b = mid
                }
            }
        }

        mutating func partition(_ a: Int, _ b: Int, _ pivot: Int) -> (Int, Bool) {
            swap(a, pivot)
            var i = a + 1, j = b - 1
            while i <= j && less(i, a) { i += 1 }
            while i <= j && !less(j, a) { j -= 1 }
            if i > j { swap(j, a); return (j, true) }
            swap(i, j); i += 1; j -= 1
            while true {
                while i <= j && less(i, a) { i += 1 }
                while i <= j && !less(j, a) { j -= 1 }
                if i > j { break }
                swap(i, j); i += 1; j -= 1
            }
            swap(j, a)
            return (j, false)
        }

        mutating func partitionEqual(_ a: Int, _ b: Int, _ pivot: Int) -> Int {
            swap(a, pivot)
            var i = a + 1, j = b - 1
            while true {
                while i <= j && !less(a, i) { i += 1 }
                while i <= j && less(a, j) { j -= 1 }
                if i > j { break }
                swap(i, j); i += 1; j -= 1
            }
            return i
        }

        mutating func partialInsertionSort(_ a: Int, _ b: Int) -> Bool {
            let maxSteps = 5, shortestShifting = 50
            var i = a + 1
            for _ in 0..<maxSteps {
                while i < b && !less(i, i - 1) { i += 1 }
                if i == b { return true }
                if b - a < shortestShifting { return false }
                swap(i, i - 1)
                if i - a >= 2 {
                    var j = i - 1
                    while j >= 1 { if !less(j, j - 1) { break }; swap(j, j - 1); j -= 1 }
                }
                if b - i >= 2 {
                    var j = i + 1
                    while j < b { if !less(j, j - 1) { break }; swap(j, j - 1); j += 1 }
                }
            }
            return false
        }

        mutating func breakPatterns(_ a: Int, _ b: Int) {
            let length = b - a
            guard length >= 8 else { return }
            var random = UInt64(length)
            let modulus = UInt(1) << UInt(DescribeGoSort.bitLength(length))
            var idx = a + (length / 4) * 2 - 1
            while idx <= a + (length / 4) * 2 + 1 {
                random ^= random << 13
                random ^= random >> 7
                random ^= random << 17
                var other = Int(UInt(truncatingIfNeeded: random) & (modulus - 1))
                if other >= length { other -= length }
                swap(idx, a + other)
                idx += 1
            }
        }

        mutating func choosePivot(_ a: Int, _ b: Int) -> (Int, Hint) {
            let shortestNinther = 50, maxSwaps = 4 * 3
            let l = b - a
            var swaps = 0
            var i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3
            if l >= 8 {
                if l >= shortestNinther {
                    i = median(i - 1, i, i + 1, &swaps)
                    j = median(j - 1, j, j + 1, &swaps)
                    k = median(k - 1, k, k + 1, &swaps)
                }
                j = median(i, j, k, &swaps)
            }
            switch swaps {
            case 0: return (j, .increasing)
            case maxSwaps: return (j, .decreasing)
            default: return (j, .unknown)
            }
        }

        func order2(_ a: Int, _ b: Int, _ swaps: inout Int) -> (Int, Int) {
            if less(b, a) { swaps += 1; return (b, a) }
            return (a, b)
        }

        func median(_ a0: Int, _ b0: Int, _ c0: Int, _ swaps: inout Int) -> Int {
            var a = a0, b = b0, c = c0
            (a, b) = order2(a, b, &swaps)
            (b, c) = order2(b, c, &swaps)
            (a, b) = order2(a, b, &swaps)
            _ = a; _ = c
            return b
        }

        mutating func reverseRange(_ a: Int, _ b: Int) {
            var i = a, j = b - 1
            while i < j { swap(i, j); i += 1; j -= 1 }
        }
    }
}
