import KubeAPI

/// The cluster's only source of randomness: SplitMix64 from a seed, so the same seed and
/// the same commands give the same names, IPs and UIDs.
public struct SeededRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func int(_ range: Range<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    public mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }

    /// apiserver's generateName suffix alphabet: no vowels, no digits easily confused.
    static let alphanums = Array("bcdfghjklmnpqrstvwxz2456789")

    public mutating func nameSuffix(_ n: Int = 5) -> String {
        String((0..<n).map { _ in SeededRandom.alphanums[int(0..<SeededRandom.alphanums.count)] })
    }

    public mutating func uuid() -> String {
        let hex = Array("0123456789abcdef")
        var s = ""
        for i in 0..<32 {
            if [8, 12, 16, 20].contains(i) { s += "-" }
            var d = int(0..<16)
            if i == 12 { d = 4 }
            if i == 16 { d = 8 + d % 4 }
            s.append(hex[d])
        }
        return s
    }

    public mutating func hex(_ n: Int) -> String {
        let hex = Array("0123456789abcdef")
        return String((0..<n).map { _ in hex[int(0..<16)] })
    }
}

/// FNV-32a, the hash Kubernetes uses for pod-template-hash and controller-revision-hash.
public func fnv32a(_ s: String) -> UInt32 {
    var h: UInt32 = 2_166_136_261
    for b in s.utf8 { h ^= UInt32(b); h = h &* 16_777_619 }
    return h
}

/// rand.SafeEncodeString of the decimal hash: each digit through the same no-vowel alphabet.
public func safeEncode(_ n: UInt32) -> String {
    let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    return String(String(n).unicodeScalars.map { alphabet[Int($0.value) % alphabet.count] })
}
