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
            guard less(i, p) else { break }
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
            if l < heap.count && less(l, m) { m = l }
            if r < heap.count && less(r, m) { m = r }
            if m == i { break }
            heap.swapAt(i, m)
            i = m
        }
        return top
    }

    /// Orders heap slots by due time, then scheduling order; by index, so that comparing
    /// doesn't copy (and retain) the timers' actions.
    private func less(_ i: Int, _ j: Int) -> Bool {
        heap[i].due != heap[j].due ? heap[i].due < heap[j].due : heap[i].seq < heap[j].seq
    }
}
