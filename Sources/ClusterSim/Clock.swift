/// Things the cluster must do later: image pulls finishing, containers exiting, grace
/// periods running out. Ordered by due time, then by the order they were scheduled, so a
/// run is deterministic.
struct TimerQueue {
    struct Timer {
        let due: Double
        let seq: Int
        let action: (Cluster) -> Void
    }

    private var heap: [Timer] = []
    private var seq = 0

    var isEmpty: Bool { heap.isEmpty }
    var nextDue: Double? { heap.first?.due }
    var count: Int { heap.count }

    mutating func schedule(at due: Double, _ action: @escaping (Cluster) -> Void) {
        seq += 1
        heap.append(Timer(due: due, seq: seq, action: action))
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard less(heap[i], heap[p]) else { break }
            heap.swapAt(i, p)
            i = p
        }
    }

    mutating func pop() -> Timer? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && less(heap[l], heap[m]) { m = l }
            if r < heap.count && less(heap[r], heap[m]) { m = r }
            if m == i { break }
            heap.swapAt(i, m)
            i = m
        }
        return top
    }

    private func less(_ a: Timer, _ b: Timer) -> Bool { a.due != b.due ? a.due < b.due : a.seq < b.seq }
}
